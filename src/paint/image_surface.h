#pragma once
#include <cairo.h>

namespace dw::paint {

// An opaque CAIRO_FORMAT_RGB24 image surface for a PNG page, its pixels uninitialised (the
// painter fills the page first). A large page's pixels are in memory the kernel is asked to back
// with 2 MB pages (MADV_HUGEPAGE; honoured under the "madvise" setting of transparent huge pages,
// Debian's default): with 4 KB pages, filling a phone page of several thousand rows takes a page
// fault every 4 KB, and in a virtual machine each fault is expensive. The surface owns its
// pixels (freed when it is destroyed). Check cairo_surface_status, as for
// cairo_image_surface_create.
cairo_surface_t* create_page_surface(int width, int height);

}  // namespace dw::paint

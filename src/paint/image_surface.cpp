#include "paint/image_surface.h"

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>

namespace dw::paint {
namespace {

constexpr size_t kHugePage = size_t(2) << 20;

const cairo_user_data_key_t kPixelsKey{};

}  // namespace

cairo_surface_t* create_page_surface(int width, int height) {
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, width);
    const size_t bytes = stride > 0 && height > 0 ? size_t(stride) * size_t(height) : 0;
    // Small pages gain nothing; Cairo reports sizes it cannot make.
    if (bytes < kHugePage) return cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    const size_t size = (bytes + kHugePage - 1) / kHugePage * kHugePage;  // aligned_alloc's rule
    void* pixels = std::aligned_alloc(kHugePage, size);
    if (!pixels) return cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
#ifdef MADV_HUGEPAGE
    madvise(pixels, size, MADV_HUGEPAGE);  // advice only: 4 KB pages if the kernel declines
#endif
    cairo_surface_t* surface = cairo_image_surface_create_for_data(
        static_cast<unsigned char*>(pixels), CAIRO_FORMAT_RGB24, width, height, stride);
    if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS &&
        cairo_surface_set_user_data(surface, &kPixelsKey, pixels, std::free) ==
            CAIRO_STATUS_SUCCESS)
        return surface;
    cairo_surface_destroy(surface);
    std::free(pixels);
    return cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
}

}  // namespace dw::paint

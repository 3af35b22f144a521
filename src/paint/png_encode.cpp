#include "paint/png_encode.h"

#include "paint/png_writer.h"

#include <csetjmp>

namespace dw::paint {
namespace {

// Everything between setjmp and the end lives in C structures or in objects made before
// setjmp, so a longjmp from libpng skips no destructor.
bool write_rows(PngWriter& w, unsigned char* data, int width, int height, int stride) {
    if (setjmp(png_jmpbuf(w.png))) return false;
    png_set_IHDR(w.png, w.info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(w.png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_compression_level(w.png, 3);
    png_write_info(w.png, w.info);
    // RGB24 pixels are 32-bit words 0x00RRGGBB in native byte order.
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    png_set_bgr(w.png);
    png_set_filler(w.png, 0, PNG_FILLER_AFTER);
#else
    png_set_filler(w.png, 0, PNG_FILLER_BEFORE);
#endif
    for (int y = 0; y < height; ++y) png_write_row(w.png, data + size_t(y) * size_t(stride));
    png_write_end(w.png, w.info);
    return true;
}

}  // namespace

bool encode_png_rgb24(cairo_surface_t* surface, std::string& out, std::string& error) {
    if (cairo_image_surface_get_format(surface) != CAIRO_FORMAT_RGB24) {
        error = "not an RGB24 image";
        return false;
    }
    cairo_surface_flush(surface);
    PngWriter w(out, error);
    if (!w.ok()) return false;
    return write_rows(w, cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                      cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface));
}

}  // namespace dw::paint

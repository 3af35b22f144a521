#include "paint/png_encode.h"

#include <png.h>

#include <csetjmp>

namespace dw::paint {
namespace {

struct WriteState {
    std::string* out;
    std::string* error;
};

void append(png_structp png, png_bytep data, png_size_t length) {
    auto* state = static_cast<WriteState*>(png_get_io_ptr(png));
    state->out->append(reinterpret_cast<const char*>(data), length);
}

void flush(png_structp) {}

void on_error(png_structp png, png_const_charp message) {
    auto* state = static_cast<WriteState*>(png_get_error_ptr(png));
    *state->error = message;
    png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// The libpng write structures, destroyed whichever way encoding ends.
struct PngWrite {
    png_structp png = nullptr;
    png_infop info = nullptr;
    ~PngWrite() { png_destroy_write_struct(&png, &info); }
};

// Everything between setjmp and the end lives in C structures or in objects made before
// setjmp, so a longjmp from libpng skips no destructor.
bool write_rows(PngWrite& w, unsigned char* data, int width, int height, int stride) {
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
    WriteState state{&out, &error};
    PngWrite w;
    w.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state, on_error, on_warning);
    if (w.png) w.info = png_create_info_struct(w.png);
    if (!w.png || !w.info) {
        error = "out of memory";
        return false;
    }
    png_set_write_fn(w.png, &state, append, flush);
    return write_rows(w, cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                      cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface));
}

}  // namespace dw::paint

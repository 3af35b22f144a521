#include "paint/png_encode.h"

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <vector>

#include "paint/png_writer.h"

namespace dw::paint {
namespace {

// One row of RGB24 pixels (32-bit words 0x00RRGGBB in native byte order) as PNG's RGB bytes.
void pack_rgb_row(const unsigned char* data, int width, unsigned char* row) {
    const auto* pixels = reinterpret_cast<const uint32_t*>(data);
    for (int x = 0; x < width; ++x, row += 3) {
        const uint32_t p = pixels[x];
        row[0] = static_cast<unsigned char>(p >> 16);
        row[1] = static_cast<unsigned char>(p >> 8);
        row[2] = static_cast<unsigned char>(p);
    }
}

// zlib walks its whole hash table each time its window slides on (every 32 KB of input). On a
// page of many megabytes, a table of 4096 entries (memory level 5) instead of the default 32768
// saves more of that than it loses in matches; the file comes out about as small.
constexpr int kMemLevel = 5;

// A band of about 1 MB stays in the cache while it is painted, packed and compressed, and is
// the only pixel memory a page needs: a fresh page-sized image costs more in the kernel's
// zeroing of its new pages than in painting them.
constexpr int kBandBytes = 1 << 20;

void write_header(PngWriter& w, int width, int height) {
    png_set_IHDR(w.png, w.info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(w.png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(w.png, 3);
    png_set_compression_mem_level(w.png, kMemLevel);
    png_write_info(w.png, w.info);
}

// No filter: on drawn pages (flat colours, text) unfiltered rows compress smaller than any PNG
// filter, and cost nothing to make.
void write_rows(PngWriter& w, const unsigned char* data, int width, int rows, int stride,
                std::vector<unsigned char>& row) {
    for (int y = 0; y < rows; ++y) {
        const unsigned char* source = data + size_t(y) * size_t(stride);
        // A row like the one above (blank space, the inside of a band) is already packed.
        if (y == 0 || std::memcmp(source, source - stride, size_t(width) * 4) != 0)
            pack_rgb_row(source, width, row.data());
        png_write_row(w.png, row.data());
    }
}

// Everything between setjmp and the end lives in C structures or in objects made before
// setjmp (`row`), so a longjmp from libpng skips no destructor.
bool write_image(PngWriter& w, const unsigned char* data, int width, int height, int stride,
                 std::vector<unsigned char>& row) {
    if (setjmp(png_jmpbuf(w.png))) return false;
    write_header(w, width, height);
    write_rows(w, data, width, height, stride, row);
    png_write_end(w.png, w.info);
    return true;
}

// The rows of a band: `page` painted on white into `band` (its first rows), from row `top`.
void paint_band(cairo_surface_t* page, cairo_surface_t* band, int top) {
    cairo_t* cr = cairo_create(band);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, page, 0, -top);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(band);
}

// As write_image, each band painted first (the band and `row` are made before setjmp).
bool write_bands(PngWriter& w, cairo_surface_t* page, cairo_surface_t* band, int width, int height,
                 std::vector<unsigned char>& row) {
    if (setjmp(png_jmpbuf(w.png))) return false;
    write_header(w, width, height);
    const int band_rows = cairo_image_surface_get_height(band);
    for (int top = 0; top < height; top += band_rows) {
        paint_band(page, band, top);
        write_rows(w, cairo_image_surface_get_data(band), width, std::min(band_rows, height - top),
                   cairo_image_surface_get_stride(band), row);
    }
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
    const int width = cairo_image_surface_get_width(surface);
    std::vector<unsigned char> row(size_t(width) * 3);
    return write_image(w, cairo_image_surface_get_data(surface), width,
                       cairo_image_surface_get_height(surface),
                       cairo_image_surface_get_stride(surface), row);
}

bool encode_png_rgb24_in_bands(cairo_surface_t* page, std::string& out, std::string& error) {
    cairo_rectangle_t extents{};
    if (!cairo_recording_surface_get_extents(page, &extents)) {
        error = "the page has no size";
        return false;
    }
    const int width = static_cast<int>(extents.width), height = static_cast<int>(extents.height);
    PngWriter w(out, error);
    if (!w.ok()) return false;
    const int band_rows = std::max(1, std::min(height, kBandBytes / (4 * std::max(width, 1))));
    cairo_surface_t* band = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, band_rows);
    if (cairo_surface_status(band) != CAIRO_STATUS_SUCCESS) {
        error = cairo_status_to_string(cairo_surface_status(band));
        cairo_surface_destroy(band);
        return false;
    }
    std::vector<unsigned char> row(size_t(width) * 3);
    const bool written = write_bands(w, page, band, width, height, row);
    cairo_surface_destroy(band);
    return written;
}

}  // namespace dw::paint

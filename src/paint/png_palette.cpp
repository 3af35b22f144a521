#include "paint/png_palette.h"

#include "paint/png_writer.h"

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace dw::paint {
namespace {

int red(uint32_t c) { return int(c >> 16 & 0xff); }
int green(uint32_t c) { return int(c >> 8 & 0xff); }
int blue(uint32_t c) { return int(c & 0xff); }

// The image's colours as palette indices: the most frequent colours first, then each other
// colour mapped to the nearest palette entry (squared RGB distance).
struct Quantized {
    std::vector<png_color> palette;
    std::vector<uint8_t> pixels;
};

Quantized quantize(const unsigned char* data, int width, int height, int stride) {
    std::unordered_map<uint32_t, uint32_t> counts;
    auto pixel = [&](int x, int y) {
        return reinterpret_cast<const uint32_t*>(data + size_t(y) * size_t(stride))[x] & 0xffffff;
    };
    // Drawn pages are long runs of one colour: a run costs one map update, not one per pixel.
    uint32_t run_colour = pixel(0, 0), run_length = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const uint32_t c = pixel(x, y);
            if (c != run_colour) {
                counts[run_colour] += run_length;
                run_colour = c;
                run_length = 0;
            }
            ++run_length;
        }
    counts[run_colour] += run_length;
    std::vector<std::pair<uint32_t, uint32_t>> by_count(counts.begin(), counts.end());
    std::sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (by_count.size() > 256) by_count.resize(256);
    Quantized q;
    std::unordered_map<uint32_t, uint8_t> index;
    for (const auto& [colour, count] : by_count) {
        index[colour] = uint8_t(q.palette.size());
        q.palette.push_back({png_byte(red(colour)), png_byte(green(colour)), png_byte(blue(colour))});
    }
    auto nearest = [&](uint32_t c) {
        int best = 0, best_distance = 1 << 30;
        for (size_t i = 0; i < q.palette.size(); ++i) {
            int dr = red(c) - q.palette[i].red, dg = green(c) - q.palette[i].green,
                db = blue(c) - q.palette[i].blue;
            int d = dr * dr + dg * dg + db * db;
            if (d < best_distance) best = int(i), best_distance = d;
        }
        return uint8_t(best);
    };
    q.pixels.resize(size_t(width) * size_t(height));
    uint32_t last_colour = pixel(0, 0);
    uint8_t last_index = index.count(last_colour) ? index[last_colour] : nearest(last_colour);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const uint32_t c = pixel(x, y);
            if (c != last_colour) {
                auto found = index.find(c);
                if (found == index.end()) found = index.emplace(c, nearest(c)).first;
                last_colour = c;
                last_index = found->second;
            }
            q.pixels[size_t(y) * size_t(width) + size_t(x)] = last_index;
        }
    return q;
}

bool write_rows(PngWriter& w, Quantized& q, int width, int height) {
    if (setjmp(png_jmpbuf(w.png))) return false;
    png_set_IHDR(w.png, w.info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_PALETTE,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_PLTE(w.png, w.info, q.palette.data(), int(q.palette.size()));
    png_set_filter(w.png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(w.png, 6);
    png_write_info(w.png, w.info);
    for (int y = 0; y < height; ++y) png_write_row(w.png, q.pixels.data() + size_t(y) * size_t(width));
    png_write_end(w.png, w.info);
    return true;
}

}  // namespace

bool encode_png_palette(cairo_surface_t* surface, std::string& out, std::string& error) {
    if (cairo_image_surface_get_format(surface) != CAIRO_FORMAT_RGB24) {
        error = "not an RGB24 image";
        return false;
    }
    cairo_surface_flush(surface);
    const int width = cairo_image_surface_get_width(surface);
    const int height = cairo_image_surface_get_height(surface);
    Quantized q = quantize(cairo_image_surface_get_data(surface), width, height,
                           cairo_image_surface_get_stride(surface));
    PngWriter w(out, error);
    if (!w.ok()) return false;
    return write_rows(w, q, width, height);
}

}  // namespace dw::paint

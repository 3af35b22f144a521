#include "e2e/png_compare.h"

#include <algorithm>
#include <cstdlib>

namespace e2e {

namespace {

struct CairoDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using Context = std::unique_ptr<cairo_t, CairoDeleter>;

bool is_32_bit(cairo_surface_t* s) {
    cairo_format_t f = cairo_image_surface_get_format(s);
    return f == CAIRO_FORMAT_ARGB32 || f == CAIRO_FORMAT_RGB24;
}

// Read access to the pixels of a 32-bit image surface as native-endian 0xAARRGGBB words.
class PixelReader {
public:
    explicit PixelReader(cairo_surface_t* s)
        : data_(cairo_image_surface_get_data(s)),
          stride_(cairo_image_surface_get_stride(s)),
          opaque_(cairo_image_surface_get_format(s) == CAIRO_FORMAT_RGB24) {
        cairo_surface_flush(s);
    }
    std::uint32_t at(int x, int y) const {
        const auto* row =
            reinterpret_cast<const std::uint32_t*>(data_ + std::ptrdiff_t(y) * stride_);
        // RGB24 leaves the top byte undefined: it is opaque.
        return opaque_ ? (row[x] | 0xFF000000u) : row[x];
    }

private:
    const unsigned char* data_;
    int stride_;
    bool opaque_;
};

int channel(std::uint32_t pixel, int shift) { return int((pixel >> shift) & 0xFFu); }

// The largest difference between corresponding channels of two pixels.
int channel_delta(std::uint32_t a, std::uint32_t b) {
    int d = 0;
    for (int shift : {24, 16, 8, 0})
        d = std::max(d, std::abs(channel(a, shift) - channel(b, shift)));
    return d;
}

// Draws `s` on a fresh ARGB32 surface of the same size.
Surface to_argb32(cairo_surface_t* s) {
    Surface out(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width(s),
                                           cairo_image_surface_get_height(s)));
    Context cr(cairo_create(out.get()));
    cairo_set_source_surface(cr.get(), s, 0, 0);
    cairo_set_operator(cr.get(), CAIRO_OPERATOR_SOURCE);
    cairo_paint(cr.get());
    return out;
}

}  // namespace

Surface load_png(const std::filesystem::path& path, std::string* error) {
    // cairo never returns null here: failures come back as a surface in an error state.
    Surface s(cairo_image_surface_create_from_png(path.c_str()));
    if (cairo_status_t st = cairo_surface_status(s.get()); st != CAIRO_STATUS_SUCCESS) {
        if (error) *error = path.string() + ": " + cairo_status_to_string(st);
        return nullptr;
    }
    if (!is_32_bit(s.get())) s = to_argb32(s.get());
    return s;
}

ImageDiff diff_images(cairo_surface_t* expected, cairo_surface_t* actual, int threshold) {
    ImageDiff d;
    d.width = cairo_image_surface_get_width(expected);
    d.height = cairo_image_surface_get_height(expected);
    d.pixels = std::int64_t(d.width) * d.height;
    PixelReader e(expected), a(actual);
    PixelBox box{d.width, d.height, 0, 0};
    for (int y = 0; y < d.height; ++y) {
        for (int x = 0; x < d.width; ++x) {
            int delta = channel_delta(e.at(x, y), a.at(x, y));
            d.max_channel_delta = std::max(d.max_channel_delta, delta);
            if (delta <= threshold) continue;
            ++d.differing;
            box = {std::min(box.left, x), std::min(box.top, y), std::max(box.right, x + 1),
                   std::max(box.bottom, y + 1)};
        }
    }
    if (d.differing) d.box = box;
    return d;
}

bool write_diff_png(cairo_surface_t* expected, cairo_surface_t* actual,
                    const std::filesystem::path& out, int threshold, std::string* error) {
    const int w = cairo_image_surface_get_width(expected);
    const int h = cairo_image_surface_get_height(expected);
    Surface picture(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    PixelReader e(expected), a(actual);
    cairo_surface_flush(picture.get());
    unsigned char* data = cairo_image_surface_get_data(picture.get());
    const int stride = cairo_image_surface_get_stride(picture.get());
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + std::ptrdiff_t(y) * stride);
        for (int x = 0; x < w; ++x) {
            std::uint32_t p = a.at(x, y);
            if (channel_delta(e.at(x, y), p) > threshold) {
                row[x] = 0xFFFF0000u;
                continue;
            }
            // Faded: the luminance of the actual pixel (over white), three quarters of the way
            // to white, so the page stays recognisable and the red stands out.
            int alpha = channel(p, 24);
            int lum = (299 * channel(p, 16) + 587 * channel(p, 8) + 114 * channel(p, 0)) / 1000;
            lum += 255 - alpha;  // premultiplied: the uncovered part shows white paper
            int faded = 255 - (255 - std::min(lum, 255)) / 4;
            row[x] = 0xFF000000u | std::uint32_t(faded) << 16 | std::uint32_t(faded) << 8 |
                     std::uint32_t(faded);
        }
    }
    cairo_surface_mark_dirty(picture.get());

    const ImageDiff d = diff_images(expected, actual, threshold);
    if (!d.box.empty()) {
        Context cr(cairo_create(picture.get()));
        cairo_set_source_rgba(cr.get(), 0.0, 0.45, 1.0, 0.8);
        cairo_set_line_width(cr.get(), 1.0);
        // Two pixels outside the box, on pixel centres so the line is crisp.
        cairo_rectangle(cr.get(), d.box.left - 2.5, d.box.top - 2.5, d.box.width() + 4,
                        d.box.height() + 4);
        cairo_stroke(cr.get());
    }
    cairo_status_t st = cairo_surface_write_to_png(picture.get(), out.c_str());
    if (st != CAIRO_STATUS_SUCCESS) {
        if (error) *error = out.string() + ": " + cairo_status_to_string(st);
        return false;
    }
    return true;
}

PngComparison compare_png_files(const std::filesystem::path& expected,
                                const std::filesystem::path& actual, int threshold,
                                const std::filesystem::path& diff_png) {
    PngComparison c;
    Surface e = load_png(expected, &c.error);
    if (!e) return c;
    Surface a = load_png(actual, &c.error);
    if (!a) return c;
    const int ew = cairo_image_surface_get_width(e.get()),
              eh = cairo_image_surface_get_height(e.get());
    const int aw = cairo_image_surface_get_width(a.get()),
              ah = cairo_image_surface_get_height(a.get());
    if (ew != aw || eh != ah) {
        c.error = "sizes differ: " + expected.string() + " is " + std::to_string(ew) + "x" +
                  std::to_string(eh) + ", " + actual.string() + " is " + std::to_string(aw) + "x" +
                  std::to_string(ah);
        return c;
    }
    c.diff = diff_images(e.get(), a.get(), threshold);
    if (c.diff.differing && !diff_png.empty())
        c.diff_written = write_diff_png(e.get(), a.get(), diff_png, threshold, &c.diff_error);
    return c;
}

}  // namespace e2e

// Comparing two PNG images with a tolerance, for the reference-image tests (tier 3 of
// ../shared/DESIGN.md). Two renders of the same page on different machines (other cairo, pixman
// or FreeType builds) differ in the antialiasing of glyph and curve edges by a few levels per
// channel; a layout change moves whole words and blocks. So a pixel only counts as different
// when one of its channels differs by more than a threshold, and the caller judges the fraction
// of such pixels, not their presence.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace e2e {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

// A rectangle of pixels; right and bottom are exclusive.
struct PixelBox {
    int left = 0, top = 0, right = 0, bottom = 0;
    int width() const { return right - left; }
    int height() const { return bottom - top; }
    bool empty() const { return right <= left || bottom <= top; }
};

struct ImageDiff {
    int width = 0, height = 0;
    std::int64_t pixels = 0;     // width * height
    std::int64_t differing = 0;  // pixels with a channel that differs by more than the threshold
    int max_channel_delta = 0;   // the largest difference of any channel of any pixel, 0..255
    PixelBox box;                // smallest box holding every differing pixel; empty if none
    double fraction() const { return pixels ? double(differing) / double(pixels) : 0.0; }
};

// The default per-channel threshold: 24 of 255 (about 9%).
inline constexpr int kDefaultChannelThreshold = 24;

// Loads a PNG as a 32-bit image surface (ARGB32 or RGB24, as cairo reads it; other formats are
// converted to ARGB32). Null, with the reason in `error`, when the file is missing or unreadable.
Surface load_png(const std::filesystem::path& path, std::string* error = nullptr);

// Compares two images of the same size (a precondition: check the sizes first). A pixel
// differs when any of its four channels (premultiplied alpha, red, green, blue; RGB24 counts as
// opaque) differs by more than `threshold`.
ImageDiff diff_images(cairo_surface_t* expected, cairo_surface_t* actual,
                      int threshold = kDefaultChannelThreshold);

// Writes a picture of the differences for a person to look at: `actual` faded to a light grey,
// the differing pixels in solid red, and the bounding box of the differences outlined in blue.
// Same size precondition as diff_images. False (and the reason in `error`) when it cannot be
// written.
bool write_diff_png(cairo_surface_t* expected, cairo_surface_t* actual,
                    const std::filesystem::path& out, int threshold = kDefaultChannelThreshold,
                    std::string* error = nullptr);

// Loads two PNG files and compares them. `error` is set, and nothing compared, when a file
// cannot be read or the sizes differ. When `diff_png` is not empty and the images differ, the
// diff picture is written there (`diff_error` says why when that failed).
struct PngComparison {
    std::string error;
    ImageDiff diff;
    bool diff_written = false;
    std::string diff_error;
    bool compared() const { return error.empty(); }
};
PngComparison compare_png_files(const std::filesystem::path& expected,
                                const std::filesystem::path& actual,
                                int threshold = kDefaultChannelThreshold,
                                const std::filesystem::path& diff_png = {});

}  // namespace e2e

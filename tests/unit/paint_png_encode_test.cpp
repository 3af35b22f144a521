// The PNG encoder writes what the page surface holds, pixel for pixel (RGB), and the page surface
// of a large PNG page is an ordinary image surface.
#include <png.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "paint/cairo_handles.h"
#include "paint/image_surface.h"
#include "paint/png_encode.h"

using namespace dw::paint;

namespace {

// The pixels of a PNG as 0xRRGGBB, decoded by libpng.
std::vector<uint32_t> decode(const std::string& png, int& width, int& height) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    REQUIRE(png_image_begin_read_from_memory(&image, png.data(), png.size()));
    image.format = PNG_FORMAT_RGB;
    std::vector<unsigned char> rgb(PNG_IMAGE_SIZE(image));
    REQUIRE(png_image_finish_read(&image, nullptr, rgb.data(), 0, nullptr));
    width = int(image.width);
    height = int(image.height);
    std::vector<uint32_t> pixels;
    for (size_t i = 0; i + 2 < rgb.size(); i += 3)
        pixels.push_back(uint32_t(rgb[i]) << 16 | uint32_t(rgb[i + 1]) << 8 | rgb[i + 2]);
    return pixels;
}

// The pixels of an RGB24 image surface as 0xRRGGBB.
std::vector<uint32_t> pixels_of(cairo_surface_t* image) {
    const int width = cairo_image_surface_get_width(image);
    const int height = cairo_image_surface_get_height(image);
    const int stride = cairo_image_surface_get_stride(image);
    const unsigned char* data = cairo_image_surface_get_data(image);
    std::vector<uint32_t> pixels;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            pixels.push_back(reinterpret_cast<const uint32_t*>(data + size_t(y) * stride)[x] &
                             0xffffff);
    return pixels;
}

// A page-like picture: runs of equal rows (blank space, bands) between rows that differ.
uint32_t pattern(int x, int y) {
    if (y % 40 < 25) return y % 80 < 40 ? 0xffffff : 0x1f5f4a;
    return uint32_t(x * 7 + y * 13) & 0xffffff;
}

}  // namespace

TEST_CASE("the RGB PNG encoder keeps every pixel, also of rows equal to the one above",
          "[paint][png]") {
    const int width = 301, height = 203;
    SurfacePtr surface(create_page_surface(width, height));
    REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(surface.get());
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            reinterpret_cast<uint32_t*>(data + size_t(y) * size_t(stride))[x] = pattern(x, y);
    cairo_surface_mark_dirty(surface.get());
    // Recorded as the painter records a page: the image drawn at its own pixels.
    const cairo_rectangle_t extents{0, 0, double(width), double(height)};
    SurfacePtr recording(cairo_recording_surface_create(CAIRO_CONTENT_COLOR, &extents));
    CairoPtr cr(cairo_create(recording.get()));
    cairo_set_source_surface(cr.get(), surface.get(), 0, 0);
    cairo_paint(cr.get());
    cr.reset();

    std::string png, error;
    REQUIRE(encode_png_rgb24_in_bands(recording.get(), png, error));
    int decoded_width = 0, decoded_height = 0;
    std::vector<uint32_t> pixels = decode(png, decoded_width, decoded_height);
    REQUIRE(decoded_width == width);
    REQUIRE(decoded_height == height);
    int wrong = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) wrong += pixels[size_t(y) * width + x] != pattern(x, y);
    CHECK(wrong == 0);
}

TEST_CASE("a large page surface is an RGB24 image surface of the asked size that can be drawn on",
          "[paint][png]") {
    const int width = 1170, height = 1500;  // more than one 2 MB page of pixels
    SurfacePtr surface(create_page_surface(width, height));
    REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
    CHECK(cairo_image_surface_get_format(surface.get()) == CAIRO_FORMAT_RGB24);
    CHECK(cairo_image_surface_get_width(surface.get()) == width);
    CHECK(cairo_image_surface_get_height(surface.get()) == height);
    CairoPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cr.reset();
    cairo_surface_flush(surface.get());
    const auto* last_row = reinterpret_cast<const uint32_t*>(
        cairo_image_surface_get_data(surface.get()) +
        size_t(height - 1) * size_t(cairo_image_surface_get_stride(surface.get())));
    CHECK((last_row[width - 1] & 0xffffff) == 0xffffff);
}

TEST_CASE("a recorded page encoded band by band has the pixels of the page painted whole",
          "[paint][png]") {
    const int width = 700, height = 1900;  // a band is about 256 KB: this page is 21 of them
    auto draw = [&](cairo_t* cr) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        for (int i = 0; i < 12; ++i) {  // shapes across the bands' edges, anti-aliased
            cairo_set_source_rgb(cr, 0.12, 0.37 + i * 0.03, 0.29);
            cairo_rectangle(cr, 10.5 + i * 50, 7.25 + i * 151.3, 42.7, 188.6);
            cairo_fill(cr);
        }
        cairo_set_source_rgb(cr, 0.9, 0.5, 0.1);
        cairo_set_line_width(cr, 3.3);
        cairo_move_to(cr, 0, 0);
        cairo_line_to(cr, width, height);
        cairo_stroke(cr);
    };
    SurfacePtr whole(create_page_surface(width, height));
    CairoPtr whole_cr(cairo_create(whole.get()));
    draw(whole_cr.get());
    whole_cr.reset();
    cairo_surface_flush(whole.get());

    const cairo_rectangle_t extents{0, 0, double(width), double(height)};
    SurfacePtr recording(cairo_recording_surface_create(CAIRO_CONTENT_COLOR, &extents));
    CairoPtr recording_cr(cairo_create(recording.get()));
    draw(recording_cr.get());
    recording_cr.reset();
    std::string banded, error;
    REQUIRE(encode_png_rgb24_in_bands(recording.get(), banded, error));

    int w2 = 0, h2 = 0;
    const std::vector<uint32_t> a = pixels_of(whole.get()), b = decode(banded, w2, h2);
    REQUIRE(w2 == width);
    REQUIRE(h2 == height);
    int wrong = 0;
    for (size_t i = 0; i < a.size(); ++i) wrong += a[i] != b[i];
    CHECK(wrong == 0);
    CHECK(a[size_t(height - 1) * width + width - 2] != 0xffffff);  // the line reaches the last band
}

// The bands are compressed as pieces of one zlib stream, half of them on the executor: the file
// is the same byte for byte as without one, and libpng (which checks every chunk's CRC and the
// stream's Adler-32) reads it.
TEST_CASE("a page encoded band by band on an executor is the same file", "[paint][png][threads]") {
    const int width = 613, height = 2411;  // bands of 106 rows: 23 of them, the last one short
    const cairo_rectangle_t extents{0, 0, double(width), double(height)};
    SurfacePtr recording(cairo_recording_surface_create(CAIRO_CONTENT_COLOR, &extents));
    CairoPtr cr(cairo_create(recording.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);  // as the painter does
    cairo_paint(cr.get());
    for (int i = 0; i < 40; ++i) {
        cairo_set_source_rgb(cr.get(), 0.1 + i * 0.02, 0.37, 0.29);
        cairo_arc(cr.get(), 30 + i * 14.3, 20 + i * 59.7, 25, 0, 6.3);
        cairo_fill(cr.get());
    }
    cr.reset();
    std::string alone, shared, error;
    REQUIRE(encode_png_rgb24_in_bands(recording.get(), alone, error));
    {
        dw::Executor executor(1);
        REQUIRE(encode_png_rgb24_in_bands(recording.get(), shared, error, &executor));
    }
    CHECK(shared == alone);
    int w = 0, h = 0;
    const std::vector<uint32_t> pixels = decode(shared, w, h);
    REQUIRE(w == width);
    REQUIRE(h == height);
    CHECK(pixels[size_t(20 + 39 * 59.7) * width + size_t(30 + 39 * 14.3)] == 0xe15e4a);
    CHECK(pixels[size_t(height - 1) * width] == 0xffffff);
}

// The PNG encoders write what the page surface holds, pixel for pixel (RGB), and the page surface
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

    std::string png, error;
    REQUIRE(encode_png_rgb24(surface.get(), png, error));
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

// libFuzzer target: the SVG subset drukwerk draws itself (paint/svg_drawing.h), read and drawn
// onto a small image surface, since a layout may name any SVG file as its logo.
#include <cairo.h>

#include <cstdint>
#include <string_view>

#include "paint/svg_drawing.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto drawing = dw::paint::svg::read_drawing(text);
    if (!drawing) return 0;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 32, 32);
    cairo_t* cr = cairo_create(surface);
    dw::paint::svg::draw(cr, *drawing, {1, 2, 30, 20});
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return 0;
}

#include <catch2/catch.hpp>
#include <cstring>

#include "fixtures/paint/sample_document.h"
#include "paint/cairo_painter.h"

using namespace dw;
using namespace dw::test;

namespace {

struct Pixels {
    int width = 0, height = 0;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface{
        nullptr, cairo_surface_destroy};
    // 0xRRGGBB at pixel (x, y).
    uint32_t at(int x, int y) const {
        const unsigned char* data = cairo_image_surface_get_data(surface.get());
        const int stride = cairo_image_surface_get_stride(surface.get());
        uint32_t v;
        std::memcpy(&v, data + y * stride + x * 4, 4);
        return v & 0xffffff;
    }
};

Pixels decode_png(const std::string& png) {
    struct Reader {
        const std::string* bytes;
        size_t pos = 0;
    } reader{&png};
    auto read = [](void* closure, unsigned char* data, unsigned int length) {
        auto* r = static_cast<Reader*>(closure);
        if (r->pos + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(data, r->bytes->data() + r->pos, length);
        r->pos += length;
        return CAIRO_STATUS_SUCCESS;
    };
    Pixels p;
    p.surface.reset(cairo_image_surface_create_from_png_stream(read, &reader));
    REQUIRE(cairo_surface_status(p.surface.get()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(p.surface.get());
    p.width = cairo_image_surface_get_width(p.surface.get());
    p.height = cairo_image_surface_get_height(p.surface.get());
    return p;
}

}  // namespace

TEST_CASE("PNG output: one image per page, sized by dpi, white background", "[paint][png]") {
    TempDir dir;
    Diagnostics diag;
    typeset::Document doc = sample_document(dir.path());
    auto out = paint::render_with_cairo(doc, {paint::CairoTarget::Png, 72, {}}, diag);
    REQUIRE(out);
    REQUIRE(out->size() == 2);
    CHECK(diag.all().empty());
    CHECK(out->at(0).rfind("\x89PNG\r\n\x1a\n", 0) == 0);

    Pixels page1 = decode_png(out->at(0));
    CHECK(page1.width == 595);
    CHECK(page1.height == 842);
    CHECK(page1.at(5, 5) == 0xffffff);      // white background
    CHECK(page1.at(150, 240) == 0xe8f0eb);  // inside the rounded box (fill 0.91 0.94 0.92)
    CHECK(page1.at(57, 201) == 0xffffff);   // the rounded corner is cut off

    // "Gedraaid" at (400, 400), turned 90 degrees clockwise: it runs down, not to the right.
    auto dark_in = [&page1](int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x) n += (page1.at(x, y) & 0xff) < 0x80;
        }
        return n;
    };
    CHECK(dark_in(400, 402, 415, 450) > 20);
    CHECK(dark_in(402, 386, 460, 399) == 0);

    Pixels page2 = decode_png(out->at(1));
    CHECK(page2.width == 420);
    CHECK(page2.height == 595);
    CHECK(page2.at(50, 120) == 0xff0000);  // left half of the PNG image: red
    CHECK(page2.at(95, 120) == 0x0000ff);  // right half: blue

    auto hires = paint::render_with_cairo(doc, {paint::CairoTarget::Png, 144, {}}, diag);
    REQUIRE(hires);
    Pixels big = decode_png(hires->at(0));
    CHECK(big.width == 1191);
    CHECK(big.height == 1684);
}

TEST_CASE("SVG output: one document per page, deterministic", "[paint][svg]") {
    TempDir dir;
    Diagnostics diag;
    typeset::Document doc = sample_document(dir.path());
    auto out = paint::render_with_cairo(doc, {paint::CairoTarget::Svg, 96, {}}, diag);
    REQUIRE(out);
    REQUIRE(out->size() == 2);
    CHECK(diag.all().empty());
    for (const std::string& svg : *out) {
        CHECK(svg.rfind("<?xml", 0) == 0);
        CHECK(svg.find("<svg") != std::string::npos);
        CHECK(svg.find("</svg>") != std::string::npos);
    }
    CHECK(out->at(0).find("width=\"595") != std::string::npos);
    CHECK(out->at(1).find("width=\"419") != std::string::npos);
    CHECK(out->at(1).find("image/jpeg") != std::string::npos);  // the JPEG embedded as-is

    auto again = paint::render_with_cairo(doc, {paint::CairoTarget::Svg, 96, {}}, diag);
    REQUIRE(again);
    CHECK(*again == *out);
}

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "paint/svg_drawing.h"
#include "paint/svg_path_data.h"
#include "paint/svg_values.h"

using namespace dw::paint::svg;

namespace {

constexpr int kSize = 160;  // pixels per side of the comparison images

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

Surface blank() {
    Surface s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kSize, kSize), cairo_surface_destroy);
    return s;
}

// The viewport of both renderings: not at the origin, and not the viewBox's shape, so placing and
// fitting are compared too.
constexpr dw::typeset::Rect kViewport{10, 20, 140, 120};

Surface draw_own(const Drawing& drawing) {
    Surface s = blank();
    Context cr(cairo_create(s.get()), cairo_destroy);
    draw(cr.get(), drawing, kViewport);
    cairo_surface_flush(s.get());
    return s;
}

Surface draw_with_librsvg(const std::string& text) {
    Surface s = blank();
    GError* error = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(text.data()),
                                                   text.size(), &error);
    REQUIRE(handle);
    Context cr(cairo_create(s.get()), cairo_destroy);
    RsvgRectangle viewport{kViewport.x, kViewport.y, kViewport.w, kViewport.h};
    REQUIRE(rsvg_handle_render_document(handle, cr.get(), &viewport, &error));
    g_object_unref(handle);
    cairo_surface_flush(s.get());
    return s;
}

struct Difference {
    int differing = 0;  // pixels where a channel differs by more than a quarter of its range
    int painted = 0;    // pixels librsvg painted at all
};

Difference compare(cairo_surface_t* a, cairo_surface_t* b) {
    Difference d;
    const int stride = cairo_image_surface_get_stride(a);
    const unsigned char* pa = cairo_image_surface_get_data(a);
    const unsigned char* pb = cairo_image_surface_get_data(b);
    for (int y = 0; y < kSize; ++y)
        for (int x = 0; x < kSize; ++x) {
            const unsigned char* ca = pa + y * stride + 4 * x;
            const unsigned char* cb = pb + y * stride + 4 * x;
            int worst = 0;
            for (int c = 0; c < 4; ++c) worst = std::max(worst, std::abs(ca[c] - cb[c]));
            if (worst > 64) ++d.differing;
            if (cb[3] != 0) ++d.painted;
        }
    return d;
}

// Reads `text` with the subset and checks it draws as librsvg draws it: apart from edge pixels
// (the two approximate curves differently), the same picture, and a picture at all.
void check_same_as_librsvg(const std::string& text) {
    INFO(text);
    std::string why_not;
    const auto drawing = read_drawing(text, &why_not);
    INFO(why_not);
    REQUIRE(drawing);
    const Difference d = compare(draw_own(*drawing).get(), draw_with_librsvg(text).get());
    CHECK(d.painted > 50);
    CHECK(d.differing <= d.painted / 200 + 2);
}

std::string svg(const std::string& body, const std::string& root_attributes = "") {
    return R"~(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 50" )~" + root_attributes +
           ">" + body + "</svg>";
}

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string refusal(const std::string& text) {
    std::string why_not;
    CHECK_FALSE(read_drawing(text, &why_not));
    return why_not;
}

}  // namespace

TEST_CASE("the layouts' SVG files are drawn without librsvg, as librsvg draws them",
          "[paint][svg]") {
    const std::string root = DRUKWERK_SOURCE_ROOT "/layouts/";
    for (const char* file : {"wijk-mark.svg", "icons/theme-1.svg", "icons/theme-2.svg",
                             "icons/theme-3.svg", "icons/theme-4.svg", "icons/theme-5.svg"}) {
        INFO(file);
        const std::string text = file_text(root + file);
        REQUIRE_FALSE(text.empty());
        check_same_as_librsvg(text);
    }
}

TEST_CASE("every part of the SVG subset draws as librsvg draws it", "[paint][svg]") {
    SECTION("shapes") {
        check_same_as_librsvg(svg(R"~(<rect x="5" y="5" width="20" height="10" fill="#c33"/>
            <rect x="30" y="5" width="25" height="20" rx="6" fill="#3c3"/>
            <rect x="30" y="30" width="25" height="15" ry="4" rx="9" fill="navy"/>
            <circle cx="15" cy="30" r="8" fill="rgb(200, 100, 0)"/>
            <ellipse cx="15" cy="44" rx="12" ry="4" fill="rgb(10%, 50%, 90%)"/>)~"));
        check_same_as_librsvg(
            svg(R"~(<line x1="2" y1="2" x2="58" y2="48" stroke="black" stroke-width="3"/>
            <polyline points="5,45 15,30 25,45 35,30" fill="none" stroke="#08f" stroke-width="2"/>
            <polygon points="40 5 55 20 40 35" fill="#f80" fill-opacity="0.5"/>)~"));
    }
    SECTION("path commands, absolute and relative") {
        check_same_as_librsvg(
            svg(R"~(<path d="M5 5 L20 5 l0 10 H5 z M25 5 h10 v10 h-10 Z" fill="#333"/>
            <path d="M5 25 C5 15 25 15 25 25 S45 35 45 25 c0-5 10-5 10 0" fill="none" stroke="red" stroke-width="2"/>
            <path d="M5 40 Q15 30 25 40 T45 40 q5 -5 10 0 t5 0" fill="none" stroke="blue" stroke-width="2"/>)~"));
    }
    SECTION("arcs: both flags, rotated, radii too small, compact flags") {
        check_same_as_librsvg(svg(R"~(<path d="M10 25 A12 8 30 1 1 30 25 Z" fill="#a0a"/>
            <path d="M35 10 a10 10 0 0 0 15 10 a5 5 0 1 0 5 -10" fill="none" stroke="#0aa" stroke-width="2"/>
            <path d="M35 40 A1 1 0 0 1 55 40" fill="none" stroke="#aa0" stroke-width="2"/>
            <path d="M5 45a3,3 0 105,0" fill="none" stroke="black"/>)~"));
    }
    SECTION("strokes: caps, joins, miter limit, dashes") {
        check_same_as_librsvg(
            svg(R"~(<path d="M5 10 H25" stroke="#000" stroke-width="5" stroke-linecap="round"/>
            <path d="M5 20 H25" stroke="#000" stroke-width="5" stroke-linecap="square"/>
            <path d="M35 5 L45 25 L55 5" fill="none" stroke="#c00" stroke-width="4" stroke-linejoin="round"/>
            <path d="M35 30 L45 45 L55 30" fill="none" stroke="#c00" stroke-width="4" stroke-linejoin="bevel"/>
            <path d="M5 30 L15 45 L16 30" fill="none" stroke="#00c" stroke-width="3" stroke-miterlimit="1.5"/>
            <path d="M5 48 H55" stroke="green" stroke-width="2" stroke-dasharray="6 3 1" stroke-dashoffset="2"/>)~"));
    }
    SECTION("groups: transforms, inherited style, opacity, currentColor, style attributes") {
        check_same_as_librsvg(
            svg(R"~(<g transform="translate(30 25) rotate(20) scale(1.5, 0.8)" fill="teal">
              <rect x="-10" y="-10" width="20" height="20"/>
              <g transform="matrix(1 0 0.3 1 0 0) skewY(10)" style="fill: orange; stroke: #000; stroke-width: 1px">
                <circle r="4"/>
              </g>
            </g>
            <g opacity="0.5" color="#f0f"><rect x="2" y="2" width="20" height="20" fill="currentColor"/>
              <rect x="12" y="12" width="20" height="20" fill="currentColor" stroke="blue" stroke-width="3"/></g>
            <rect x="40" y="30" width="15" height="15" style="fill:red;fill-opacity:50%" fill="blue"/>
            <rect x="40" y="5" width="15" height="15" transform="rotate(45 47.5 12.5)" fill="black"/>)~"));
    }
    SECTION("fill rules, hidden and undisplayed elements") {
        check_same_as_librsvg(svg(
            R"~(<path d="M5 5 H45 V45 H5 Z M15 15 H35 V35 H15 Z" fill-rule="evenodd" fill="#369"/>
            <path d="M15 15 H35 V35 H15 Z M20 20 V30 H30 V20 Z" fill="#963"/>
            <g visibility="hidden"><rect width="60" height="50" fill="red"/>
              <rect x="50" y="40" width="10" height="10" fill="#0f0" visibility="visible"/></g>
            <rect width="60" height="50" fill="red" display="none"/>
            <rect width="60" height="50" fill="red" opacity="0"/>)~"));
    }
    SECTION("preserveAspectRatio and drawing outside the viewBox") {
        const std::string body = R"~(<rect x="-20" y="-20" width="100" height="90" fill="#ddd"/>
            <circle cx="30" cy="25" r="20" fill="#c60"/>)~";
        for (const char* ratio :
             {"", R"~(preserveAspectRatio="xMinYMax meet")~",
              R"~(preserveAspectRatio="xMaxYMid slice")~", R"~(preserveAspectRatio="none")~"})
            check_same_as_librsvg(svg(body, ratio));
    }
    SECTION("what editors add: declarations, comments, metadata, their own elements") {
        check_same_as_librsvg(R"~(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!-- made by hand -->
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
                 xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
                 width="60mm" height="50mm" viewBox="0 0 60 50" version="1.1" id="svg5">
              <title>Logo</title><desc>Two squares</desc><defs id="defs2"/>
              <sodipodi:namedview id="base" pagecolor="#ffffff"/>
              <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
              <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1" data-name="x" aria-hidden="true">
                <rect class="a" x="5" y="5" width="20" height="20" style="fill:#1f5f4a;stroke:none;"/>
                <rect x="30" y="20" width="20" height="20" fill="#F7B32B"/>
              </g>
            </svg>)~");
    }
}

TEST_CASE("a shape scaled to nothing is not drawn and leaves the page drawable", "[paint][svg]") {
    const auto drawing = read_drawing(svg(R"~(<rect width="60" height="50" fill="red" transform="scale(0)"/>
        <g transform="matrix(1 2 2 4 0 0)"><rect width="60" height="50" fill="red"/></g>
        <rect width="60" height="50" fill="#00f"/>)~"));
    REQUIRE(drawing);
    Surface s = blank();
    Context cr(cairo_create(s.get()), cairo_destroy);
    draw(cr.get(), *drawing, kViewport);
    CHECK(cairo_status(cr.get()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s.get());
    const unsigned char* centre = cairo_image_surface_get_data(s.get()) +
                                  80 * cairo_image_surface_get_stride(s.get()) + 80 * 4;
    CHECK(centre[0] == 255);  // blue (BGRA in memory on little-endian machines)
    CHECK(centre[2] == 0);
    draw(cr.get(), *drawing, {0, 0, 0, 10});  // an empty viewport
    CHECK(cairo_status(cr.get()) == CAIRO_STATUS_SUCCESS);
}

TEST_CASE("anything outside the SVG subset is left to librsvg, with the reason", "[paint][svg]") {
    CHECK(refusal(svg(R"~(<text x="5" y="20">Hallo</text>)~")) == "the element <text>");
    CHECK(
        refusal(svg(
            R"~(<defs><linearGradient id="g"/></defs><rect width="5" height="5" fill="url(#g)"/>)~")) ==
        "<defs> with content");
    CHECK(refusal(svg(R"~(<rect width="5" height="5" fill="url(#g)"/>)~")) == "fill=\"url(#g)\"");
    CHECK(refusal(svg(R"~(<style>rect { fill: red }</style><rect width="5" height="5"/>)~")) ==
          "the element <style>");
    CHECK(refusal(svg(R"~(<use href="#a"/>)~")) == "the element <use>");
    CHECK(refusal(svg(R"~(<rect width="5" height="5" clip-path="url(#c)"/>)~")) ==
          "the attribute clip-path on <rect>");
    CHECK(refusal(svg(R"~(<rect width="5" height="5" style="filter: blur(2px)"/>)~")) ==
          "the style property filter");
    CHECK(refusal(svg(R"~(<rect width="50%" height="5"/>)~")) == "width=\"50%\"");
    CHECK(refusal(svg(R"~(<path d="M 1 2 L 3"/>)~")) == "d=\"M 1 2 L 3\"");
    CHECK(refusal(svg(R"~(<rect width="5" height="5" fill="chartreuse"/>)~")) ==
          "fill=\"chartreuse\"");
    CHECK(refusal(svg(R"~(<rect width="5" height="5" style="fill: red !important"/>)~")) ==
          "a comment or !important in a style attribute");
    CHECK(refusal(svg(R"~(<svg viewBox="0 0 1 1"/>)~")) == "the element <svg>");  // nested
    CHECK(refusal(svg(R"~(<rect width="-5" height="5"/>)~")) == "a rect with a negative size");
    CHECK(refusal(R"~(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>)~") ==
          "an <svg> without a viewBox");
    CHECK(refusal(R"~(<svg viewBox="0 0 10 10"/>)~") == "an <svg> outside the SVG namespace");
    CHECK(refusal(R"~(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 10"/>)~") ==
          "an empty or invalid viewBox");
    CHECK(refusal("<svg><unclosed></svg>") == "XML that tinyxml2 cannot read");
    std::string deep;
    for (int i = 0; i < 70; ++i) deep += "<g>";
    for (int i = 0; i < 70; ++i) deep += "</g>";
    CHECK(refusal(svg(deep)) == "elements nested deeper than 64");
}

TEST_CASE("SVG path data: commands, implicit repeats, errors", "[paint][svg]") {
    using K = PathOp::Kind;
    SECTION("coordinates after a moveto are linetos, relative to the pen for m") {
        const auto path = path_data("m 10,10 5 0 0 5 z l 1 1");
        REQUIRE(path);
        REQUIRE(path->size() == 5);
        CHECK(path->at(0).kind == K::Move);
        CHECK(path->at(1).kind == K::Line);
        CHECK(path->at(1).p[0] == 15);
        CHECK(path->at(2).p[1] == 15);
        CHECK(path->at(3).kind == K::Close);
        CHECK(path->at(4).p[0] == 11);  // after z the pen is back at the subpath's start
        CHECK(path->at(4).p[1] == 11);
    }
    SECTION("numbers without separators") {
        const auto path = path_data("M-1-2L.5.5 1e1-1E-1");
        REQUIRE(path);
        REQUIRE(path->size() == 3);
        CHECK(path->at(0).p[0] == -1);
        CHECK(path->at(0).p[1] == -2);
        CHECK(path->at(1).p[0] == 0.5);
        CHECK(path->at(1).p[1] == 0.5);
        CHECK(path->at(2).p[0] == 10);
        CHECK(path->at(2).p[1] == Approx(-0.1));
    }
    SECTION("a quadratic curve becomes the cubic with the same shape") {
        const auto path = path_data("M0 0 Q30 30 60 0");
        REQUIRE(path);
        REQUIRE(path->size() == 2);
        CHECK(path->at(1).kind == K::Curve);
        CHECK(path->at(1).p[0] == Approx(20));
        CHECK(path->at(1).p[1] == Approx(20));
        CHECK(path->at(1).p[2] == Approx(40));
        CHECK(path->at(1).p[5] == 0);
    }
    SECTION("a half circle is two quarter curves ending exactly at the endpoint") {
        const auto path = path_data("M0 0 A10 10 0 0 1 20 0");
        REQUIRE(path);
        REQUIRE(path->size() == 3);
        CHECK(path->at(1).p[4] == Approx(10));
        CHECK(path->at(1).p[5] == Approx(-10));  // sweep-flag 1: through the top (y down)
        CHECK(path->at(2).p[4] == 20);
        CHECK(path->at(2).p[5] == 0);
    }
    SECTION("errors anywhere refuse the whole path") {
        for (const char* bad : {"L 1 2", "M 1", "M 1 2 Z 3 4", "M 1 2,", "M 1 2 L 3 4 x", "M 1,,2",
                                "M0 0 A 1 1 0 2 0 3 3", "M 1e999 0"}) {
            INFO(bad);
            CHECK_FALSE(path_data(bad));
        }
    }
    SECTION("an empty path draws nothing") {
        const auto path = path_data("  ");
        REQUIRE(path);
        CHECK(path->empty());
    }
}

TEST_CASE("SVG values: colours, lengths, transforms", "[paint][svg]") {
    const auto hex = color("#1f5f4a");
    REQUIRE(hex);
    CHECK(hex->r == Approx(0x1f / 255.0));
    CHECK(hex->b == Approx(0x4a / 255.0));
    const auto short_hex = color("#fa0");
    REQUIRE(short_hex);
    CHECK(short_hex->g == Approx(0xaa / 255.0));
    CHECK(color("White"));
    CHECK_FALSE(color("#12345"));
    CHECK_FALSE(color("rgb(1, 2)"));
    CHECK_FALSE(color("rgba(1, 2, 3, 0.5)"));
    CHECK(length("2mm").value() == Approx(2 * 96 / 25.4));
    CHECK(length(" 3px ").value() == 3);
    CHECK_FALSE(length("3em"));
    const auto m = transform_list("translate(10, 5) scale(2)");
    REQUIRE(m);
    CHECK(m->xx == 2);
    CHECK(m->x0 == 10);  // the scale applies first, then the translation
    CHECK_FALSE(transform_list("rotate(1 2)"));
    CHECK_FALSE(transform_list("scale(2"));
}

#include <catch2/catch.hpp>
#include <cmath>

#include "fixtures/paint/sample_document.h"
#include "paint/cairo_painter.h"

using namespace dw;
using namespace dw::test;
using namespace dw::typeset;

namespace {

std::string messages(const Diagnostics& diag) {
    std::string s;
    for (const Diagnostic& d : diag.all()) s += format_diagnostic(d) + "\n";
    return s;
}

bool mentions(const Diagnostics& diag, const std::string& text) {
    return messages(diag).find(text) != std::string::npos;
}

Document one_page(std::vector<Item> items) {
    Document doc;
    doc.fonts.push_back({lato_file(), 0, "Lato"});
    doc.metadata.date = "2024-11-12T00:00:00Z";
    doc.pages.push_back(Page{200, 200, "", std::move(items), {}, {}});
    return doc;
}

}  // namespace

TEST_CASE("images that cannot be read are errors, not crashes", "[paint][bad-input]") {
    for (auto target :
         {paint::CairoTarget::Pdf, paint::CairoTarget::Png, paint::CairoTarget::Svg}) {
        Diagnostics diag;
        Document doc = one_page({
            Image{Image::Kind::Png, "/nonexistent/missing.png", {0, 0, 10, 10}},
            Image{Image::Kind::Png, fixture("corrupt.png"), {0, 0, 10, 10}},
            Image{Image::Kind::Jpeg, fixture("corrupt.jpg"), {0, 0, 10, 10}},
            Image{Image::Kind::Svg, fixture("corrupt.svg"), {0, 0, 10, 10}},
            Image{Image::Kind::Svg, "/nonexistent/missing.svg", {0, 0, 10, 10}},
            Image{Image::Kind::Png, fixture("corrupt.png"), {0, 0, 10, 10}},  // reported once
            lato_run("Hallo", 10, 100),
        });
        auto out = paint::render_with_cairo(doc, {target, 72, {}}, diag);
        INFO(messages(diag));
        CHECK_FALSE(out);
        CHECK(diag.error_count() == 5);
        CHECK(mentions(diag, "missing.png: error: cannot read PNG image: file not found"));
        CHECK(mentions(diag, "corrupt.png: error: cannot read PNG image"));
        CHECK(mentions(diag, "corrupt.jpg: error: cannot read JPEG image"));
        CHECK(mentions(diag, "corrupt.svg: error: cannot read SVG image"));
        CHECK(mentions(diag, "missing.svg: error: cannot read SVG image"));
    }
}

TEST_CASE("bad fonts and glyphs are errors", "[paint][bad-input]") {
    Diagnostics diag;
    GlyphRun wrong_font = lato_run("Hallo", 10, 20);
    wrong_font.font = 3;
    GlyphRun bad_glyph = lato_run("Hallo", 10, 40);
    bad_glyph.glyphs[1].id = 999999;
    GlyphRun bad_size = lato_run("Hallo", 10, 60, NAN);
    Document doc = one_page({wrong_font, bad_glyph, bad_size});
    doc.fonts.push_back({"/nonexistent/Font.ttf", 0, "Ghost"});
    GlyphRun ghost = lato_run("Boe", 10, 80);
    ghost.font = 1;
    doc.pages[0].items.push_back(ghost);
    doc.pages[0].items.push_back(ghost);  // the missing font is reported once

    auto out = paint::render_with_cairo(doc, {}, diag);
    INFO(messages(diag));
    CHECK_FALSE(out);
    CHECK(diag.error_count() == 4);
    CHECK(mentions(diag, "uses font 3, but the document has 2 font(s)"));
    CHECK(mentions(diag, "glyph id 999999 is not in the font"));
    CHECK(mentions(diag, "invalid font size nan"));
    CHECK(mentions(diag, "Font.ttf: error: cannot load font 'Ghost'"));
}

TEST_CASE("structural slips are warnings and the PDF stays valid", "[paint][bad-input]") {
    Diagnostics diag;
    GlyphRun bad_clusters = lato_run("Hallo", 10, 20);
    bad_clusters.clusters = {{2, 1}, {9, 9}};
    GlyphRun bad_utf8 = lato_run("Hallo", 10, 40);
    bad_utf8.text = "Hal\xff";
    bad_utf8.clusters.clear();
    Document doc = one_page({
        bad_clusters, bad_utf8, GroupEnd{}, TagEnd{}, TagBegin{"not a tag"}, TagEnd{},
        TagBegin{"P"},  // never closed
        Line{0, 0, 100, 100, 1, {}, {-1, 2}}, Link{{{10, 10, 20, 20}}, "", "nowhere"},
        Link{{{10, 10, 0, 20}}, "https://example.org", ""}, Link{{{10, 10, 20, 20}}, "", ""},
        Dest{"twice", 0, 0}, Dest{"twice", 0, 0}, Dest{"", 0, 0}, GroupBegin{NAN, 0, 0, {}},
        GroupBegin{45, 100, 100, {}},  // two groups left open at the end of the page
    });
    doc.outline = {{"Nergens", 1, "nowhere"}, {"Twee keer", 1, "twice"}};
    doc.metadata.date = "12 november";

    auto out = paint::render_with_cairo(doc, {}, diag);
    INFO(messages(diag));
    REQUIRE(out);
    CHECK(diag.error_count() == 0);
    CHECK(mentions(diag, "invalid clusters or UTF-8"));
    CHECK(mentions(diag, "end of a group that was not begun"));
    CHECK(mentions(diag, "end of a structure tag that was not begun"));
    CHECK(mentions(diag, "\"not a tag\" is not a standard PDF structure type"));
    CHECK(mentions(diag, "structure tag not closed"));
    CHECK(mentions(diag, "invalid dash pattern"));
    CHECK(mentions(diag, "link to unknown destination \"nowhere\""));
    CHECK(mentions(diag, "link without a usable rectangle"));
    CHECK(mentions(diag, "link without a target"));
    CHECK(mentions(diag, "destination \"twice\" is defined twice"));
    CHECK(mentions(diag, "destination with an empty"));
    CHECK(mentions(diag, "group with an invalid rotation"));
    CHECK(mentions(diag, "group not closed at the end of the page"));
    CHECK(mentions(diag, "outline entry \"Nergens\" points to unknown destination"));
    CHECK(mentions(diag, "document date \"12 november\" is not ISO 8601"));
    CHECK(diag.all().size() == 16);

    TempDir dir;
    write_file(dir / "slips.pdf", out->front());
    CommandResult check = run_command("qpdf --check '" + (dir / "slips.pdf") + "'");
    INFO(check.output);
    CHECK(check.status == 0);
    CommandResult text = run_command("pdftotext '" + (dir / "slips.pdf") + "' -");
    CHECK(text.output.find("Hallo") != std::string::npos);  // drawn with valid clusters dropped
}

TEST_CASE("invalid geometry is reported and skipped, the rest is drawn", "[paint][bad-input]") {
    Diagnostics diag;
    Document doc = one_page({
        Shape{{0, 0, NAN, 10}, 0, true, {}, 0, {}},
        Shape{{0, 0, 10, -1}, 0, true, {}, 0, {}},
        Line{0, 0, INFINITY, 1, 1, {}, {}},
        Image{Image::Kind::Svg, fixture("logo.svg"), {0, 0, 0, 10}},
        lato_run("Hallo", 10, 100),
    });
    doc.pages.push_back(Page{NAN, -5, "", {}, {}, {}});
    for (auto target : {paint::CairoTarget::Pdf, paint::CairoTarget::Png}) {
        Diagnostics d;
        auto out = paint::render_with_cairo(doc, {target, 72, {}}, d);
        INFO(messages(d));
        CHECK_FALSE(out);
        CHECK(d.error_count() == 5);
        CHECK(mentions(d, "page 1: box with an empty or invalid rectangle"));
        CHECK(mentions(d, "page 1: line with invalid coordinates"));
        CHECK(mentions(d, "page 1: image with an empty or invalid rectangle"));
        CHECK(mentions(d, "page 2: invalid page size"));
    }
    // The same painter keeps going: a PNG of a huge page is refused, not allocated.
    Diagnostics huge;
    Document big = one_page({});
    big.pages[0].width = 14000;
    auto out = paint::render_with_cairo(big, {paint::CairoTarget::Png, 600, {}}, huge);
    CHECK_FALSE(out);
    CHECK(mentions(huge, "too large for a PNG at 600 dpi"));
}

#include <catch2/catch.hpp>
#include <clocale>

#include "paint/recording_painter.h"

using namespace dw;
using namespace dw::typeset;

namespace {

// Hand-made, so the expected log below can be checked by reading it.
Document small_document() {
    Document doc;
    doc.fonts.push_back({"/somewhere/fonts/lato/Lato-Regular.ttf", 0, "Lato"});
    doc.metadata.title = "Test";
    doc.metadata.date = "2024-11-12T00:00:00Z";
    doc.outline = {{"Begin", 1, "top"}};

    Page page{595.276, 841.89, "1", {}, {}, {}};
    page.items.push_back(Dest{"top", 56.6929, 56.6929});
    page.items.push_back(TagBegin{"P"});
    GlyphRun run;
    run.size = 10;
    run.color = {29 / 255.0, 42 / 255.0, 36 / 255.0, 1};
    run.text = "Hallo";
    for (int i = 0; i < 5; ++i) run.glyphs.push_back({uint32_t(40 + i), 56.6929 + 5 * i, 80});
    page.items.push_back(run);
    page.items.push_back(TagEnd{});
    page.items.push_back(Shape{{10, 20, 100.5, 50}, 4, true, {1, 1, 1, 1}, 0.5, {0, 0, 0, 0.5}});
    page.items.push_back(Line{10, 100, 200, 100, 0.25, {1, 0, 0, 1}, {2, 1.5}});
    page.items.push_back(Link{{{1, 2, 3, 4}, {5, 6, 7, 8}}, "https://example.org/\"q\"", ""});
    page.items.push_back(Link{{{1, 2, 3, 4}}, "", "top"});
    page.items.push_back(GroupBegin{-90, 300, 400, {}});
    page.items.push_back(Image{Image::Kind::Svg, "/abs/path/logo.svg", {0, 0, 40, 20}});
    page.items.push_back(GroupEnd{});
    doc.pages.push_back(page);
    doc.pages.push_back(Page{100, 200, "", {}, {}, {}});
    return doc;
}

const char* const expected_log =
    R"(document pages=2 title="Test" author="" date="2024-11-12T00:00:00Z" lang=""
font 0 family="Lato" file="Lato-Regular.ttf" index=0
outline level=1 title="Begin" dest="top"
page 595.28x841.89 label="1"
dest name="top" x=56.69 y=56.69
tag "P"
glyphs font=0 size=10.00 color=#1d2a24 n=5 x=56.69 y=80.00 text="Hallo"
end-tag
shape rect=[10.00 20.00 100.50 50.00] radius=4.00 fill=#ffffff stroke=0.50 #00000080
line 10.00,100.00 -> 200.00,100.00 width=0.25 color=#ff0000 dash=[2.00 1.50]
link uri="https://example.org/\"q\"" rects=[[1.00 2.00 3.00 4.00] [5.00 6.00 7.00 8.00]]
link dest="top" rects=[[1.00 2.00 3.00 4.00]]
group rotate=-90.00 about=300.00,400.00
image svg file="logo.svg" rect=[0.00 0.00 40.00 20.00]
end-group
end-page
page 100.00x200.00 label=""
end-page
end-document
)";

}  // namespace

TEST_CASE("recording painter writes one line per call, in document order", "[paint][recording]") {
    paint::RecordingPainter painter;
    paint::paint_document(small_document(), painter);
    CHECK(painter.log() == expected_log);
}

TEST_CASE("recording painter output does not depend on the locale", "[paint][recording]") {
    const char* old = std::setlocale(LC_NUMERIC, nullptr);
    std::string saved = old ? old : "C";
    // Dutch writes decimal commas; the log must not. (If the locale is not installed, the
    // C locale stays and the test still checks the log.)
    std::setlocale(LC_NUMERIC, "nl_NL.UTF-8");
    paint::RecordingPainter painter;
    paint::paint_document(small_document(), painter);
    std::setlocale(LC_NUMERIC, saved.c_str());
    CHECK(painter.log() == expected_log);
}

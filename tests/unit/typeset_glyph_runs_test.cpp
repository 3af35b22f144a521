// Glyph runs of laid-out lines: fonts, colours, clusters (which PDF text extraction relies on),
// soft hyphens, justification and missing characters. Drives the paragraph typesetter's own
// stages: items (itemizing and shaping), the line breaker and the line setter.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "typeset/font_system.h"
#include "typeset/glyph_runs.h"
#include "typeset/hyphenator.h"
#include "typeset/line_breaker.h"
#include "typeset/line_setter.h"
#include "typeset/paragraph_items.h"
#include "typeset/paragraph_layout.h"
#include "typeset/paragraph_text.h"

using namespace dw::typeset;

namespace {

const dw::Color kInk{0.1, 0.2, 0.3, 1};
constexpr double kX = 50, kBaseline = 100;

FontSystem& fonts() {
    static std::unique_ptr<FontSystem> system = [] {
        dw::Diagnostics diag;
        return FontSystem::create(DRUKWERK_SOURCE_ROOT "/fonts", diag);
    }();
    REQUIRE(system);
    return *system;
}

dw::bind::Span span(const std::string& text) {
    dw::bind::Span s;
    s.text = text;
    return s;
}

// A paragraph in Lato 12 set into lines of `width` points: each line's runs and placed clusters.
struct SetParagraph {
    std::vector<std::vector<GlyphRun>> lines;
    std::vector<std::vector<PlacedCluster>> placed;
    std::string text;
};

SetParagraph set(const std::vector<dw::bind::Span>& spans, FontTable& table, double width = 1000,
                 dw::layout::Align align = dw::layout::Align::Left) {
    static Hyphenator hyphenator;
    dw::Diagnostics diags;
    TypesetContext ctx(fonts(), hyphenator, table, diags);
    dw::bind::Box paragraph;
    paragraph.kind = dw::bind::Box::Kind::Paragraph;
    paragraph.style.family = "Lato";
    paragraph.style.size = 12;
    paragraph.style.color = kInk;
    paragraph.style.align = align;
    paragraph.spans = spans;
    ParagraphText text = build_paragraph_text(paragraph, ctx);
    AttrListPtr attrs(build_attributes(paragraph, text));
    ParagraphItems items = build_paragraph_items(text, attrs.get(), paragraph.style, width, ctx);
    bool justify = align == dw::layout::Align::Justify;
    BreakSettings settings;
    if (!justify) settings.line_stretch = 36;
    auto spans_of_lines = line_spans(items, break_lines(items.breaks, [width](int) { return width; }, settings), justify);
    SetParagraph out;
    out.text = text.text;
    for (const LineSpan& line : spans_of_lines) {
        LineMeasure m = measure_line(items, line);
        double ratio = justification_ratio(m, line, width, justify);
        std::vector<Item> drawn;
        out.placed.emplace_back();
        set_line(items, line, text.text, kX, kBaseline, ratio, drawn, out.placed.back());
        out.lines.emplace_back();
        for (auto& item : drawn)
            if (auto* run = std::get_if<GlyphRun>(&item)) out.lines.back().push_back(*run);
    }
    return out;
}

std::string file_name(const FontTable& table, int font) {
    return std::filesystem::path(table.faces().at(size_t(font)).file).filename().string();
}

// Clusters must cover the run's text and glyphs exactly, or PDF text extraction goes wrong.
void check_clusters(const GlyphRun& run) {
    int bytes = 0, glyphs = 0;
    for (auto [b, g] : run.clusters) {
        CHECK((b > 0 || g > 0));
        bytes += b;
        glyphs += g;
    }
    CHECK(bytes == static_cast<int>(run.text.size()));
    CHECK(glyphs == static_cast<int>(run.glyphs.size()));
}

}  // namespace

TEST_CASE("a plain line becomes one run in one font", "[glyphruns]") {
    FontTable table;
    auto p = set({span("Hallo wereld")}, table);
    REQUIRE(p.lines.size() == 1);
    REQUIRE(p.lines[0].size() == 1);
    const GlyphRun& run = p.lines[0][0];
    REQUIRE(table.faces().size() == 1);
    CHECK(file_name(table, run.font) == "Lato-Regular.ttf");
    CHECK(table.faces()[0].family == "Lato");
    CHECK(run.size == Approx(12));
    CHECK(run.color.g == Approx(kInk.g).margin(1e-4));  // through Pango's 16-bit colours
    CHECK(run.text == "Hallo wereld");
    CHECK(run.glyphs.size() == 12);
    check_clusters(run);
    CHECK(run.glyphs[0].x == Approx(kX));
    for (size_t i = 0; i < run.glyphs.size(); ++i) {
        CHECK(run.glyphs[i].y == Approx(kBaseline));
        if (i > 0) CHECK(run.glyphs[i].x > run.glyphs[i - 1].x);
    }
}

TEST_CASE("bold, coloured and larger spans become runs with their own font, colour and size",
          "[glyphruns]") {
    auto bold = span("vet");
    bold.weight = 700;
    auto red = span("rood");
    red.color = dw::Color{0.75, 0, 0, 0.5};
    auto big = span("groot");
    big.size = 18;
    FontTable table;
    auto p = set({span("Dit is "), bold, span(" en "), red, span(" en "), big, span(".")}, table);
    REQUIRE(p.lines.size() == 1);
    const auto& runs = p.lines[0];
    REQUIRE(runs.size() == 7);
    CHECK(table.faces().size() == 2);
    std::string text;
    double previous_x = 0;
    for (const auto& run : runs) {
        check_clusters(run);
        text += run.text;
        CHECK(run.glyphs.front().x > previous_x);
        previous_x = run.glyphs.back().x;
    }
    CHECK(text == p.text);
    CHECK(runs[1].text == "vet");
    CHECK(file_name(table, runs[1].font) == "Lato-Bold.ttf");
    CHECK(runs[3].text == "rood");
    CHECK(runs[3].color.r == Approx(0.75).margin(0.01));
    CHECK(runs[3].color.a == Approx(0.5).margin(0.01));
    CHECK(runs[5].size == Approx(18));
    CHECK(runs[6].size == Approx(12));
}

TEST_CASE("justified lines end exactly at the right margin, the last line stays inside",
          "[glyphruns]") {
    FontTable table;
    auto p = set({span("De wijkendeal geeft bewoners een stem bij de inrichting van hun eigen buurt "
                       "en de plannen van de gemeente.")},
                 table, 200, dw::layout::Align::Justify);
    REQUIRE(p.placed.size() >= 3);
    for (size_t i = 0; i + 1 < p.placed.size(); ++i) {
        CHECK(p.placed[i].front().x0 == Approx(kX));
        CHECK(p.placed[i].back().x1 == Approx(kX + 200).margin(0.01));
    }
    CHECK(p.placed.back().back().x1 <= kX + 200 + 0.01);
}

TEST_CASE("a soft hyphen shows as a hyphen glyph only where the line breaks", "[glyphruns]") {
    const std::string word = "bewo\xC2\xADners\xC2\xADinitiatief";
    FontTable table;
    auto wide = set({span("Het " + word)}, table);
    REQUIRE(wide.lines.size() == 1);
    const GlyphRun& line = wide.lines[0][0];
    check_clusters(line);
    CHECK(line.glyphs.size() == 4 + 18 - 2);  // Lato draws "ti" as one ligature glyph
    // Mid-line soft hyphens are neither drawn nor in the text readers copy and search.
    CHECK(line.text == "Het bewonersinitiatief");
    CHECK(line.clusters[15] == std::make_pair(2, 1));  // the ligature: two bytes, one glyph

    double bewo_end = wide.placed[0][7].x1 - kX;  // room for "Het bewo-" but not "Het bewoners-"
    auto narrow = set({span("Het " + word)}, table, bewo_end + 6);
    REQUIRE(narrow.lines.size() >= 2);
    const GlyphRun& first = narrow.lines[0][0];
    check_clusters(first);
    // The hyphen reads as "-": the soft hyphen's bytes would make Cairo write an ActualText span.
    CHECK(first.text == "Het bewo-");
    CHECK(first.clusters.back() == std::make_pair(1, 1));
    auto dash = set({span("\u2010")}, table);
    CHECK(first.glyphs.back().id == dash.lines[0][0].glyphs[0].id);
}

TEST_CASE("a word wider than the line breaks between characters", "[glyphruns]") {
    FontTable table;
    auto p = set({span("https://www.leefbaarheidsalliantie.nl/wijk-en-dorpendeal/")}, table, 80);
    REQUIRE(p.lines.size() >= 3);
    std::string text;
    for (const auto& line : p.lines) {
        REQUIRE(line.size() == 1);
        check_clusters(line[0]);
        text += line[0].text;
    }
    CHECK(text == p.text);
    for (const auto& placed : p.placed) CHECK(placed.back().x1 <= kX + 80 + 0.01);
}

TEST_CASE("a character no font has becomes .notdef and is reported", "[glyphruns]") {
    FontTable table;
    auto p = set({span("a文b")}, table);  // 中 is in Symbola, 文 in no font
    std::vector<uint32_t> ids;
    for (const auto& run : p.lines[0]) {
        check_clusters(run);
        for (const auto& g : run.glyphs) ids.push_back(g.id);
    }
    REQUIRE(ids.size() == 3);
    CHECK(ids[1] == 0);
    CHECK(ids[0] != 0);
}

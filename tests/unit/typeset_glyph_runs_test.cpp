#include <catch2/catch.hpp>
#include <filesystem>
#include <numeric>
#include <string>

#include "typeset/font_system.h"
#include "typeset/glyph_runs.h"

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

// Our own markup (never data text) to keep the attribute set-up short.
GObjectPtr<PangoLayout> lay_out(const std::string& markup, double width_pt = -1) {
    GObjectPtr<PangoLayout> layout(pango_layout_new(fonts().context()));
    PangoFontDescription* desc = pango_font_description_from_string("Lato 12");
    pango_layout_set_font_description(layout.get(), desc);
    pango_font_description_free(desc);
    pango_layout_set_markup(layout.get(), markup.c_str(), -1);
    if (width_pt > 0)
        pango_layout_set_width(layout.get(), static_cast<int>(width_pt * PANGO_SCALE));
    return layout;
}

std::vector<GlyphRun> runs_of(PangoLayout* layout, int line_number, FontTable& table) {
    std::vector<Item> items;
    append_glyph_runs(pango_layout_get_line_readonly(layout, line_number), kX, kBaseline, table,
                      kInk, items);
    std::vector<GlyphRun> runs;
    for (auto& item : items) runs.push_back(std::get<GlyphRun>(item));
    return runs;
}

std::string file_name(const FontTable& table, int font) {
    return std::filesystem::path(table.faces().at(font).file).filename().string();
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

// x of each glyph that starts a cluster, paired with the cluster's byte offset in the run.
std::vector<std::pair<int, double>> cluster_starts(const GlyphRun& run) {
    std::vector<std::pair<int, double>> starts;
    int byte = 0, glyph = 0;
    for (auto [b, g] : run.clusters) {
        if (g > 0) starts.emplace_back(byte, run.glyphs[glyph].x);
        byte += b;
        glyph += g;
    }
    return starts;
}

}  // namespace

TEST_CASE("a plain line becomes one run in one font", "[glyphruns]") {
    auto layout = lay_out("Hallo wereld");
    FontTable table;
    auto runs = runs_of(layout.get(), 0, table);
    REQUIRE(runs.size() == 1);
    const GlyphRun& run = runs[0];
    REQUIRE(table.faces().size() == 1);
    CHECK(file_name(table, run.font) == "Lato-Regular.ttf");
    CHECK(table.faces()[0].family == "Lato");
    CHECK(table.faces()[0].index == 0);
    CHECK(run.size == Approx(12));
    CHECK(run.color == kInk);
    CHECK(run.text == "Hallo wereld");
    CHECK(run.glyphs.size() == 12);
    check_clusters(run);
    CHECK(run.glyphs[0].x == Approx(kX));
    for (size_t i = 0; i < run.glyphs.size(); ++i) {
        CHECK(run.glyphs[i].y == Approx(kBaseline));
        if (i > 0) CHECK(run.glyphs[i].x > run.glyphs[i - 1].x);
    }
}

TEST_CASE("bold and coloured spans become runs with their own font and colour", "[glyphruns]") {
    auto layout = lay_out(
        "Dit is <b>vet</b> en <span foreground=\"#C00000\" alpha=\"50%\">rood</span>"
        " en <span size=\"18432\">groot</span>.");
    FontTable table;
    auto runs = runs_of(layout.get(), 0, table);
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
    CHECK(text == pango_layout_get_text(layout.get()));

    CHECK(runs[1].text == "vet");
    CHECK(file_name(table, runs[1].font) == "Lato-Bold.ttf");
    CHECK(runs[1].color == kInk);
    CHECK(runs[3].text == "rood");
    CHECK(file_name(table, runs[3].font) == "Lato-Regular.ttf");
    CHECK(runs[3].color.r == Approx(192.0 / 255));
    CHECK(runs[3].color.g == 0);
    CHECK(runs[3].color.b == 0);
    CHECK(runs[3].color.a == Approx(0.5).margin(0.001));
    CHECK(runs[3].glyphs.size() == 4);
    CHECK(runs[5].text == "groot");
    CHECK(runs[5].size == Approx(18));
    CHECK(runs[6].size == Approx(12));
}

TEST_CASE("glyph positions match Pango's own cursor positions in justified text", "[glyphruns]") {
    auto layout = lay_out(
        "De wijkendeal geeft bewoners een stem bij de inrichting van hun eigen buurt en de "
        "plannen van de gemeente.",
        200);
    pango_layout_set_justify(layout.get(), TRUE);
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), 0);
    FontTable table;
    auto runs = runs_of(layout.get(), 0, table);
    REQUIRE(runs.size() == 1);
    for (auto [byte, x] : cluster_starts(runs[0])) {
        int pango_x = 0;
        pango_layout_line_index_to_x(line, line->start_index + byte, FALSE, &pango_x);
        CHECK(x == Approx(kX + pango_x / double(PANGO_SCALE)).margin(1e-6));
    }
}

TEST_CASE("a soft hyphen shows as a hyphen glyph only where the line breaks", "[glyphruns]") {
    const std::string word = "bewo\xC2\xADners\xC2\xADinitiatief";
    auto hyphen = lay_out("-");
    FontTable table;
    const uint32_t hyphen_glyph = runs_of(hyphen.get(), 0, table)[0].glyphs[0].id;

    auto wide = lay_out("Het " + word);
    auto line = runs_of(wide.get(), 0, table);
    REQUIRE(line.size() == 1);
    check_clusters(line[0]);
    CHECK(line[0].glyphs.size() == 4 + 18 - 2);           // Lato draws "ti" as one ligature glyph
    CHECK(line[0].clusters[8] == std::make_pair(2, 0));   // mid-line: no glyph at all
    CHECK(line[0].clusters[17] == std::make_pair(2, 1));  // the ligature: two bytes, one glyph

    PangoRectangle logical;  // room for "Het bewo-" but not for "Het bewoners-"
    pango_layout_get_extents(lay_out("Het bewo-").get(), nullptr, &logical);
    auto narrow = lay_out("Het " + word, logical.width / double(PANGO_SCALE) + 2);
    REQUIRE(pango_layout_get_line_count(narrow.get()) >= 2);
    auto first = runs_of(narrow.get(), 0, table);
    REQUIRE(first.size() == 1);
    check_clusters(first[0]);
    CHECK(first[0].text == "Het bewo\xC2\xAD");
    CHECK(first[0].clusters.back() == std::make_pair(2, 1));
    CHECK(first[0].glyphs.back().id == hyphen_glyph);
}

TEST_CASE("raised text, missing characters and right-to-left runs", "[glyphruns]") {
    FontTable table;
    SECTION("rise lifts the baseline") {
        auto layout = lay_out("m<span rise=\"3072\">2</span>");
        auto runs = runs_of(layout.get(), 0, table);
        REQUIRE(runs.size() == 2);
        CHECK(runs[0].glyphs[0].y == Approx(kBaseline));
        CHECK(runs[1].glyphs[0].y == Approx(kBaseline - 3));
    }
    SECTION("a character no font has becomes .notdef") {
        auto layout = lay_out("a中b");
        std::vector<uint32_t> ids;
        for (const auto& run : runs_of(layout.get(), 0, table)) {
            check_clusters(run);
            for (const auto& g : run.glyphs) ids.push_back(g.id);
        }
        REQUIRE(ids.size() == 3);
        CHECK(ids[1] == 0);
        CHECK(ids[0] != 0);
    }
    SECTION("right-to-left glyphs are listed in text order") {
        auto layout = lay_out("\u202Eabc\u202C");
        auto runs = runs_of(layout.get(), 0, table);
        std::string text;
        std::vector<double> xs;
        for (const auto& run : runs) {
            check_clusters(run);
            text += run.text;
            for (const auto& g : run.glyphs) xs.push_back(g.x);
        }
        CHECK(text == "abc");  // the override marks have no glyph, so no run of their own
        REQUIRE(xs.size() == 3);
        CHECK(xs[0] > xs[1]);
        CHECK(xs[1] > xs[2]);
    }
}

#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "typeset/font_config.h"
#include "typeset/font_system.h"
#include "typeset/glyph_runs.h"
#include "typeset/hyphenator.h"
#include "typeset/paragraph_items.h"
#include "typeset/paragraph_layout.h"
#include "typeset/paragraph_text.h"

using dw::typeset::FontSystem;
using dw::typeset::GObjectPtr;

namespace {

const std::string kFontsDir = DRUKWERK_SOURCE_ROOT "/fonts";

std::unique_ptr<FontSystem> bundled_fonts() {
    dw::Diagnostics diag;
    auto fonts = FontSystem::create(kFontsDir, diag);
    REQUIRE(fonts);
    REQUIRE(diag.all().empty());
    return fonts;
}

GObjectPtr<PangoLayout> lay_out(FontSystem& fonts, const std::string& text, const char* font) {
    GObjectPtr<PangoLayout> layout(pango_layout_new(fonts.context()));
    PangoFontDescription* desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout.get(), desc);
    pango_font_description_free(desc);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
}

// The characters of `text` in `family` that no bundled font has, as the typesetter finds them.
std::vector<dw::typeset::MissingGlyph> missing_in(FontSystem& fonts, const std::string& text,
                                                  const std::string& family) {
    using namespace dw::typeset;
    dw::Diagnostics diags;
    Hyphenator hyphenator;
    FontTable table;
    TypesetContext ctx(fonts, hyphenator, table, diags);
    dw::bind::Box paragraph;
    paragraph.style.family = family;
    paragraph.style.size = 12;
    paragraph.spans.emplace_back();
    paragraph.spans.back().text = text;
    ParagraphText paragraph_text = build_paragraph_text(paragraph, ctx);
    AttrListPtr attrs(build_attributes(paragraph, paragraph_text));
    auto items = build_paragraph_items(paragraph_text, attrs.get(), paragraph.style, 1000, ctx);
    return find_missing_glyphs(items, paragraph_text.text);
}

// The file name of the font that draws the character at `byte` of the layout's text.
std::string font_file_at(PangoLayout* layout, int byte) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
    for (GSList* l = line->runs; l; l = l->next) {
        const PangoItem* item = static_cast<PangoGlyphItem*>(l->data)->item;
        if (byte < item->offset || byte >= item->offset + item->length) continue;
        FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(item->analysis.font));
        FcChar8* file = nullptr;
        FcPatternGetString(pattern, FC_FILE, 0, &file);
        return std::filesystem::path(reinterpret_cast<const char*>(file)).filename().string();
    }
    return {};
}

}  // namespace

TEST_CASE("the font system sees the bundled families and the fallback chain, nothing else", "[fonts]") {
    auto fonts = bundled_fonts();
    CHECK(fonts->families() ==
          std::vector<std::string>{"Comic Neue", "Lato", "League Spartan", "Noto Sans", "Noto Sans Arabic",
                                   "Noto Sans Devanagari", "Noto Sans Hebrew", "Noto Sans Symbols2",
                                   "Symbola"});
    CHECK(fonts->context() != nullptr);
    CHECK(fonts->font_map() != nullptr);
    CHECK(pango_cairo_context_get_resolution(fonts->context()) == 72);
}

TEST_CASE("bundled families pass the check in any spelling fontconfig accepts", "[fonts]") {
    auto fonts = bundled_fonts();
    dw::Diagnostics diag;
    CHECK(fonts->check_family("Lato", 400, false, {}, diag));
    CHECK(fonts->check_family("lato", 700, true, {}, diag));
    CHECK(fonts->check_family("League Spartan", 800, false, {}, diag));
    CHECK(fonts->check_family("leaguespartan", 700, false, {}, diag));
    CHECK(fonts->check_family("Noto Sans Symbols2", 400, false, {}, diag));
    CHECK(diag.all().empty());
}

TEST_CASE("a family that is not bundled is an error with a did-you-mean", "[fonts]") {
    auto fonts = bundled_fonts();
    dw::Diagnostics diag;
    const dw::SourceLoc where{"layouts/notulen.xml", 12, 5};
    CHECK_FALSE(fonts->check_family("Latoo", 400, false, where, diag));
    CHECK_FALSE(fonts->check_family("Latoo", 400, false, {"layouts/kaart.xml", 3, 1}, diag));
    REQUIRE(diag.all().size() == 2);  // cached lookup, but every style that names it is reported
    const dw::Diagnostic& d = diag.all()[0];
    CHECK(d.severity == dw::Severity::Error);
    CHECK(d.message == "font family 'Latoo' is not in fonts/");
    CHECK(d.hint == "did you mean 'Lato'?");
    CHECK(d.loc.line == 12);
    CHECK(diag.all()[1].loc.file == "layouts/kaart.xml");

    dw::Diagnostics far;
    CHECK_FALSE(fonts->check_family("Helvetica", 400, false, where, far));
    REQUIRE(far.all().size() == 1);
    CHECK(far.all()[0].hint.find("expected one of: Comic Neue, Lato") == 0);
}

TEST_CASE("a missing weight or italic is a warning naming the face used instead", "[fonts]") {
    auto fonts = bundled_fonts();
    dw::Diagnostics diag;
    CHECK(fonts->check_family("Comic Neue", 400, true, {}, diag));
    CHECK(fonts->check_family("League Spartan", 400, false, {}, diag));
    REQUIRE(diag.all().size() == 2);
    CHECK(diag.all()[0].severity == dw::Severity::Warning);
    CHECK(diag.all()[0].message ==
          "font family 'Comic Neue' has no italic; using Comic Neue Regular");
    CHECK(diag.all()[0].hint == "bundled faces: Bold, Regular");
    CHECK(diag.all()[1].message.find("has no weight 400; using League Spartan Bold") !=
          std::string::npos);
}

TEST_CASE("characters the family lacks come from Noto Sans, then Noto Sans Symbols2", "[fonts]") {
    auto fonts = bundled_fonts();
    // ŋ is in Lato and Noto Sans but not in Comic Neue: the fallback order decides, not chance.
    auto handwriting = lay_out(*fonts, "koŋ ✉ ☎ ☐ ☑", "Comic Neue 12");
    CHECK(font_file_at(handwriting.get(), 0) == "ComicNeue-Regular.otf");
    CHECK(font_file_at(handwriting.get(), 2) == "NotoSans-Regular.ttf");
    CHECK(font_file_at(handwriting.get(), 5) == "NotoSansSymbols2-Regular.ttf");
    CHECK(missing_in(*fonts, "koŋ ✉ ☎ ☐ ☑", "Comic Neue").empty());

    auto unknown = lay_out(*fonts, "Hallo", "Latoo 12");
    CHECK(font_file_at(unknown.get(), 0) == "NotoSans-Regular.ttf");
}

TEST_CASE("characters no bundled font has are found with their offsets", "[fonts]") {
    auto fonts = bundled_fonts();
    // This machine has system fonts with ก (Noto Sans Thai): missing here means none leak in.
    auto missing = missing_in(*fonts, "Zeg 文 en ก.", "Lato");  // 中 would come from Symbola
    REQUIRE(missing.size() == 2);
    CHECK(missing[0].byte_offset == 4);
    CHECK(missing[0].code_point == U'文');
    CHECK(missing[1].byte_offset == 11);
    CHECK(missing[1].code_point == 0x0E01);
    CHECK(dw::typeset::missing_glyphs_message({missing[0]}) ==
          "no font has the Chinese (Han) character '文' (U+6587)");
    CHECK(dw::typeset::missing_glyphs_message({{0, 0x7}}) == "no font has the symbol character (U+0007)");
}

TEST_CASE("a tab, vertical tab or form feed is a space, not a missing character", "[fonts]") {
    auto fonts = bundled_fonts();
    CHECK(missing_in(*fonts, "met\ttabs,\x0B regeleinde\x0C en meer", "Lato").empty());
    dw::typeset::Hyphenator hyphenator;
    dw::layout::Style style;
    dw::bind::Span span;
    span.text = "a\tb\x0B c";
    CHECK(dw::typeset::span_text(span, style, hyphenator, nullptr) == "a b  c");
    span.monospace = true;  // code: a tab goes on to the next column of four
    span.text = "\tx\n12\ty\n\xC3\xA9\tz";
    CHECK(dw::typeset::span_text(span, style, hyphenator, nullptr) == "    x\n12  y\n\xC3\xA9   z");
}

TEST_CASE("missing characters are reported once per run of text", "[fonts]") {
    auto fonts = bundled_fonts();
    const std::string text = "Zeg 文字 字, en ก.";
    auto runs = dw::typeset::missing_glyph_runs(missing_in(*fonts, text, "Lato"), text);
    REQUIRE(runs.size() == 2);
    CHECK(dw::typeset::missing_glyphs_message(runs[0]) ==
          "no font has the Chinese (Han) characters '文字字' (U+6587 U+5B57 U+5B57)");
    CHECK(dw::typeset::missing_glyphs_message(runs[1]) == "no font has the Thai character 'ก' (U+0E01)");
    CHECK(dw::typeset::missing_glyphs_hint(runs[1]).find("--font-dir") != std::string::npos);
}

TEST_CASE("Arabic, Hebrew, Devanagari and emoji come from the declared fallback chain", "[fonts]") {
    auto fonts = bundled_fonts();
    const std::string text = "Mohammed (محمد) אבי नमस्ते 🎉 İğş Łódź Việt Ωμέγα Жанна";
    CHECK(missing_in(*fonts, text, "Lato").empty());
    auto layout = lay_out(*fonts, text, "Lato 12");
    CHECK(font_file_at(layout.get(), int(text.find("محمد"))) == "NotoSansArabic-Regular.ttf");
    CHECK(font_file_at(layout.get(), int(text.find("אבי"))) == "NotoSansHebrew-Regular.ttf");
    CHECK(font_file_at(layout.get(), int(text.find("नमस्ते"))) == "NotoSansDevanagari-Regular.ttf");
    CHECK(font_file_at(layout.get(), int(text.find("🎉"))) == "Symbola_hint.ttf");
    auto handwriting = lay_out(*fonts, text, "Comic Neue 12");  // Lato has Greek, Comic Neue not
    CHECK(font_file_at(handwriting.get(), int(text.find("Ωμέγα"))) == "NotoSans-Regular.ttf");
}

TEST_CASE("create reports a missing or empty font directory", "[fonts]") {
    dw::Diagnostics diag;
    CHECK_FALSE(FontSystem::create("/nonexistent/fonts", diag));
    REQUIRE(diag.error_count() == 1);
    CHECK(diag.all()[0].message == "font directory '/nonexistent/fonts' does not exist");

    auto empty = std::filesystem::temp_directory_path() /
                 ("drukwerk-empty-fonts-" + std::to_string(getpid()));
    std::filesystem::create_directories(empty);
    dw::Diagnostics none;
    CHECK_FALSE(FontSystem::create(empty.string(), none));
    REQUIRE(none.error_count() == 1);
    CHECK(none.all()[0].message == "no fonts found in this directory");
    std::filesystem::remove_all(empty);
}

TEST_CASE("the fontconfig cache goes under XDG_CACHE_HOME", "[fonts]") {
    const char* old = std::getenv("XDG_CACHE_HOME");
    const std::string saved = old ? old : "";
    auto base = std::filesystem::temp_directory_path() /
                ("drukwerk-cache-test-" + std::to_string(getpid()));
    setenv("XDG_CACHE_HOME", base.c_str(), 1);
    auto dir = dw::typeset::font_cache_dir();
    if (old) {
        setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    } else {
        unsetenv("XDG_CACHE_HOME");
    }
    CHECK(dir == base / "drukwerk");
    CHECK(std::filesystem::is_directory(dir));
    std::filesystem::remove_all(base);
}

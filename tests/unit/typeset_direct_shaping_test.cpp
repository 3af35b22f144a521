// shape_directly calls HarfBuzz as Pango 1.50 does; wherever it answers, the glyphs must be the
// ones pango_shape_with_flags gives, and it must leave to Pango what Pango does differently.
#include "typeset/direct_shaping.h"

#include "typeset/font_handles.h"
#include "typeset_support.h"

using namespace typeset_test;

namespace {

struct Items {
    GList* list = nullptr;
    ~Items() { g_list_free_full(list, reinterpret_cast<GDestroyNotify>(pango_item_free)); }
};

// Pango's own itemization of `text` in `font` (family and size, as "Lato Bold 14").
Items itemize(const std::string& text, const char* font, PangoAttribute* extra = nullptr) {
    PangoContext* context = fonts().context();
    AttrListPtr attrs(pango_attr_list_new());
    pango_attr_list_insert(attrs.get(), pango_attr_font_desc_new(pango_font_description_from_string(font)));
    if (extra) pango_attr_list_insert(attrs.get(), extra);
    Items items;
    items.list = pango_itemize(context, text.c_str(), 0, int(text.size()), attrs.get(), nullptr);
    return items;
}

ShapedText shaped_by_pango(const char* text, int length, const PangoAnalysis& analysis) {
    PangoGlyphString* glyphs = pango_glyph_string_new();
    pango_shape_with_flags(text, length, text, length, &analysis, glyphs, PANGO_SHAPE_NONE);
    ShapedText shaped;
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
        const PangoGlyphInfo& g = glyphs->glyphs[i];
        shaped.glyphs.push_back({g.glyph, g.geometry.x_offset, g.geometry.y_offset, g.geometry.width,
                                 glyphs->log_clusters[i]});
        shaped.width += g.geometry.width;
    }
    pango_glyph_string_free(glyphs);
    return shaped;
}

std::vector<int> flat(const ShapedText& s) {
    std::vector<int> out{s.width};
    for (const ShapedGlyph& g : s.glyphs)
        for (int v : {int(g.glyph), g.x_offset, g.y_offset, g.advance, g.cluster}) out.push_back(v);
    return out;
}

// Every item of `text`: shaped directly where it can be, and then exactly as Pango shapes it.
// Returns how many items were shaped directly.
int compare_items(const std::string& text, const char* font, PangoAttribute* extra = nullptr) {
    Items items = itemize(text, font, extra);
    hb_buffer_t* buffer = hb_buffer_create();
    int direct = 0;
    for (GList* l = items.list; l; l = l->next) {
        const auto* item = static_cast<const PangoItem*>(l->data);
        const char* start = text.c_str() + item->offset;
        INFO(font << ": '" << std::string(start, size_t(item->length)) << "'");
        ShapedText ours;
        if (shape_directly(start, item->length, item->analysis, buffer, ours)) {
            ++direct;
            CHECK(flat(ours) == flat(shaped_by_pango(start, item->length, item->analysis)));
        }
    }
    hb_buffer_destroy(buffer);
    return direct;
}

}  // namespace

TEST_CASE("words shaped directly are the glyphs Pango gives", "[shape]") {
    const std::vector<std::string> words = {
        "bewonersinitiatieven", "Wageningen", "fijn", "officiële", "e\u0301e\u0301n", "AVAToy",
        "1.234,56", "(zie", "https://wijzijndewijk.nl/", "co\u00ADordinatie", "\u2010", "-", " ",
        "\u00A0", "q\u0301x\u0323", "T\u00E9l\u00E9phone", "\u201Cquote\u201D", "\u2026", "10\u202F%", "ij"};
    for (const char* font : {"Lato 10", "Lato Bold 14", "Lato Italic 9.5", "League Spartan Bold 20",
                             "Comic Neue 12", "Noto Sans 10"})
        for (const std::string& word : words) CHECK(compare_items(word, font) >= 1);
}

TEST_CASE("what Pango shapes differently is left to Pango", "[shape]") {
    hb_buffer_t* buffer = hb_buffer_create();
    ShapedText out;
    {  // letter spacing turns ligatures off in Pango
        Items items = itemize("fijn", "Lato 10", pango_attr_letter_spacing_new(512));
        const auto* item = static_cast<const PangoItem*>(items.list->data);
        CHECK_FALSE(shape_directly("fijn", 4, item->analysis, buffer, out));
    }
    {  // a character the font does not have: Pango's unknown glyph, with its box width
        Items items = itemize("x", "Lato 10");
        const auto* item = static_cast<const PangoItem*>(items.list->data);
        CHECK_FALSE(shape_directly("\u6F22", 3, item->analysis, buffer, out));
        CHECK(shape_directly("x", 1, item->analysis, buffer, out));
    }
    {  // right to left
        Items items = itemize("x", "Lato 10");
        PangoAnalysis analysis = static_cast<const PangoItem*>(items.list->data)->analysis;
        analysis.level = 1;
        CHECK_FALSE(shape_directly("x", 1, analysis, buffer, out));
    }
    hb_buffer_destroy(buffer);
}

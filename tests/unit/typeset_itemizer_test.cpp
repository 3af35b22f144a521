// The Itemizer's fast way must give exactly the items pango_itemize gives (fonts, ranges, script,
// language, extra attributes), and must leave to Pango what it cannot do itself. Every case is
// checked against pango_itemize; the e2e test does the same for every paragraph of the examples.
#include "typeset/itemizer.h"

#include "typeset_support.h"

using namespace typeset_test;

namespace {

struct Attr {
    PangoAttribute* attr;
    int start, end;
};

struct Case {
    std::string text;
    std::vector<Attr> attrs;  // besides the paragraph's font and colour
};

PangoAttrList* attributes(const Case& c) {
    PangoAttrList* list = pango_attr_list_new();
    PangoFontDescription* font = pango_font_description_from_string("Lato 10");
    auto add = [list](PangoAttribute* a, int start, int end) {
        a->start_index = guint(start);
        a->end_index = guint(end);
        pango_attr_list_insert(list, a);
    };
    add(pango_attr_font_desc_new(font), 0, int(c.text.size()));
    pango_font_description_free(font);
    add(pango_attr_foreground_new(0x1000, 0x2000, 0x3000), 0, int(c.text.size()));
    for (const Attr& a : c.attrs) add(a.attr, a.start, a.end);
    return list;
}

struct Items {
    GList* list = nullptr;
    ~Items() { g_list_free_full(list, reinterpret_cast<GDestroyNotify>(pango_item_free)); }
};

// Whether the fast way took the case; either way, its items must be Pango's.
bool fast_and_same(Itemizer& itemizer, const Case& c) {
    PangoAttrList* attrs = attributes(c);
    Items fast{itemizer.itemize_simple(c.text, attrs)};
    Items pango{pango_itemize(fonts().context(), c.text.c_str(), 0, int(c.text.size()), attrs, nullptr)};
    pango_attr_list_unref(attrs);
    if (!fast.list) return false;
    std::string why;
    INFO(c.text);
    CHECK(Itemizer::same_items(fast.list, pango.list, why));
    INFO(why);
    return true;
}

int count(const std::string& text, const char* needle) {
    int n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("plain Latin paragraphs are itemized the fast way, as Pango does", "[itemize]") {
    Itemizer itemizer(fonts().context());
    const std::string bold = "Dit is vet en gewoon";
    for (const Case& c : std::vector<Case>{
             {"Een gewone zin, met komma's en 12 cijfers: €5 – “zo”.", {}},
             {"  begint met spaties", {}},
             {"123 (4)", {}},  // common characters only: script Common
             {"tab\there", {}},
             {"regel\u2028nieuwe regel", {}},
             {"\u2028begint met een regeleinde", {}},
             {"woord­af­bre­king met zach­te streep­jes", {}},
             {bold, {{pango_attr_weight_new(PANGO_WEIGHT_BOLD), 7, 10}}},
             {bold, {{pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0, 6}}},  // next run starts with a space
             {bold, {{pango_attr_style_new(PANGO_STYLE_ITALIC), 6, 13}}},
             {bold, {{pango_attr_foreground_new(0, 0, 0xffff), 10, 20}}},
             {bold, {{pango_attr_size_new(14 * PANGO_SCALE), 3, 7},
                     {pango_attr_family_new("League Spartan"), 5, 12}}},
             {"Naam\u2028organisatie", {{pango_attr_weight_new(PANGO_WEIGHT_BOLD), 4, 20}}},
         }) {
        CHECK(fast_and_same(itemizer, c));
    }
}

TEST_CASE("what the fast way cannot do is left to Pango", "[itemize]") {
    Itemizer itemizer(fonts().context());
    for (const std::string text : {"שלום wereld",        // right to left
                                   "emoji \U0001F600",   // emoji presentation
                                   "e\u0301n",           // a combining mark
                                   "\u2709 brief",       // a symbol from a fallback font
                                   "\u2028 spatie",      // a break Pango leaves without a font
                                   "links\u200Frechts",  // a bidi control
                                   ""}) {
        INFO(text);
        CHECK_FALSE(fast_and_same(itemizer, {text, {}}));
    }
    // itemize() then gives Pango's items, with the paragraph's direction from its first strong
    // character (Hebrew: right to left).
    const Case hebrew{"שלום wereld", {}};
    PangoAttrList* attrs = attributes(hebrew);
    Items got{itemizer.itemize(hebrew.text, attrs)};
    Items pango{pango_itemize_with_base_dir(fonts().context(), PANGO_DIRECTION_RTL, hebrew.text.c_str(), 0,
                                            int(hebrew.text.size()), attrs, nullptr)};
    pango_attr_list_unref(attrs);
    std::string why;
    CHECK(Itemizer::same_items(got.list, pango.list, why));
    CHECK(itemizer.pango_count() == 1);
}

TEST_CASE("the item comparison sees a difference", "[itemize]") {
    Itemizer itemizer(fonts().context());
    const Case a{"Dit is vet en gewoon", {}};
    const Case b{"Dit is vet en gewoon", {{pango_attr_weight_new(PANGO_WEIGHT_BOLD), 7, 10}}};
    PangoAttrList* attrs_a = attributes(a);
    PangoAttrList* attrs_b = attributes(b);
    Items x{itemizer.itemize_simple(a.text, attrs_a)};
    Items y{itemizer.itemize_simple(b.text, attrs_b)};
    pango_attr_list_unref(attrs_a);
    pango_attr_list_unref(attrs_b);
    std::string why;
    CHECK_FALSE(Itemizer::same_items(x.list, y.list, why));
    CHECK(count(why, "item") == 1);
}

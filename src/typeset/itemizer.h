#pragma once
#include <pango/pango.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "typeset/font_handles.h"

namespace dw::typeset {

// Splits a paragraph into items (runs of one font, script and set of attributes) exactly as
// pango_itemize does, but fast for the text drukwerk mostly sets.
//
// Why: pango_itemize runs a bidi analysis, script and emoji iterators and a font lookup per
// character for every paragraph, a large share of typesetting once words are shaped ahead
// (docs/pdf-stack-findings.md).
//
// The fast way takes Pango's own attribute iterator for the runs of attributes (so fonts and
// the items' extra attributes are Pango's), and then needs no bidi, script or emoji analysis:
// it is used only when every character is left-to-right Latin or common punctuation with text
// presentation, and each run of attributes is drawn with a single font. Anything else (Hebrew,
// emoji, combining marks, a character from a fallback font) goes to pango_itemize. A test
// compares both ways on every paragraph of the examples and on tricky texts.
//
// With DRUKWERK_VERIFY_ITEMIZER=1 in the environment, every fast result is checked against
// pango_itemize; a difference is printed to stderr and Pango's items are used.
class Itemizer {
public:
    explicit Itemizer(PangoContext* context);
    ~Itemizer();
    Itemizer(const Itemizer&) = delete;
    Itemizer& operator=(const Itemizer&) = delete;

    // What pango_itemize(context, text, 0, size, attrs, nullptr) returns (free with
    // pango_item_free on every item).
    GList* itemize(const std::string& text, PangoAttrList* attrs);
    // The fast way only: nullptr when the text needs pango_itemize.
    GList* itemize_simple(const std::string& text, PangoAttrList* attrs);

    int simple_count() const { return simple_; }
    int pango_count() const { return pango_; }

    // Whether two item lists are the same, field by field (extra attributes included); if not,
    // `why` says where they differ.
    static bool same_items(GList* a, GList* b, std::string& why);

private:
    struct Fontset {
        PangoFontDescription* desc = nullptr;  // owned
        PangoLanguage* language = nullptr;
        guint hash = 0;
        PangoFontset* fontset = nullptr;  // owned (one reference)
        // The font each character takes (borrowed from the fontset, which keeps them alive):
        // by index below kDirect, else by map.
        struct Known {
            PangoFont* font = nullptr;
            bool known = false;
        };
        std::vector<Known> direct;
        std::unordered_map<gunichar, PangoFont*> others;
    };
    static constexpr gunichar kDirect = 0x250;
    struct RunPiece {
        int start = 0, end = 0, num_chars = 0;
    };
    struct Run {
        PangoFont* font = nullptr;
        bool single_font = true;
        bool unfilled_break = false;  // a break item Pango leaves without a font: not simple
        int num_chars = 0;
        std::vector<RunPiece> pieces;
    };
    Run read_run(const std::string& text, int start, int end, size_t first_char, Fontset* fontset);
    Fontset* fontset_for(PangoFontDescription* desc, PangoLanguage* language);
    PangoFont* font_for(Fontset& fontset, gunichar c);

    PangoContext* context_;
    // By description and language, as pango_font_map_load_fontset is not cheap. A handful per
    // document, so a list.
    std::vector<std::unique_ptr<Fontset>> fontsets_;
    std::vector<gunichar> chars_;  // of the paragraph at hand
    int simple_ = 0, pango_ = 0;
    bool verify_ = false;
};

}  // namespace dw::typeset

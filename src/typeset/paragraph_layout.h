#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "bind/box.h"
#include "diag/diagnostics.h"
#include "typeset/fragment.h"
#include "typeset/font_system.h"
#include "typeset/image_size.h"
#include "typeset/itemizer.h"
#include "typeset/line_breaker.h"
#include "typeset/paragraph_cache.h"
#include "typeset/paragraph_items.h"
#include "typeset/word_shaper.h"

namespace dw::typeset {

class FontTable;
class Hyphenator;

// What the paragraph typesetter needs from the run: fonts, hyphenation, the font table the glyph
// runs refer to, and counters for unique names.
// Content taller than the fixed height of its box (after shrinking, with fit="shrink").
struct Overflow {
    SourceLoc loc;  // the box in the layout
    double excess = 0;  // pt
};

struct TypesetContext {
    TypesetContext(FontSystem& f, Hyphenator& h, FontTable& t, Diagnostics& d)
        : fonts(f), hyphenator(h), font_table(t), diags(d), itemizer(f.context()) {}

    FontSystem& fonts;
    Hyphenator& hyphenator;
    FontTable& font_table;
    Diagnostics& diags;
    int next_paragraph = 0;
    int next_dest = 0;
    int page_number = 0;  // for header and footer fields
    int page_count = 0;
    // The height of a page's body: a table row taller than this is split, and content that
    // cannot split (a timeline) must fit it; 0: no limit.
    double body_height = 0;
    std::set<std::tuple<std::string, int, bool>> checked_fonts;  // (family, weight, italic)
    std::set<std::string> missing_families;
    std::set<std::string> reported_missing_glyphs;  // formatted diagnostics
    std::vector<Overflow> overflows;  // callers that must not overflow (cards) report these
    // Intrinsic image sizes by file: a card deck draws the same icons on every card.
    std::map<std::string, std::optional<ImageSize>> image_sizes;
    // Images checked by find_image_problem (image_check.h): true when they may be drawn.
    std::map<std::string, bool> image_usable;
    // Set by callers that repeat text a lot (card decks); null: every paragraph is shaped.
    ParagraphCache* paragraph_cache = nullptr;
    // Every word shaped in this run, by font: documents repeat their words.
    WordShaper shaper;
    // Paragraphs into items, as pango_itemize but fast for plain Latin text.
    Itemizer itemizer;
    // List markers ("•", "–", "1.") by text and style: every item of a list repeats its marker.
    std::map<std::string, ParagraphItems> markers;
};

// Shapes a paragraph at `width` and returns one fragment per line (x from `x`, y from 0 for each
// line), with widow/orphan and keep-with-next rules set, bookmarks on the first line, link
// rectangles per line, and the list marker on the first line. Space before/after is not included.
std::vector<Fragment> layout_paragraph(const bind::Box& paragraph, double x, double width,
                                       TypesetContext& ctx);

// The paragraph's min-content and max-content widths (see content_widths), indents included.
ContentWidths measure_paragraph(const bind::Box& paragraph, TypesetContext& ctx);

}  // namespace dw::typeset

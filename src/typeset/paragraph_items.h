#pragma once
#include <pango/pango.h>

#include <span>
#include <string>
#include <vector>

#include "layout/color.h"
#include "layout/style.h"
#include "typeset/font_system.h"
#include "typeset/line_breaker.h"
#include "typeset/word_shaper.h"

namespace dw::typeset {

struct ParagraphText;
struct TypesetContext;

// A shaped piece of a paragraph. Each piece is one item for the line breaker (`BreakItem` of
// the same index): a word or part of one (box), the space between words (glue), a place where a
// line may end (penalty: after a soft hyphen, drawing a hyphen; after "-" or "/", drawing
// nothing), or a forced line break.
struct Piece {
    enum class Kind { Word, Space, Hyphen, BreakPoint, Fill, ForcedBreak };
    Kind kind = Kind::Word;
    int start = 0, end = 0;  // bytes of the paragraph text
    int font = -1;           // FontTable index; -1: nothing to draw
    Color color;
    FontInfo metrics;        // size 0: a piece without glyphs (a break)
    // Its glyphs: [glyph_begin, glyph_end) of ParagraphItems::glyphs. Offsets in Pango units
    // from the piece's start, advances with letter spacing, clusters absolute.
    unsigned glyph_begin = 0, glyph_end = 0;
    double width = 0;  // points, letter spacing included
    bool strike = false;
    guint8 level = 0;  // bidi embedding level of its Pango item: odd is right-to-left
};

// The pieces share one glyph array: a paragraph has hundreds of pieces, and a vector each was
// the typesetter's most frequent allocation.
struct ParagraphItems {
    std::vector<Piece> pieces;
    std::vector<BreakItem> breaks;  // breaks[i] is pieces[i] as the line breaker sees it
    std::vector<ShapedGlyph> glyphs;
    FontInfo base_metrics;  // the paragraph font's, for a line with nothing on it
    bool right_to_left = false;  // the paragraph's first strong character is (Arabic, Hebrew)

    std::span<const ShapedGlyph> glyphs_of(const Piece& piece) const {
        return {glyphs.data() + piece.glyph_begin, piece.glyph_end - piece.glyph_begin};
    }
};

// Itemizes the paragraph with Pango (font per character, with fallback), splits it where lines
// may break (Unicode line breaking, soft hyphens, forced breaks) and shapes every piece through
// the context's WordShaper. A run of text wider than `narrowest_line` may also break between
// any two characters, so nothing overflows. Ends with the paragraph's final forced break.
ParagraphItems build_paragraph_items(const ParagraphText& text, PangoAttrList* attrs,
                                     const layout::Style& style, double narrowest_line,
                                     TypesetContext& ctx);

// Every character that no font (bundled, fallback or added) has (shaped as an unknown glyph), in text order.
std::vector<MissingGlyph> find_missing_glyphs(const ParagraphItems& items, const std::string& text);

}  // namespace dw::typeset

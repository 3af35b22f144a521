#pragma once
#include <pango/pango.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "typeset/font_handles.h"

namespace dw::typeset {

// One glyph of a shaped piece of text, in Pango units (1/1024 pt at the FontSystem's 72 dpi).
struct ShapedGlyph {
    PangoGlyph glyph = 0;  // may be PANGO_GLYPH_EMPTY or carry PANGO_GLYPH_UNKNOWN_FLAG
    int x_offset = 0, y_offset = 0, advance = 0;
    int cluster = 0;  // byte offset of its cluster in the shaped text
};

struct ShapedText {
    std::vector<ShapedGlyph> glyphs;  // logical order
    int width = 0;
};

// What a line needs of a font: its logical ascent and descent (as Pango measures a run) and size.
struct FontInfo {
    double ascent = 0, descent = 0, size = 0;  // points
};

// Shapes words one at a time and remembers them. Pango's paragraph layout shapes every item
// whole and then every line again, at ~0.7 µs a character with Lato; documents repeat their
// words, and a card deck repeats them across cards, so shaping each distinct (font, word) once
// makes typesetting several times faster. Words are shaped without their neighbours: kerning
// across a space or a style change is lost, which text faces do not use.
class WordShaper {
public:
    WordShaper();
    ~WordShaper();
    WordShaper(const WordShaper&) = delete;
    WordShaper& operator=(const WordShaper&) = delete;

    // `text` shaped with `analysis` (font, script, language, bidi level of its Pango item). The
    // reference is valid until the next call.
    const ShapedText& shape(const char* text, int length, const PangoAnalysis& analysis);

    FontInfo font_info(PangoFont* font);

    size_t cached_words() const { return words_.size(); }

private:
    // Bounded so that a deck of thousands of unique texts keeps flat memory.
    static constexpr size_t kCapacity = 20000;

    std::unordered_map<std::string, ShapedText> words_;
    std::unordered_map<PangoFont*, FontInfo> fonts_;
    std::vector<GObjectPtr<PangoFont>> held_fonts_;  // keys hold font pointers: keep them alive
    PangoGlyphString* scratch_;
    std::string key_;
};

}  // namespace dw::typeset

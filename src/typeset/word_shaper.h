#pragma once
#include <hb.h>
#include <pango/pango.h>

#include <mutex>
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

// Words shaped on another thread (see preshaper.h), for the WordShaper of the typesetting thread
// to take instead of shaping them again. Keys as WordShaper::key_of.
class SharedShapes {
public:
    void add(std::string key, ShapedText shaped);
    bool find(const std::string& key, ShapedText& out) const;
    bool contains(const std::string& key) const;

private:
    mutable std::mutex mutex_;
    std::unordered_map<std::string, ShapedText> words_;
};

// The scratch memory of shaping, one per thread that shapes.
class ShapingScratch {
public:
    ShapingScratch() : glyphs_(pango_glyph_string_new()), buffer_(hb_buffer_create()) {}
    ~ShapingScratch() {
        pango_glyph_string_free(glyphs_);
        hb_buffer_destroy(buffer_);
    }
    ShapingScratch(const ShapingScratch&) = delete;
    ShapingScratch& operator=(const ShapingScratch&) = delete;

    PangoGlyphString* glyphs() { return glyphs_; }
    hb_buffer_t* buffer() { return buffer_; }

private:
    PangoGlyphString* glyphs_;
    hb_buffer_t* buffer_;
};

// Shapes words one at a time and remembers them. Pango's paragraph layout shapes every item
// whole and then every line again; documents repeat their
// words, and a card deck repeats them across cards, so shaping each distinct (font, word) once
// makes typesetting several times faster. Words are shaped without their neighbours: kerning
// across a space or a style change is lost, which text faces do not use.
class WordShaper {
public:
    WordShaper() = default;
    WordShaper(const WordShaper&) = delete;
    WordShaper& operator=(const WordShaper&) = delete;

    // `text` shaped with `analysis` (font, script, language, bidi level of its Pango item). The
    // reference is valid until the next call.
    const ShapedText& shape(const char* text, int length, const PangoAnalysis& analysis);

    // What a shaping depends on besides the text: font, language, script, bidi level, and
    // whether the item's attributes change the font features (letter spacing turns ligatures
    // off). Equal keys give equal glyphs, whichever thread shapes them.
    static void key_of(const char* text, int length, const PangoAnalysis& analysis, std::string& key);
    // Pango's shaping of `text` alone, as shape() stores it. Safe on any thread for a font whose
    // HarfBuzz font exists (pango_font_get_hb_font was called once, on the typesetting thread).
    static ShapedText shape_alone(const char* text, int length, const PangoAnalysis& analysis,
                                  ShapingScratch& scratch);

    // Also look up words `shared` holds before shaping them here.
    void use_shared(const SharedShapes* shared) { shared_ = shared; }

    FontInfo font_info(PangoFont* font);

    size_t cached_words() const { return words_.size(); }
    size_t shared_hits() const { return shared_hits_; }  // words taken from use_shared()

private:
    // Bounded so that a deck of thousands of unique texts keeps flat memory.
    static constexpr size_t kCapacity = 20000;

    std::unordered_map<std::string, ShapedText> words_;
    std::unordered_map<PangoFont*, FontInfo> fonts_;
    std::vector<GObjectPtr<PangoFont>> held_fonts_;  // keys hold font pointers: keep them alive
    ShapingScratch scratch_;
    std::string key_;
    const SharedShapes* shared_ = nullptr;
    size_t shared_hits_ = 0;
};

}  // namespace dw::typeset

#pragma once
#include <hpdf.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.h"
#include "paint/haru_handles.h"
#include "typeset/page.h"

// The document's fonts for the libharu painter, loaded on first use so that only fonts that
// are drawn get embedded.
//  - TrueType fonts (glyf outlines: Lato, Noto) are embedded and subset by libharu, which shows
//    text through the font's cmap: in WinAnsiEncoding when all the document's text in that
//    font fits (a simple font: libharu builds a UTF-8 CID font from all 65,536 code points of
//    the cmap), else UTF-8.
//  - libharu 2.3 cannot embed OpenType fonts with CFF outlines (League Spartan, Comic Neue).
//    Their glyphs are drawn as filled paths read with FreeType at Pango's positions, and the
//    text is laid over them invisibly (text render mode 3) in the first TrueType font, so PDF
//    readers still extract and search it.
namespace dw::paint {

// One glyph outline in font units (y up) as PDF path operators ("10 0 m 20 5 l ... h"),
// formatted once and written into the content stream for every use; empty for a blank glyph.
using GlyphPath = std::string;

class HaruFonts {
public:
    struct Font {
        FtFacePtr face;
        HPDF_Font pdf = nullptr;  // TrueType: shows text; nullptr for outline-drawn fonts
        bool outlines = false;
        bool win_ansi = false;     // text is shown in WinAnsiEncoding, else in UTF-8
        std::set<char32_t> shown;  // UTF-8 fonts: the characters shown (for PDF/A's CIDSet)
        double units_per_em = 1000;
        std::unordered_map<char32_t, double> widths;  // advance in 1/1000 em
        std::unordered_map<uint32_t, GlyphPath> paths;
        std::unordered_map<uint32_t, char32_t> char_of_glyph;  // built on first need
        bool reverse_cmap_built = false;
    };

    // Looks through the document's text to choose each font's encoding.
    HaruFonts(HPDF_Doc doc, const typeset::Document& document, Diagnostics& diag);

    // The font with this index in Document::fonts, loaded now if needed; nullptr when it cannot
    // be used (reported once).
    Font* get(int index);
    // The TrueType font that carries the invisible text over outline-drawn glyphs; nullptr when
    // the document has none (reported once).
    Font* invisible_text_font();

    // Advance of `text` at `size` points, from the font's own advance widths.
    double advance(Font& font, std::string_view text, double size);
    // The text libharu should show for a cluster so that the font draws Pango's glyph: the
    // cluster's text, or for a lone character whose glyph Pango replaced (a soft hyphen at a
    // line end becomes the hyphen glyph), a character the font maps to that glyph.
    std::string shown_text(Font& font, std::string_view text, const std::vector<uint32_t>& glyphs);
    // The UTF-8 libharu fonts loaded so far, in index order.
    std::vector<Font*> unicode_fonts();
    // Advance of one glyph at `size` points.
    double glyph_advance(Font& font, uint32_t glyph, double size);
    // The outline of `glyph`, read once.
    const GlyphPath& outline(Font& font, uint32_t glyph);

private:
    bool load(int index);
    std::string substitute_for(Font& font, uint32_t glyph);
    FtFacePtr open_face(const typeset::FontFace& face);
    void choose_encodings(const typeset::Document& document);

    HPDF_Doc doc_;
    const std::vector<typeset::FontFace>& faces_;
    Diagnostics& diag_;
    FtLibraryPtr library_;
    std::vector<std::optional<Font>> fonts_;  // nullopt: not loaded yet
    std::vector<bool> failed_;
    std::vector<bool> needs_unicode_;    // a character outside WinAnsi is shown in this font
    std::optional<int> invisible_font_;  // index into fonts_: the first TrueType font
    bool invisible_font_reported_ = false;
};

}  // namespace dw::paint

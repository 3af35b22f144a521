#include "paint/haru_fonts.h"

#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include FT_ADVANCES_H

#include "paint/text_format.h"
#include "paint/utf8_codec.h"
#include "paint/win_ansi.h"

namespace dw::paint {

namespace {

// Characters that draw nothing where Pango shapes them inside a line (a soft hyphen, zero-width
// spaces and joiners, controls); shown through a cmap some of them would draw a glyph.
bool is_invisible(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
           cp == 0x2028 || cp == 0x2029 || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}

bool has_truetype_outlines(FT_Face face) {
    FT_ULong length = 0;
    return FT_IS_SFNT(face) && FT_Load_Sfnt_Table(face, TTAG_glyf, 0, nullptr, &length) == 0 &&
           length > 0;
}

// A coordinate as short PDF text: two decimals at most, trailing zeros dropped.
std::string coordinate(double v) {
    std::string s = fixed(v, 2);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

// FreeType outline decomposition into PDF path operators (quadratic pieces become cubics).
struct PathBuilder {
    GlyphPath path;
    double x = 0, y = 0;  // current point
    void add(std::initializer_list<double> coords, const char* op) {
        for (double c : coords) path += coordinate(c) + ' ';
        path += op;
        path += '\n';
    }
    static int move(const FT_Vector* to, void* self) {
        auto* b = static_cast<PathBuilder*>(self);
        if (!b->path.empty()) b->path += "h\n";
        b->add({double(to->x), double(to->y)}, "m");
        b->x = to->x, b->y = to->y;
        return 0;
    }
    static int line(const FT_Vector* to, void* self) {
        auto* b = static_cast<PathBuilder*>(self);
        b->add({double(to->x), double(to->y)}, "l");
        b->x = to->x, b->y = to->y;
        return 0;
    }
    static int conic(const FT_Vector* c, const FT_Vector* to, void* self) {
        auto* b = static_cast<PathBuilder*>(self);
        const double c1x = b->x + 2.0 / 3 * (c->x - b->x), c1y = b->y + 2.0 / 3 * (c->y - b->y);
        const double c2x = to->x + 2.0 / 3 * (c->x - to->x), c2y = to->y + 2.0 / 3 * (c->y - to->y);
        b->add({c1x, c1y, c2x, c2y, double(to->x), double(to->y)}, "c");
        b->x = to->x, b->y = to->y;
        return 0;
    }
    static int cubic(const FT_Vector* c1, const FT_Vector* c2, const FT_Vector* to, void* self) {
        auto* b = static_cast<PathBuilder*>(self);
        b->add({double(c1->x), double(c1->y), double(c2->x), double(c2->y), double(to->x),
                double(to->y)},
               "c");
        b->x = to->x, b->y = to->y;
        return 0;
    }
};

}  // namespace

HaruFonts::HaruFonts(HPDF_Doc doc, const typeset::Document& document, Diagnostics& diag)
    : doc_(doc),
      faces_(document.fonts),
      diag_(diag),
      fonts_(faces_.size()),
      failed_(faces_.size(), false),
      needs_unicode_(faces_.size(), false) {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) == 0) library_.reset(lib);
    choose_encodings(document);
}

// The carrier of invisible text is the first TrueType font: it shows the text of every
// outline-drawn font as well as its own.
void HaruFonts::choose_encodings(const typeset::Document& document) {
    std::vector<bool> truetype(faces_.size(), false);
    for (size_t i = 0; i < faces_.size(); ++i) {
        FtFacePtr face = open_face(faces_[i]);
        truetype[i] = face && has_truetype_outlines(face.get());
        if (truetype[i] && !invisible_font_) invisible_font_ = static_cast<int>(i);
    }
    for (const typeset::Page& page : document.pages) {
        for (const typeset::Item& item : page.items) {
            const auto* run = std::get_if<typeset::GlyphRun>(&item);
            if (!run || run->font < 0 || static_cast<size_t>(run->font) >= faces_.size()) continue;
            int shown_in = run->font;
            if (!truetype[shown_in]) {
                if (!invisible_font_) continue;
                shown_in = *invisible_font_;
            }
            if (needs_unicode_[shown_in]) continue;
            for (char32_t cp : decode_utf8(run->text)) {
                if (!is_invisible(cp) && !win_ansi_byte(cp)) {
                    needs_unicode_[shown_in] = true;
                    break;
                }
            }
        }
    }
}

FtFacePtr HaruFonts::open_face(const typeset::FontFace& face) {
    FT_Face f = nullptr;
    if (!library_ || FT_New_Face(library_.get(), face.file.c_str(), face.index, &f) != 0) {
        return nullptr;
    }
    return FtFacePtr(f);
}

bool HaruFonts::load(int index) {
    const typeset::FontFace& face = faces_[index];
    Font font;
    font.face = open_face(face);
    if (!font.face) {
        diag_.error({face.file}, "cannot open font file");
        return false;
    }
    font.units_per_em = font.face->units_per_EM > 0 ? font.face->units_per_EM : 1000;
    if (has_truetype_outlines(font.face.get())) {
        const char* name =
            face.index > 0 ? HPDF_LoadTTFontFromFile2(doc_, face.file.c_str(),
                                                      static_cast<HPDF_UINT>(face.index), HPDF_TRUE)
                           : HPDF_LoadTTFontFromFile(doc_, face.file.c_str(), HPDF_TRUE);
        font.win_ansi = !needs_unicode_[index];
        font.pdf =
            name ? HPDF_GetFont(doc_, name, font.win_ansi ? "WinAnsiEncoding" : "UTF-8") : nullptr;
        if (!font.pdf) {
            diag_.error({face.file}, "libharu cannot embed this TrueType font");
            return false;
        }
    } else {
        font.outlines = true;
    }
    fonts_[index] = std::move(font);
    return true;
}

HaruFonts::Font* HaruFonts::get(int index) {
    if (index < 0 || static_cast<size_t>(index) >= fonts_.size()) {
        diag_.error({}, "glyph run refers to font " + std::to_string(index) +
                            ", which the document does not list");
        return nullptr;
    }
    if (failed_[index]) return nullptr;
    if (!fonts_[index] && !load(index)) {
        failed_[index] = true;
        return nullptr;
    }
    return &*fonts_[index];
}

HaruFonts::Font* HaruFonts::invisible_text_font() {
    if (!invisible_font_ && !invisible_font_reported_) {
        invisible_font_reported_ = true;
        diag_.warning({},
                      "no TrueType font to carry the text of CFF-outline fonts; that text "
                      "is drawn but cannot be extracted from the PDF");
    }
    return invisible_font_ ? get(*invisible_font_) : nullptr;
}

double HaruFonts::advance(Font& font, std::string_view text, double size) {
    double total = 0;
    for (char32_t cp : decode_utf8(text)) {
        auto it = font.widths.find(cp);
        if (it == font.widths.end()) {
            FT_Fixed adv = 0;
            const FT_UInt glyph = FT_Get_Char_Index(font.face.get(), cp);
            FT_Get_Advance(font.face.get(), glyph, FT_LOAD_NO_SCALE, &adv);
            // libharu writes widths as whole thousandths of an em; so do viewers.
            const double width = static_cast<int>(adv * 1000.0 / font.units_per_em);
            it = font.widths.emplace(cp, width).first;
        }
        total += it->second;
    }
    return total * size / 1000;
}

std::string HaruFonts::shown_text(Font& font, std::string_view text,
                                  const std::vector<uint32_t>& glyphs) {
    const std::vector<char32_t> cps = decode_utf8(text);
    if (cps.size() == 1 && glyphs.size() == 1) {
        if (FT_Get_Char_Index(font.face.get(), cps[0]) == glyphs[0]) return std::string(text);
        if (std::string substitute = substitute_for(font, glyphs[0]); !substitute.empty()) {
            return substitute == " " && is_invisible(cps[0]) ? std::string() : substitute;
        }
        // A glyph no character reaches: HarfBuzz hides a soft hyphen inside a line this way.
        // Shown through the cmap it would become visible, so an empty one is left out.
        if (outline(font, glyphs[0]).empty()) return {};
    }
    std::string out;
    for (char32_t cp : cps) {
        if (!is_invisible(cp)) append_utf8(out, cp);
    }
    return out;
}

// The lowest character the cmap maps to `glyph`, as UTF-8; empty when there is none.
std::string HaruFonts::substitute_for(Font& font, uint32_t glyph) {
    if (!font.reverse_cmap_built) {
        font.reverse_cmap_built = true;
        FT_UInt g = 0;
        for (FT_ULong cp = FT_Get_First_Char(font.face.get(), &g); g != 0;
             cp = FT_Get_Next_Char(font.face.get(), cp, &g)) {
            font.char_of_glyph.emplace(g, static_cast<char32_t>(cp));  // lowest wins
        }
    }
    std::string out;
    if (auto it = font.char_of_glyph.find(glyph); it != font.char_of_glyph.end()) {
        append_utf8(out, it->second);
    }
    return out;
}

std::vector<HaruFonts::Font*> HaruFonts::unicode_fonts() {
    std::vector<Font*> out;
    for (std::optional<Font>& f : fonts_) {
        if (f && f->pdf && !f->win_ansi) out.push_back(&*f);
    }
    return out;
}

double HaruFonts::glyph_advance(Font& font, uint32_t glyph, double size) {
    FT_Fixed adv = 0;
    FT_Get_Advance(font.face.get(), glyph, FT_LOAD_NO_SCALE, &adv);
    return adv * size / font.units_per_em;
}

const GlyphPath& HaruFonts::outline(Font& font, uint32_t glyph) {
    auto it = font.paths.find(glyph);
    if (it != font.paths.end()) return it->second;
    PathBuilder builder;
    FT_Face face = font.face.get();
    if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) ==
            0 &&
        face->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
        FT_Outline_Funcs funcs{};
        funcs.move_to = &PathBuilder::move;
        funcs.line_to = &PathBuilder::line;
        funcs.conic_to = &PathBuilder::conic;
        funcs.cubic_to = &PathBuilder::cubic;
        FT_Outline_Decompose(&face->glyph->outline, &funcs, &builder);
        if (!builder.path.empty()) builder.path += "h\n";
    }
    return font.paths.emplace(glyph, std::move(builder.path)).first->second;
}

}  // namespace dw::paint

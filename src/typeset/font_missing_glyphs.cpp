// FontSystem::find_missing_glyphs: the characters that came out as tofu.
#include <algorithm>
#include <cstdio>

#include "typeset/font_system.h"
#include "typeset/paragraph_items.h"

namespace dw::typeset {

std::string missing_glyph_message(const MissingGlyph& missing) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(missing.code_point));
    std::string message = std::string("no bundled font has ") + code;
    if (g_unichar_isprint(missing.code_point)) {
        char utf8[8] = {};
        g_unichar_to_utf8(missing.code_point, utf8);
        message += std::string(" '") + utf8 + "'";
    }
    return message;
}

// Pango encodes the character in an unknown glyph (PANGO_GET_UNKNOWN_GLYPH); the cluster only
// says where its cluster starts, so look for the character itself from there.
static int offset_of(const char* text, int cluster_start, int item_end, gunichar wanted) {
    for (const char* p = text + cluster_start; p < text + item_end; p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) == wanted) return static_cast<int>(p - text);
    return cluster_start;
}

std::vector<MissingGlyph> find_missing_glyphs(const ParagraphItems& items, const std::string& text) {
    std::vector<MissingGlyph> missing;
    for (const Piece& piece : items.pieces)
        for (const ShapedGlyph& g : items.glyphs_of(piece)) {
            if (!(g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) || g.glyph == PANGO_GLYPH_INVALID_INPUT) continue;
            gunichar wc = g.glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
            missing.push_back({offset_of(text.c_str(), g.cluster, piece.end, wc), wc});
        }
    return missing;
}

}  // namespace dw::typeset

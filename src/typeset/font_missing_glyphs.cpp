// FontSystem::find_missing_glyphs: the characters that came out as tofu.
#include <algorithm>
#include <cstdio>

#include "typeset/font_fallback.h"
#include "typeset/font_system.h"
#include "typeset/paragraph_items.h"

namespace dw::typeset {

static std::string code_of(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    return code;
}

// Emoji and pictographs: they have no script of their own (Common), but a fallback font.
static bool is_emoji(char32_t c) {
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF);
}

// The script that names a run: the first character's that is not Common or Inherited.
static GUnicodeScript script_of(const std::vector<MissingGlyph>& run) {
    for (const MissingGlyph& g : run) {
        GUnicodeScript script = g_unichar_get_script(g.code_point);
        if (script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED) return script;
    }
    return G_UNICODE_SCRIPT_COMMON;
}

static bool any_emoji(const std::vector<MissingGlyph>& run) {
    return std::any_of(run.begin(), run.end(), [](const MissingGlyph& g) { return is_emoji(g.code_point); });
}

// What may lie between two missing characters of one run.
static bool joins_run(gunichar c) {
    switch (g_unichar_type(c)) {
        case G_UNICODE_SPACE_SEPARATOR:
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
        case G_UNICODE_FORMAT: return true;
        default: return (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D;
    }
}

std::vector<std::vector<MissingGlyph>> missing_glyph_runs(std::vector<MissingGlyph> missing,
                                                          const std::string& text) {
    std::stable_sort(missing.begin(), missing.end(),
                     [](const MissingGlyph& a, const MissingGlyph& b) { return a.byte_offset < b.byte_offset; });
    std::vector<std::vector<MissingGlyph>> runs;
    int run_end = -1;  // byte after the last missing character of the open run
    for (const MissingGlyph& g : missing) {
        if (!runs.empty() && g.byte_offset == runs.back().back().byte_offset) continue;  // one cluster
        bool joined = run_end >= 0 && g.byte_offset >= run_end;
        for (const char* p = text.c_str() + std::max(run_end, 0); joined && p < text.c_str() + g.byte_offset;
             p = g_utf8_next_char(p))
            joined = joins_run(g_utf8_get_char(p));
        if (!joined) runs.emplace_back();
        runs.back().push_back(g);
        const char* at = text.c_str() + std::min<size_t>(size_t(g.byte_offset), text.size());
        run_end = int(g_utf8_next_char(at) - text.c_str());
    }
    return runs;
}

std::string missing_glyphs_message(const std::vector<MissingGlyph>& run) {
    const bool emoji = any_emoji(run);
    std::string name = emoji ? "emoji" : script_name(script_of(run));
    std::string printable, codes;
    size_t listed = 0;
    for (const MissingGlyph& g : run) {
        if (g_unichar_isprint(g.code_point)) {
            char utf8[8] = {};
            g_unichar_to_utf8(g.code_point, utf8);
            printable += utf8;
        }
        if (++listed <= 8) codes += (codes.empty() ? "" : " ") + code_of(g.code_point);
    }
    if (run.size() > 8) codes += " and " + std::to_string(run.size() - 8) + " more";
    std::string what = run.size() == 1 ? (emoji ? "the emoji" : "the " + name + " character")
                                       : (emoji ? "the emoji" : "the " + name + " characters");
    std::string message = "no font has " + what;
    if (!printable.empty()) message += " '" + printable + "'";
    return message + " (" + codes + ")";
}

std::string missing_glyphs_hint(const std::vector<MissingGlyph>& run) {
    std::string hint = missing_fallback_hint(script_of(run), any_emoji(run));
    if (!hint.empty()) return hint;
    return "add a font that has them to fonts/ or a layout's font folder (--font-dir), or write "
           "the text without them";
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

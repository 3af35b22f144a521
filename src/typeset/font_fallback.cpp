#include "typeset/font_fallback.h"

#include <fnmatch.h>

#include <filesystem>
#include <string_view>

namespace dw::typeset {

std::string script_name(GUnicodeScript script) {
    switch (script) {
        case G_UNICODE_SCRIPT_LATIN: return "Latin";
        case G_UNICODE_SCRIPT_GREEK: return "Greek";
        case G_UNICODE_SCRIPT_CYRILLIC: return "Cyrillic";
        case G_UNICODE_SCRIPT_ARABIC: return "Arabic";
        case G_UNICODE_SCRIPT_HEBREW: return "Hebrew";
        case G_UNICODE_SCRIPT_DEVANAGARI: return "Devanagari";
        case G_UNICODE_SCRIPT_ARMENIAN: return "Armenian";
        case G_UNICODE_SCRIPT_GEORGIAN: return "Georgian";
        case G_UNICODE_SCRIPT_ETHIOPIC: return "Ethiopic";
        case G_UNICODE_SCRIPT_THAI: return "Thai";
        case G_UNICODE_SCRIPT_BENGALI: return "Bengali";
        case G_UNICODE_SCRIPT_TAMIL: return "Tamil";
        case G_UNICODE_SCRIPT_HAN: return "Chinese (Han)";
        case G_UNICODE_SCRIPT_HIRAGANA:
        case G_UNICODE_SCRIPT_KATAKANA: return "Japanese kana";
        case G_UNICODE_SCRIPT_HANGUL: return "Korean (Hangul)";
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED: return "symbol";
        default: break;
    }
    const guint32 tag = g_unicode_script_to_iso15924(script);  // "Tibt", "Syrc"...
    const char code[] = {char(tag >> 24), char(tag >> 16), char(tag >> 8), char(tag), 0};
    return std::string("ISO 15924 '") + code + "'";
}

static bool installed(const FallbackFont& font) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(font.dir, ec))
        if (fnmatch(font.files, entry.path().filename().c_str(), 0) == 0) return true;
    return false;
}

std::string missing_fallback_hint(GUnicodeScript script, bool emoji) {
    const std::string wanted = emoji ? "emoji" : script_name(script);
    for (const FallbackFont& font : kFallbackChain) {
        if (!font.dir || std::string_view(font.covers).substr(0, wanted.size()) != wanted) continue;
        if (installed(font)) return {};
        return std::string("the ") + wanted + " fallback font " + font.family +
               " is not installed: apt-get install " + font.package;
    }
    return {};
}

}  // namespace dw::typeset

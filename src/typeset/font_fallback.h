#pragma once
#include <glib.h>

#include <string>
#include <vector>

namespace dw::typeset {

// One font of the fallback chain: the fonts that set the characters a layout's family lacks.
// The chain is declared here, in order of preference, and nowhere else: fontconfig gets exactly
// these files (see font_config.cpp) and appends these families to every request, so a
// character takes the first font of the chain that has it. The system's fonts are never searched.
struct FallbackFont {
    const char* family;
    const char* covers;   // what it is there for, for the docs and for messages
    const char* dir;      // where Debian installs it; nullptr: bundled in fonts/
    const char* files;    // a glob of its files in `dir`
    const char* package;  // the Debian package (in .ci/deps) that installs it
};

inline constexpr FallbackFont kFallbackChain[] = {
    {"Noto Sans", "Latin with every diacritic (Turkish, Polish, Vietnamese), Greek, Cyrillic",
     nullptr, "NotoSans-*.ttf", nullptr},
    {"Noto Sans Symbols2", "symbols and arrows", nullptr, "NotoSansSymbols2-*.ttf", nullptr},
    {"Noto Sans Arabic", "Arabic", "/usr/share/fonts/truetype/noto", "NotoSansArabic-*.ttf",
     "fonts-noto-core"},
    {"Noto Sans Hebrew", "Hebrew", "/usr/share/fonts/truetype/noto", "NotoSansHebrew-*.ttf",
     "fonts-noto-core"},
    {"Noto Sans Devanagari", "Devanagari", "/usr/share/fonts/truetype/noto",
     "NotoSansDevanagari-*.ttf", "fonts-noto-core"},
    // Monochrome on purpose: Cairo 1.16 paints a colour (CBDT) emoji glyph into a PDF as an RGB
    // image, so the emoji is a bitmap that is neither a font nor text (pdftotext loses it).
    {"Symbola", "emoji (Unicode 9) and other symbols", "/usr/share/fonts/truetype/ancient-scripts",
     "Symbola*.ttf", "fonts-symbola"},
};

// The fallback fonts of the chain for `script` that are declared but not installed, as a hint:
// "the Arabic fallback font Noto Sans Arabic is not installed: apt-get install fonts-noto-core".
// Empty when every fallback font is there.
std::string missing_fallback_hint(GUnicodeScript script, bool emoji);

// English name of a script for messages ("Arabic", "Hebrew", "emoji").
std::string script_name(GUnicodeScript script);

}  // namespace dw::typeset

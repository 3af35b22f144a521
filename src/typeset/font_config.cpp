#include "typeset/font_config.h"

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <system_error>

namespace dw::typeset {

namespace fs = std::filesystem;

static bool usable_dir(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    return !ec && fs::is_directory(dir, ec) && access(dir.c_str(), W_OK) == 0;
}

fs::path font_cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
        if (fs::path dir = fs::path(xdg) / "drukwerk"; usable_dir(dir)) return dir;
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        if (fs::path dir = fs::path(home) / ".cache" / "drukwerk"; usable_dir(dir)) return dir;
    }
    fs::path dir = fs::temp_directory_path() / ("drukwerk-fontconfig-" + std::to_string(getuid()));
    usable_dir(dir);  // if even this fails, fontconfig still works, only slower (no cache)
    return dir;
}

static std::string xml_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// The configuration as fontconfig XML. No <include>: the system's conf.d would bring back system
// fonts and rules (synthetic bold, hinting) that make output depend on the machine. The fallback
// families are appended with strong binding, so after the requested family they outrank every
// other bundled font: a missing character comes from Noto Sans, then Noto Sans Symbols2.
static std::string config_xml(const fs::path& fonts_dir, const fs::path& cache_dir) {
    std::string fallback;
    for (const char* family : kFallbackFamilies)
        fallback += std::string("      <string>") + family + "</string>\n";
    return "<?xml version=\"1.0\"?>\n"
           "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
           "<fontconfig>\n"
           "  <dir>" +
           xml_escaped(fonts_dir.string()) +
           "</dir>\n"
           "  <cachedir>" +
           xml_escaped(cache_dir.string()) +
           "</cachedir>\n"
           "  <match target=\"pattern\">\n"
           "    <edit name=\"family\" mode=\"append_last\" binding=\"strong\">\n" +
           fallback +
           "    </edit>\n"
           "  </match>\n"
           "</fontconfig>\n";
}

FcConfigPtr make_font_config(const fs::path& fonts_dir, Diagnostics& diag) {
    const SourceLoc where{fonts_dir.string()};
    FcConfigPtr config(FcConfigCreate());
    std::string xml = config_xml(fonts_dir, font_cache_dir());
    if (!config ||
        !FcConfigParseAndLoadFromMemory(config.get(), reinterpret_cast<const FcChar8*>(xml.c_str()),
                                        FcTrue) ||
        !FcConfigBuildFonts(config.get())) {
        diag.error(where, "cannot set up fontconfig for the fonts in this directory");
        return nullptr;
    }
    // The fonts are fixed for a run; a rescan halfway through a batch could change the output.
    FcConfigSetRescanInterval(config.get(), 0);
    FcFontSet* fonts = FcConfigGetFonts(config.get(), FcSetSystem);
    if (!fonts || fonts->nfont == 0) {
        diag.error(where, "no fonts found in this directory",
                   "put the .ttf/.otf files of the layout's families in it");
        return nullptr;
    }
    return config;
}

}  // namespace dw::typeset

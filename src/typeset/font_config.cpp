#include "typeset/font_config.h"

#include <unistd.h>

#include <cstdlib>
#include <set>
#include <string>
#include <vector>
#include <system_error>

#include "diag/xml_text.h"
#include "typeset/font_fallback.h"

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

// The fallback fonts installed from Debian packages: their directories are named, and a
// <selectfont> rule accepts only the chain's files in them. Fontconfig keeps using its cache of
// those directories (the system's, /var/cache/fontconfig, or ours), so loading them costs no scan.
static std::string fallback_xml() {
    std::string dirs, accept, reject;
    std::set<std::string> seen;
    for (const FallbackFont& font : kFallbackChain) {
        if (!font.dir) continue;
        const std::string dir = xml_text(font.dir);
        if (seen.insert(dir).second) {
            dirs += "  <dir>" + dir + "</dir>\n";
            reject += "      <glob>" + dir + "/*</glob>\n";
        }
        accept += "      <glob>" + dir + "/" + xml_text(font.files) + "</glob>\n";
    }
    return dirs + "  <selectfont>\n    <acceptfont>\n" + accept +
           "    </acceptfont>\n    <rejectfont>\n" + reject + "    </rejectfont>\n  </selectfont>\n";
}

// The configuration as fontconfig XML. No <include>: the system's conf.d would bring back system
// fonts and rules (synthetic bold, hinting) that make output depend on the machine. The fallback
// chain's families are appended with strong binding, so after the requested family they outrank
// every other font, in the chain's order: a missing character comes from the first that has it.
static std::string config_xml(const fs::path& fonts_dir, const fs::path& cache_dir,
                              const std::vector<std::string>& preferred) {
    std::string fallback;
    for (const std::string& family : preferred)
        fallback += "      <string>" + xml_text(family) + "</string>\n";
    for (const FallbackFont& font : kFallbackChain)
        fallback += std::string("      <string>") + font.family + "</string>\n";
    return "<?xml version=\"1.0\"?>\n"
           "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
           "<fontconfig>\n"
           "  <dir>" +
           xml_text(fonts_dir.string()) +
           "</dir>\n" + fallback_xml() +
           "  <cachedir>" +
           xml_text(cache_dir.string()) +
           "</cachedir>\n"
           "  <cachedir>/var/cache/fontconfig</cachedir>\n"
           "  <match target=\"pattern\">\n"
           "    <edit name=\"family\" mode=\"append_last\" binding=\"strong\">\n" +
           fallback +
           "    </edit>\n"
           "  </match>\n"
           "</fontconfig>\n";
}

bool has_font_below(FcConfig* config, const fs::path& dir) {
    const std::string prefix = dir.string() + "/";
    FcFontSet* fonts = FcConfigGetFonts(config, FcSetSystem);
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) == FcResultMatch &&
            std::string(reinterpret_cast<const char*>(file)).rfind(prefix, 0) == 0)
            return true;
    }
    return false;
}

FcConfigPtr make_font_config(const fs::path& fonts_dir, Diagnostics& diag,
                             const std::vector<std::string>& preferred_fallback) {
    const SourceLoc where{fonts_dir.string()};
    FcConfigPtr config(FcConfigCreate());
    std::string xml = config_xml(fonts_dir, font_cache_dir(), preferred_fallback);
    if (!config ||
        !FcConfigParseAndLoadFromMemory(config.get(), reinterpret_cast<const FcChar8*>(xml.c_str()),
                                        FcTrue) ||
        !FcConfigBuildFonts(config.get())) {
        diag.error(where, "cannot set up fontconfig for the fonts in this directory");
        return nullptr;
    }
    // The fonts are fixed for a run; a rescan halfway through a batch could change the output.
    FcConfigSetRescanInterval(config.get(), 0);
    if (!has_font_below(config.get(), fonts_dir)) {
        diag.error(where, "no fonts found in this directory",
                   "put the .ttf/.otf files of the layout's families in it");
        return nullptr;
    }
    return config;
}

}  // namespace dw::typeset

// FontSystem::check_family: is a family that a layout names really bundled?
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "diag/suggest.h"
#include "typeset/font_pattern.h"
#include "typeset/font_system.h"

namespace dw::typeset {

// Fontconfig compares family names ignoring case and blanks ("leaguespartan" finds League
// Spartan), so a name it resolves to the bundled family is not a typo worth an error.
static std::string family_key(std::string_view name) {
    std::unique_ptr<gchar, decltype(&g_free)> folded(
        g_utf8_casefold(name.data(), static_cast<gssize>(name.size())), &g_free);
    std::string key;
    for (const char* c = folded.get(); *c; ++c)
        if (*c != ' ') key += *c;
    return key;
}

static bool font_has_family(FcPattern* pattern, const std::string& family) {
    const std::string wanted = family_key(family);
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(pattern, FC_FAMILY, i, &name) == FcResultMatch; ++i)
        if (family_key(reinterpret_cast<const char*>(name)) == wanted) return true;
    return false;
}

std::vector<std::string> FontSystem::styles_of(const std::string& family) const {
    std::vector<std::string> styles;
    FcFontSet* fonts = FcConfigGetFonts(config_.get(), FcSetSystem);
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
        if (font_has_family(fonts->fonts[i], family))
            styles.push_back(pattern_string(fonts->fonts[i], FC_STYLE));
    }
    std::sort(styles.begin(), styles.end());  // the font set is in scan order: not stable
    return styles;
}

namespace {

struct PatternDestroy {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDestroy>;

// What a face lacks compared with the request: "weight 600", "italic", "weight 300 italic".
std::string missing_face(FcPattern* face, int weight, bool italic) {
    int fc_weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(face, FC_WEIGHT, 0, &fc_weight);
    FcPatternGetInteger(face, FC_SLANT, 0, &slant);
    std::string missing;
    if (FcWeightToOpenType(fc_weight) != weight) missing = "weight " + std::to_string(weight);
    if ((slant != FC_SLANT_ROMAN) != italic)
        missing += std::string(missing.empty() ? "" : " ") + (italic ? "italic" : "upright face");
    return missing;
}

}  // namespace

// Asks fontconfig directly, the way Pango's font map does (substitutions, then the best match):
// through Pango every check was a new font pattern, which Pango 1.50 resolves on a thread it
// starts for it.
FontSystem::FamilyCheck FontSystem::run_check(const std::string& family, int weight,
                                              bool italic) const {
    PatternPtr wanted(FcPatternCreate());
    FcPatternAddString(wanted.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(wanted.get(), FC_WEIGHT, FcWeightFromOpenType(weight));
    FcPatternAddInteger(wanted.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcConfigSubstitute(config_.get(), wanted.get(), FcMatchPattern);
    FcDefaultSubstitute(wanted.get());
    FcResult result = FcResultNoMatch;
    PatternPtr face(FcFontMatch(config_.get(), wanted.get(), &result));
    std::string dir_name = std::filesystem::path(fonts_dir_).filename().string() + "/";
    for (size_t i = 1; i < font_dirs_.size(); ++i)
        dir_name += (i + 1 == font_dirs_.size() ? " or " : ", ") + font_dirs_[i];
    if (!face) return {false, Severity::Error, "no font at all could be loaded from " + dir_name, {}};

    if (!font_has_family(face.get(), family)) {
        return {false, Severity::Error, "font family '" + family + "' is not in " + dir_name,
                suggestion_hint(family, families_)};
    }
    std::string missing = missing_face(face.get(), weight, italic);
    if (missing.empty()) return {};
    std::string styles;
    for (const auto& style : styles_of(family)) styles += (styles.empty() ? "" : ", ") + style;
    return {true, Severity::Warning,
            "font family '" + family + "' has no " + missing + "; using " +
                pattern_string(face.get(), FC_FAMILY) + " " + pattern_string(face.get(), FC_STYLE),
            "bundled faces: " + styles};
}

bool FontSystem::check_family(const std::string& family, int weight, bool italic,
                              const SourceLoc& where, Diagnostics& diag) {
    auto key = std::make_tuple(family_key(family), weight, italic);
    auto found = checks_.find(key);
    if (found == checks_.end())
        found = checks_.emplace(key, run_check(family, weight, italic)).first;
    const FamilyCheck& check = found->second;
    if (check.severity != Severity::Note)
        diag.add({check.severity, where, check.message, check.hint});
    return check.ok;
}

}  // namespace dw::typeset

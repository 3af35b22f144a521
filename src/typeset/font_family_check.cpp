// FontSystem::check_family: is a family that a layout names really bundled?
#include <pango/pangofc-font.h>

#include <algorithm>
#include <filesystem>

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

// What a face lacks compared with the request: "weight 600", "italic", "weight 300 italic".
static std::string missing_face(PangoFont* font, int weight, bool italic) {
    FontDescriptionPtr got(pango_font_describe(font));
    std::string missing;
    if (pango_font_description_get_weight(got.get()) != weight)
        missing = "weight " + std::to_string(weight);
    bool got_italic = pango_font_description_get_style(got.get()) != PANGO_STYLE_NORMAL;
    if (got_italic != italic)
        missing += std::string(missing.empty() ? "" : " ") + (italic ? "italic" : "upright face");
    return missing;
}

FontSystem::FamilyCheck FontSystem::run_check(const std::string& family, int weight,
                                              bool italic) const {
    FontDescriptionPtr wanted(pango_font_description_new());
    pango_font_description_set_family(wanted.get(), family.c_str());
    pango_font_description_set_weight(wanted.get(), static_cast<PangoWeight>(weight));
    pango_font_description_set_style(wanted.get(),
                                     italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(wanted.get(), 12 * PANGO_SCALE);
    GObjectPtr<PangoFont> font(
        pango_font_map_load_font(font_map_.get(), context_.get(), wanted.get()));
    const std::string dir_name = std::filesystem::path(fonts_dir_).filename().string() + "/";
    if (!font || !PANGO_IS_FC_FONT(font.get()))
        return {false, Severity::Error, "no font at all could be loaded from " + dir_name, {}};

    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font.get()));
    if (!font_has_family(pattern, family)) {
        return {false, Severity::Error, "font family '" + family + "' is not in " + dir_name,
                suggestion_hint(family, families_)};
    }
    std::string missing = missing_face(font.get(), weight, italic);
    if (missing.empty()) return {};
    std::string styles;
    for (const auto& style : styles_of(family)) styles += (styles.empty() ? "" : ", ") + style;
    return {true, Severity::Warning,
            "font family '" + family + "' has no " + missing + "; using " +
                pattern_string(pattern, FC_FAMILY) + " " + pattern_string(pattern, FC_STYLE),
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

#include "typeset/font_system.h"

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <filesystem>
#include <set>

#include "typeset/font_config.h"
#include "typeset/font_pattern.h"

namespace dw::typeset {

namespace fs = std::filesystem;

struct FontOptionsDestroy {
    void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};

// Hinting would snap outlines and advances to the pixel grid of some imaginary device; for PDF
// the metrics must be the font's own, the same at every size and on every machine.
static void set_unhinted(PangoContext* context) {
    std::unique_ptr<cairo_font_options_t, FontOptionsDestroy> options(cairo_font_options_create());
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options.get());  // copies the options
}

static std::vector<std::string> primary_families(FcConfig* config) {
    std::set<std::string> names;
    FcFontSet* fonts = FcConfigGetFonts(config, FcSetSystem);
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
        std::string family = pattern_string(fonts->fonts[i], FC_FAMILY);
        if (!family.empty()) names.insert(family);
    }
    return {names.begin(), names.end()};
}

std::unique_ptr<FontSystem> FontSystem::create(const std::string& fonts_dir, Diagnostics& diag) {
    std::error_code ec;
    fs::path dir = fs::canonical(fonts_dir, ec);
    if (ec || !fs::is_directory(dir, ec)) {
        diag.error(SourceLoc{fonts_dir}, "font directory '" + fonts_dir + "' does not exist");
        return nullptr;
    }
    auto fonts = std::make_unique<FontSystem>(Key{});
    fonts->fonts_dir_ = dir.string();
    fonts->font_dirs_ = {dir.string()};
    fonts->config_ = make_font_config(dir, diag);
    if (!fonts->config_) return nullptr;
    fonts->families_ = primary_families(fonts->config_.get());
    // Pango's font map starts a thread that calls FcInit(), which would load the system's whole
    // fontconfig setup (/etc/fonts and every system font) unless a current config exists. Making
    // ours the process default skips that, and anything else that asks fontconfig without a
    // config of its own (librsvg drawing text in an SVG) also gets the bundled fonts only.
    FcConfigSetCurrent(fonts->config_.get());

    fonts->font_map_.reset(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    if (!fonts->font_map_) {
        diag.error(SourceLoc{fonts_dir}, "Pango has no FreeType font map on this system");
        return nullptr;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fonts->font_map_.get()), fonts->config_.get());

    PangoContext* context = pango_font_map_create_context(fonts->font_map_.get());
    fonts->context_.reset(context);
    pango_cairo_context_set_resolution(context, 72);  // Pango's default 96 dpi scales sizes by 4/3
    pango_context_set_round_glyph_positions(context,
                                            FALSE);  // rounding makes justified spaces uneven
    set_unhinted(context);
    // A fixed default instead of $LANG: the language steers font fallback and shaping, and the
    // output must not depend on the environment. Paragraphs set their own with attributes.
    pango_context_set_language(context, pango_language_from_string("nl-NL"));
    pango_context_set_base_dir(context, PANGO_DIRECTION_LTR);
    return fonts;
}

bool FontSystem::add_font_dir(const std::string& dir, const SourceLoc& where, Diagnostics& diag) {
    std::error_code ec;
    fs::path path = fs::canonical(dir, ec);
    if (ec || !fs::is_directory(path, ec)) {
        diag.error(where, "font folder '" + dir + "' does not exist",
                   "a layout's fonts= is relative to the layout file; --font-dir to the current directory");
        return false;
    }
    for (const auto& known : font_dirs_)
        if (known == path.string()) return true;
    if (!FcConfigAppFontAddDir(config_.get(), reinterpret_cast<const FcChar8*>(path.c_str()))) {
        diag.error(where, "cannot read the fonts in '" + dir + "'");
        return false;
    }
    if (!has_font_below(config_.get(), path))
        diag.warning(where, "font folder '" + dir + "' holds no fonts",
                     "put the .ttf or .otf files of the families the layout names in it");
    font_dirs_.push_back(path.string());
    // Pango keeps what it looked up; nothing is laid out yet, but its caches start with the map.
    pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(font_map_.get()));
    families_ = primary_families(config_.get());
    checks_.clear();
    return true;
}

}  // namespace dw::typeset

namespace dw::typeset {

bool FontSystem::prefer_fallback_fonts(const std::vector<std::string>& families,
                                       const SourceLoc& where, Diagnostics& diag) {
    if (families.empty()) return true;
    bool ok = true;
    for (const auto& family : families) {
        // Only a missing family matters: a fallback font lends its regular face to any style.
        FamilyCheck check = run_check(family, 400, false);
        if (!check.ok) diag.error(where, check.message, check.hint);
        ok &= check.ok;
    }
    if (!ok) return false;
    // Fontconfig applies its rules in the order they were read, so the preferred families go
    // into a new configuration, before the chain, rather than into a rule added after it.
    FcConfigPtr config = make_font_config(fonts_dir_, diag, families);
    if (!config) return false;
    for (size_t i = 1; i < font_dirs_.size(); ++i) {
        if (!FcConfigAppFontAddDir(config.get(), reinterpret_cast<const FcChar8*>(font_dirs_[i].c_str()))) {
            diag.error(where, "cannot read the fonts in '" + font_dirs_[i] + "'");
            return false;
        }
    }
    FcConfigSetCurrent(config.get());
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_.get()), config.get());
    config_ = std::move(config);
    checks_.clear();
    return true;
}

}  // namespace dw::typeset

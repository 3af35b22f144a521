#pragma once
#include <pango/pango.h>

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "diag/diagnostics.h"
#include "typeset/font_handles.h"

namespace dw::typeset {

// A character no bundled font can draw (Pango shaped it as an "unknown" glyph: tofu).
struct MissingGlyph {
    int byte_offset = 0;  // into the layout's text
    char32_t code_point = 0;
};

// Missing characters grouped into runs: a run goes on while only spaces, marks, joiners,
// variation selectors and other missing characters lie between them. In text order.
std::vector<std::vector<MissingGlyph>> missing_glyph_runs(std::vector<MissingGlyph> missing,
                                                          const std::string& text);

// "no font has the Arabic characters 'محمد' (U+0645 U+062D U+0645 U+062F)"
std::string missing_glyphs_message(const std::vector<MissingGlyph>& run);
// Which fallback font to install, or where to add a font that has them.
std::string missing_glyphs_hint(const std::vector<MissingGlyph>& run);

// The fonts of one run: a private fontconfig setup over fonts/ only, a Pango font map on it and a
// context at 72 dpi (so Pango units are 1/1024 pt) with unrounded glyph positions and no hinting.
// Not thread-safe: use one FontSystem per thread (better: per process, see pdf-stack-facts.md).
class FontSystem {
    struct Key {  // lets only create() construct, while std::make_unique still can
        explicit Key() = default;
    };

public:
    explicit FontSystem(Key) {}

    // Null, with an error in `diag`, when the directory is missing or holds no fonts. Also makes
    // the private configuration fontconfig's process default (see font_system.cpp for why).
    static std::unique_ptr<FontSystem> create(const std::string& fonts_dir, Diagnostics& diag);

    PangoContext* context() const { return context_.get(); }
    PangoFontMap* font_map() const { return font_map_.get(); }
    const std::string& fonts_dir() const { return fonts_dir_; }

    // Adds the fonts in `dir` (a layout's font folder or --font-dir) to the bundled ones and the
    // fallback chain; never replaces them. Call before any text is laid out. An error at
    // `where` when the folder does not exist, a warning when it holds no fonts.
    bool add_font_dir(const std::string& dir, const SourceLoc& where, Diagnostics& diag);
    // Makes `families` (bundled, from the fallback chain or from an added folder) the first
    // fallback fonts, in this order, before the default chain: a character the style's family
    // lacks takes the first of them that has it. Call after add_font_dir and before any text is
    // laid out. Errors at `where` for a family that is not there.
    bool prefer_fallback_fonts(const std::vector<std::string>& families, const SourceLoc& where,
                               Diagnostics& diag);
    // The folders fonts come from: fonts/ and those added, for messages.
    const std::vector<std::string>& font_dirs() const { return font_dirs_; }

    // Primary family names of the bundled fonts, sorted ("Comic Neue", "Lato", ...).
    const std::vector<std::string>& families() const { return families_; }

    // Whether `family` is bundled. Reports an error (with a did-you-mean) when it is not, and a
    // warning when the family lacks the weight or italic and another face stands in. Returns
    // false only on an error. The font lookup is cached; the diagnostic is reported on every call
    // (at `where`), so each style that names a missing font gets its own line.
    bool check_family(const std::string& family, int weight, bool italic, const SourceLoc& where,
                      Diagnostics& diag);

private:
    struct FamilyCheck {
        bool ok = true;
        Severity severity = Severity::Note;  // Note: nothing to report
        std::string message, hint;
    };

    FamilyCheck run_check(const std::string& family, int weight, bool italic) const;
    std::vector<std::string> styles_of(const std::string& family) const;

    std::string fonts_dir_;
    std::vector<std::string> font_dirs_;
    FcConfigPtr config_;
    GObjectPtr<PangoFontMap> font_map_;
    GObjectPtr<PangoContext> context_;
    std::vector<std::string> families_;
    std::map<std::tuple<std::string, int, bool>, FamilyCheck> checks_;
};

}  // namespace dw::typeset

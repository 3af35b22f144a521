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

// "no bundled font has U+2709 '✉'"
std::string missing_glyph_message(const MissingGlyph& missing);

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
    FcConfigPtr config_;
    GObjectPtr<PangoFontMap> font_map_;
    GObjectPtr<PangoContext> context_;
    std::vector<std::string> families_;
    std::map<std::tuple<std::string, int, bool>, FamilyCheck> checks_;
};

}  // namespace dw::typeset

#pragma once
#include <pango/pango.h>

#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "layout/color.h"
#include "typeset/font_handles.h"
#include "typeset/page.h"

namespace dw::typeset {

// The fonts that glyph runs refer to, one entry per font file and face index (becomes
// Document::fonts). Sizes and Pango's font objects do not matter: a painter needs the file.
class FontTable {
public:
    // Index into faces() for a font of the FontSystem's font map; -1 for a font that does not
    // come from fontconfig (cannot happen with FontSystem, which uses a fontconfig font map).
    int index_of(PangoFont* font);
    const std::vector<FontFace>& faces() const { return faces_; }

private:
    int index_of_file(PangoFont* font);  // a PangoFont per size: many share one file

    std::vector<FontFace> faces_;
    std::map<std::pair<std::string, int>, int> index_;
    std::unordered_map<PangoFont*, int> by_font_;
    std::vector<GObjectPtr<PangoFont>> held_fonts_;
};

// The colour Pango's attributes give the item (foreground, foreground alpha), else `fallback`.
Color color_of_item(const PangoItem* item, const Color& fallback);

}  // namespace dw::typeset

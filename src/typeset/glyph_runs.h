#pragma once
#include <pango/pango.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "layout/color.h"
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
    std::vector<FontFace> faces_;
    std::map<std::pair<std::string, int>, int> index_;
};

// The colour Pango's attributes give the item (foreground, foreground alpha), else `fallback`.
Color color_of_item(const PangoItem* item, const Color& fallback);

// Appends one GlyphRun per Pango run of `line`, positioned as pango_cairo_show_layout_line would
// draw the line with its left end at `x` and its baseline at `baseline_y` (points, y down).
// Colours come from foreground (and foreground-alpha) attributes, otherwise `default_color`.
// Glyphs Pango leaves out (PANGO_GLYPH_EMPTY) are dropped and their clusters keep 0 glyphs; a
// soft hyphen where the line breaks is the hyphen glyph of the U+00AD cluster; a glyph no font
// has becomes glyph 0 (.notdef) — FontSystem::find_missing_glyphs reports those.
void append_glyph_runs(PangoLayoutLine* line, double x, double baseline_y, FontTable& fonts,
                       const Color& default_color, std::vector<Item>& out);

}  // namespace dw::typeset

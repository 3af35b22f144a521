#pragma once
#include <hb.h>
#include <pango/pango.h>

#include "typeset/word_shaper.h"

namespace dw::typeset {

// Shapes `text` alone with HarfBuzz exactly as Pango 1.50's pango_shape_with_flags does
// (pango/shape.c: the same buffer settings, features and glyph conversion), without the
// per-call sub-font, its callbacks and its colour-glyph lookups, which cost Pango about a
// seventh of the shaping of a word. False, with `out` unspecified, where Pango would do more:
// right-to-left or vertical text, attributes that change the features, show flags or text
// transforms, a hyphen to insert, or a glyph the font lacks (Pango's unknown glyphs). The
// caller shapes those with Pango.
bool shape_directly(const char* text, int length, const PangoAnalysis& analysis,
                    hb_buffer_t* buffer, ShapedText& out);

}  // namespace dw::typeset

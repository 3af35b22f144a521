#pragma once
#include <cairo.h>

#include <string>

#include "diag/executor.h"

namespace dw::paint {

// Encodes a page drawn on a bounded recording surface (its extents in pixels, from 0,0) as an
// 8-bit RGB PNG, appended to `out`. It is painted on white band by band, in one reused image of
// about 256 KB, so the page is never a whole image in memory. The rows are not filtered (drawn
// pages compress best without) and are compressed at zlib level 3, each band as a piece of the
// one zlib stream, every other one on `executor` when given (the pieces are the same either
// way, so the file is too). Cairo's own writer lets libpng try all five row filters on every
// row, which dominated rendering a large preview (docs/pdf-stack-findings.md, PNG). Shapes and
// images come out as painted whole; a glyph that a band's edge cuts may differ in a few
// anti-aliased pixels (Cairo composites it clipped). Returns false, with the reason in `error`,
// when zlib fails.
bool encode_png_rgb24_in_bands(cairo_surface_t* page, std::string& out, std::string& error,
                               Executor* executor = nullptr);

}  // namespace dw::paint

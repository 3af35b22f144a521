#pragma once
#include <cairo.h>

#include <string>

namespace dw::paint {

// Encodes an opaque CAIRO_FORMAT_RGB24 image surface as an 8-bit RGB PNG, appended to `out`.
// Cairo's own writer lets libpng try all five row filters on every row (adaptive filtering),
// which dominates rendering a large preview. No row filter (drawn pages compress best without)
// and zlib level 3 trade a slightly larger file for most of that time
// (docs/pdf-stack-findings.md, PNG).
// Returns false, with the reason in `error`, when libpng fails.
bool encode_png_rgb24(cairo_surface_t* surface, std::string& out, std::string& error);

// The same for a page drawn on a bounded recording surface (its extents in pixels, from 0,0):
// it is painted on white and encoded band by band, in one reused image of about 1 MB, so the
// page is never a whole image in memory. Shapes and images come out as painted whole; a glyph that a
// band's edge cuts may differ in a few anti-aliased pixels (Cairo composites it clipped).
bool encode_png_rgb24_in_bands(cairo_surface_t* page, std::string& out, std::string& error);

}  // namespace dw::paint

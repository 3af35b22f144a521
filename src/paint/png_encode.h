#pragma once
#include <cairo.h>

#include <string>

namespace dw::paint {

// Encodes an opaque CAIRO_FORMAT_RGB24 image surface as an 8-bit RGB PNG, appended to `out`.
// Cairo's own writer lets libpng try all five row filters on every row (adaptive filtering):
// for a 1200 px wide A3 preview that was three quarters of the whole render. One filter ("up",
// which suits flat areas and text alike) is several times faster for a few per cent in size.
// Returns false, with the reason in `error`, when libpng fails.
bool encode_png_rgb24(cairo_surface_t* surface, std::string& out, std::string& error);

}  // namespace dw::paint

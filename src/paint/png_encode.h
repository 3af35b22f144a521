#pragma once
#include <cairo.h>

#include <string>

namespace dw::paint {

// Encodes an opaque CAIRO_FORMAT_RGB24 image surface as an 8-bit RGB PNG, appended to `out`.
// Cairo's own writer lets libpng try all five row filters on every row (adaptive filtering):
// for a 1200 px wide A3 preview that was three quarters of the whole render. One filter ("up",
// which suits flat areas and text alike) and zlib level 3 (level 6 spends twice the time for
// 3% less) make the whole render 2.2 times cheaper for a file 5% larger.
// Returns false, with the reason in `error`, when libpng fails.
bool encode_png_rgb24(cairo_surface_t* surface, std::string& out, std::string& error);

}  // namespace dw::paint

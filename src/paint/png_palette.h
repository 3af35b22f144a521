#pragma once
#include <cairo.h>

#include <string>

namespace dw::paint {

// Encodes an opaque CAIRO_FORMAT_RGB24 image surface as an 8-bit palette PNG, appended to `out`:
// for pictures that must be small (an e-mail's body). The palette is the image's 256 most
// frequent colours, which on a designed page are its flat colours and the commonest edge
// blends; every other colour becomes the nearest of them (edges of text shift by a shade).
// Returns false, with the reason in `error`, when libpng fails.
bool encode_png_palette(cairo_surface_t* surface, std::string& out, std::string& error);

}  // namespace dw::paint

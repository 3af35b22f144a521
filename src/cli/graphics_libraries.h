#pragma once
#include <string>

namespace dw::cli {

// Loads the text and graphics libraries (Pango, Cairo, HarfBuzz, fontconfig, FreeType,
// gdk-pixbuf, libpng) into the process, once; false with `error` when one cannot be loaded.
//
// Why: the program does not name them among the libraries the dynamic loader maps before
// main(). Those ~35 libraries (with what they need in turn) took ~5 ms of every start, all on
// one core. The program calls them through lazily bound entries that resolve on the first call,
// so a thread on the second core can load them while the first reads and binds the inputs.
// Everything that calls into them waits for this first (cli/pipeline.cpp: the fonts are set up
// right after, on the same thread). Sanitizer builds name them as usual; loading is then a
// no-op. The list is the sonames of the pkg-config libraries CMakeLists.txt defers.
bool load_graphics_libraries(std::string& error);

}  // namespace dw::cli

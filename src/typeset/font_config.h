#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "typeset/font_handles.h"

namespace dw::typeset {

// Where fontconfig keeps its scan cache of fonts/: $XDG_CACHE_HOME/drukwerk, ~/.cache/drukwerk,
// or /tmp/drukwerk-fontconfig-<uid>, whichever can be created first.
std::filesystem::path font_cache_dir();

// A private fontconfig configuration that knows only the fonts below `fonts_dir` and the
// fallback chain's files (never the system's), with the chain's families appended to every
// pattern (font_fallback.h), after the `preferred_fallback` families. Null after an error.
FcConfigPtr make_font_config(const std::filesystem::path& fonts_dir, Diagnostics& diag,
                             const std::vector<std::string>& preferred_fallback = {});

// Whether fontconfig found a font in `dir` (the fallback fonts elsewhere do not count).
bool has_font_below(FcConfig* config, const std::filesystem::path& dir);

}  // namespace dw::typeset

#pragma once
#include <filesystem>

#include "diag/diagnostics.h"
#include "typeset/font_handles.h"

namespace dw::typeset {

// The families that supply characters the requested family lacks, in order of preference.
// They are bundled in fonts/noto; fontconfig appends them to every request (see font_config.cpp).
inline constexpr const char* kFallbackFamilies[] = {"Noto Sans", "Noto Sans Symbols2"};

// Where fontconfig keeps its scan cache of fonts/: $XDG_CACHE_HOME/drukwerk, ~/.cache/drukwerk,
// or /tmp/drukwerk-fontconfig-<uid>, whichever can be created first.
std::filesystem::path font_cache_dir();

// A private fontconfig configuration that knows only the fonts below `fonts_dir` (never the
// system's), with the fallback families appended to every pattern. Null after an error.
FcConfigPtr make_font_config(const std::filesystem::path& fonts_dir, Diagnostics& diag);

}  // namespace dw::typeset

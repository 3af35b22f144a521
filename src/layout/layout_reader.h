#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"
#include "layout/layout.h"

namespace dw::layout {

// Reads, validates and resolves a layout. Every problem in the file is reported to `diags` (not
// only the first) with file, line and column; the result is nullopt when any of them is an error.
std::optional<Layout> load_layout(const std::string& path, Diagnostics& diags);

// The same for layout text already in memory; `file` names it in diagnostics, and image paths
// are resolved relative to its directory.
std::optional<Layout> parse_layout(std::string_view xml, const std::string& file,
                                   Diagnostics& diags);

}  // namespace dw::layout

#pragma once
#include <string>

#include "diag/diagnostics.h"
#include "layout/layout.h"

namespace dw::layout {

// Builds the Layout from a schema-checked template tree (read_nodes): metadata, palette, resolved
// styles and page masters, components and the document; then checks every reference in the tree.
// Problems become diagnostics; the Layout is complete either way, with defaults where needed.
Layout build_layout(Node root, const std::string& file, Diagnostics& diags);

}  // namespace dw::layout

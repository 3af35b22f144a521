#pragma once
#include <string>

namespace dw::layout {

// The layout language reference (Markdown), generated from the schema table. The text checked in
// as docs/layout-reference.md must equal this; `drukwerk schema` prints it.
std::string layout_reference_markdown();

}  // namespace dw::layout

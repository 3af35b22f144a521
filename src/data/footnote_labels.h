#pragma once
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace dw::data {

// GFM footnote references `[^label]` in a Markdown body (outside code): one that no
// `[^label]: text` line defines is an error at the reference; a definition that nothing refers
// to is a warning at its line (cmark drops it). `first_line` is the body's line in `file`.
void check_footnote_labels(std::string_view body, const std::string& file, int first_line,
                           Diagnostics& diags);

}  // namespace dw::data

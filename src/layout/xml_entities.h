#pragma once
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace dw::layout {

// Entities XML does not define (&nbsp;, &eacute;, &XXE;), which tinyxml2 would keep as literal
// text: each is an error at its line:col with the fix (&#160; or the character). A DOCTYPE is
// never read (no DTD is loaded, no entity defined): a plain one is a warning, one that declares
// entities an error. Comments and CDATA sections are skipped. True when an error was reported.
bool report_undefined_entities(std::string_view xml, const std::string& file, Diagnostics& diags);

}  // namespace dw::layout

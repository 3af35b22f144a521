#pragma once
#include "bind/box.h"
#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::typeset {

class FontSystem;
class Hyphenator;

// The whole typeset stage: boxes → positioned pages with headers, footers, outline and metadata.
Document typeset_document(const bind::BoxDocument& boxes, FontSystem& fonts, Hyphenator& hyphenator,
                          Diagnostics& diags);

}  // namespace dw::typeset

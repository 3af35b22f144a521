#pragma once
#include "bind/box.h"
#include "diag/diagnostics.h"
#include "diag/executor.h"
#include "typeset/page.h"

namespace dw::typeset {

class FontSystem;
class Hyphenator;

// The whole typeset stage: boxes → positioned pages with headers, footers, outline and metadata.
// With an executor, the words are shaped ahead on it (see preshaper.h); the pages are the same.
Document typeset_document(const bind::BoxDocument& boxes, FontSystem& fonts, Hyphenator& hyphenator,
                          Diagnostics& diags, Executor* executor = nullptr);

}  // namespace dw::typeset

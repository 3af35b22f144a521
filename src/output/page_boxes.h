#pragma once
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::output {

// Print shops cut at the TrimBox and expect artwork up to the BleedBox; Cairo 1.16 writes only
// the MediaBox. This finishing step rewrites a finished PDF with libqpdf (a maintained PDF
// library that Debian ships, loaded as the module drukwerk-qpdf.so: see module_loader.h) and sets
// both boxes on every page whose Page has them. The rewrite uses deterministic IDs, so re-renders
// stay byte-identical. Returns false (reported, `pdf` unchanged) when the PDF cannot be processed
// or its page count differs from `pages`, or when the module cannot be loaded.
bool has_page_boxes(const std::vector<typeset::Page>& pages);
bool add_page_boxes(std::string& pdf, const std::vector<typeset::Page>& pages, Diagnostics& diags);

}  // namespace dw::output

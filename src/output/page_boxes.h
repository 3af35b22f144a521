#pragma once
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::output {

// Print shops cut at the TrimBox and expect artwork up to the BleedBox; Cairo 1.16 writes only
// the MediaBox. This finishing step sets both boxes on every page whose Page has them, in a
// finished PDF (read as Cairo writes PDFs, pdf_file.h; only the pages are written anew, with an
// /ID made from the bytes, so re-renders stay byte-identical). Returns false (reported, `pdf`
// unchanged) when the PDF cannot be read or its page count differs from `pages`.
bool has_page_boxes(const std::vector<typeset::Page>& pages);
bool add_page_boxes(std::string& pdf, const std::vector<typeset::Page>& pages, Diagnostics& diags);

}  // namespace dw::output

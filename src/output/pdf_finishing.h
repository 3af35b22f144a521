#pragma once
#include <string>

#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::output {

// Entries Cairo 1.16 cannot write, added to the document catalog of a finished PDF: /Lang (the
// language screen readers and hyphenating viewers use) and /ViewerPreferences /DisplayDocTitle
// (viewers show the title, not the file name). Cairo writes the catalog as the last object
// before the cross-reference table, so inserting into it moves only the table: the startxref
// offset is corrected. Returns false (the PDF unchanged) if the file is not laid out that way.
bool finish_pdf(std::string& pdf, const typeset::Metadata& metadata);

// The entries as PDF syntax ("/Lang (nl-NL) /ViewerPreferences << ... >>"), strings escaped.
std::string catalog_entries(const typeset::Metadata& metadata);

}  // namespace dw::output

#pragma once
#include <string>

#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::output {

// Entries Cairo 1.16 cannot write, added to the document catalog of a finished PDF: /Lang (the
// language screen readers and hyphenating viewers use), /ViewerPreferences /DisplayDocTitle
// (viewers show the title, not the file name) and, when metadata.fit_page is set, /OpenAction
// [first page /Fit] (viewers open on the whole page: posters sent by e-mail). Cairo writes the catalog as the last object
// before the cross-reference table, so inserting into it moves only the table: the startxref
// offset is corrected. Returns false (the PDF unchanged) if the file is not laid out that way.
bool finish_pdf(std::string& pdf, const typeset::Metadata& metadata);
// The same for a PDF of which only the end is in memory: `tail` holds the file from byte
// `tail_offset` on (what came before was written out page by page) and must contain the
// catalog and the cross-reference table, which Cairo writes last.
bool finish_pdf_tail(std::string& tail, size_t tail_offset, const typeset::Metadata& metadata);

// The entries as PDF syntax ("/Lang (nl-NL) /ViewerPreferences << ... >>"), strings escaped.
// `first_page` is the reference of the first page object ("5 0 R"); without it no /OpenAction.
std::string catalog_entries(const typeset::Metadata& metadata, const std::string& first_page = "");

// "5 0 R": the first entry of the first /Kids array (Cairo writes one flat page tree); "" if none.
std::string first_page_reference(const std::string& pdf);

}  // namespace dw::output

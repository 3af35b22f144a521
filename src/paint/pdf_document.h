#pragma once
#include <cairo.h>

#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "typeset/page.h"

// Document-level PDF features of a Cairo PDF surface: metadata and the outline.
namespace dw::paint {

// Title, author, subject, keywords, creator, and CREATE_DATE = MOD_DATE from `meta.date` (or
// `fallback_date` when that is empty). Fixed dates make two runs byte-identical; without any
// date Cairo writes the current time. Cairo 1.16 cannot write /Lang, so `language` is unused.
void set_pdf_metadata(cairo_surface_t* pdf, const typeset::Metadata& meta,
                      const std::string& fallback_date, Diagnostics& diag);

// Adds the outline; an entry nests under the nearest earlier entry of a lower level. Entries
// whose destination is not in `dests` would be dead in the viewer: reported and left out.
void add_pdf_outline(cairo_surface_t* pdf, const std::vector<typeset::OutlineEntry>& outline,
                     const std::set<std::string>& dests, Diagnostics& diag);

}  // namespace dw::paint

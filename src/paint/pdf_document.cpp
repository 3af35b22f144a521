#include "paint/pdf_document.h"

#include <cairo-pdf.h>

#include <utility>

#include "paint/pdf_attributes.h"
#include "paint/text_format.h"

namespace dw::paint {

namespace {

void set_text(cairo_surface_t* pdf, cairo_pdf_metadata_t key, const char* name,
              const std::string& value, Diagnostics& diag) {
    if (value.empty()) return;
    if (!is_valid_utf8(value)) {
        diag.warning({},
                     std::string("document ") + name + " is not valid UTF-8; left out of the PDF");
        return;
    }
    cairo_pdf_surface_set_metadata(pdf, key, value.c_str());
}

}  // namespace

void set_pdf_metadata(cairo_surface_t* pdf, const typeset::Metadata& meta,
                      const std::string& fallback_date, Diagnostics& diag) {
    set_text(pdf, CAIRO_PDF_METADATA_TITLE, "title", meta.title, diag);
    set_text(pdf, CAIRO_PDF_METADATA_AUTHOR, "author", meta.author, diag);
    set_text(pdf, CAIRO_PDF_METADATA_SUBJECT, "subject", meta.subject, diag);
    set_text(pdf, CAIRO_PDF_METADATA_KEYWORDS, "keywords", meta.keywords, diag);
    set_text(pdf, CAIRO_PDF_METADATA_CREATOR, "creator", meta.creator, diag);

    const std::string& date = meta.date.empty() ? fallback_date : meta.date;
    if (date.empty()) return;
    if (!is_pdf_metadata_date(date)) {
        diag.warning({},
                     "document date " + quoted_text(date) + " is not ISO 8601; the PDF gets the " +
                         "current time instead",
                     "write it as 2024-11-12T09:30:00Z or 2024-11-12T09:30:00+01:00");
        return;
    }
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
}

void add_pdf_outline(cairo_surface_t* pdf, const std::vector<typeset::OutlineEntry>& outline,
                     const std::set<std::string>& dests, Diagnostics& diag) {
    std::vector<std::pair<int, int>> open;  // (level, outline id) of the current ancestors
    for (const typeset::OutlineEntry& entry : outline) {
        if (!dests.count(entry.dest)) {
            diag.warning({}, "outline entry " + quoted_text(entry.title) +
                                 " points to unknown destination " + quoted_text(entry.dest) +
                                 "; left out of the outline");
            continue;
        }
        if (!is_valid_utf8(entry.title)) {
            diag.warning({}, "outline entry title is not valid UTF-8; left out of the outline");
            continue;
        }
        while (!open.empty() && open.back().first >= entry.level) open.pop_back();
        int parent = open.empty() ? CAIRO_PDF_OUTLINE_ROOT : open.back().second;
        int id = cairo_pdf_surface_add_outline(pdf, parent, entry.title.c_str(),
                                               outline_link_attributes(entry.dest).c_str(),
                                               cairo_pdf_outline_flags_t{});
        open.emplace_back(entry.level, id);
    }
}

}  // namespace dw::paint

#pragma once
#include <string>
#include <string_view>

#include "typeset/page.h"

// The attribute strings Cairo's tag API parses ("uri='…' rect=[x y w h]"), built from plain data.
// Kept apart from the drawing code so the escaping rules can be tested without a surface.
namespace dw::paint {

// `s` as a Cairo attribute string: in single quotes, with ' and \ escaped by a backslash.
std::string cairo_attribute_string(std::string_view s);

// A URI as PDF wants it: 7-bit ASCII. Bytes outside printable ASCII (UTF-8 of "café", spaces,
// control characters) are percent-encoded; everything else is kept as written.
std::string ascii_uri(std::string_view uri);

// "uri='…' rect=[…]" or "dest='…' rect=[…]" (uri wins when both are set). Rectangles with a
// non-finite or non-positive size are left out; the caller skips a link with no rectangle left.
std::string link_attributes(const typeset::Link& link);
bool has_drawable_rect(const typeset::Link& link);

// "name='…' x=… y=…" for CAIRO_TAG_DEST.
std::string dest_attributes(const typeset::Dest& dest);

// "dest='…'" for cairo_pdf_surface_add_outline.
std::string outline_link_attributes(std::string_view dest);

// ISO 8601 as Cairo 1.16 accepts it for CREATE_DATE / MOD_DATE:
// "YYYY-MM-DDTHH:MM:SS" optionally followed by "Z" or "+HH:MM" / "-HH:MM".
bool is_pdf_metadata_date(std::string_view date);

// A standard PDF structure type ("P", "H1", "LI", "Figure", ...) that Cairo accepts as a tag.
bool is_structure_tag_name(std::string_view tag);

}  // namespace dw::paint

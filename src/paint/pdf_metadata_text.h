#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "typeset/page.h"

// The document metadata as PDF and XMP text, for the libharu painter and the PDF/UA finishing (libharu 2.3 writes dates
// with a broken 'Z', strings only in PDFDocEncoding, and an XMP packet that is not XML-escaped).
// Plain text functions, tested without a PDF.
namespace dw::paint {

struct PdfDates {
    std::string info;  // "D:20241112000000+00'00'" for the Info dictionary
    std::string xmp;   // "2024-11-12T00:00:00+00:00" for XMP; the same instant
};

// From ISO 8601 "YYYY-MM-DDTHH:MM:SS" with "Z", "+HH:MM" or "-HH:MM" (or no zone: UTC).
std::optional<PdfDates> pdf_dates(std::string_view iso);

// `s` as XML text (diag/xml_text.h), with the characters XML 1.0 forbids dropped.
std::string xml_escaped(std::string_view s);

// A PDF text string for UTF-8 `s`: the UTF-16BE bytes with a byte order mark (PDF 1.4,
// 3.8.1). Invalid UTF-8 bytes become U+FFFD.
std::string pdf_utf16_text(std::string_view s);

// `s` in PDFDocEncoding when every character has a code there that equals its Latin-1 code
// (printable ASCII and U+00A1..U+00FF): the bytes; nullopt otherwise.
std::optional<std::string> pdf_doc_encoded(std::string_view s);

// The XMP packet of a PDF/A-1b file: Dublin Core title, creator and description, XMP dates and
// creator tool, PDF keywords and producer (each equal to its Info entry, as PDF/A-1 requires),
// and the PDF/A identification (part 1, conformance B). Empty fields are left out.
std::string pdfa1b_xmp_packet(const typeset::Metadata& meta, std::string_view producer,
                              const PdfDates& dates);

// The XMP packet of a PDF/UA-1 file: Dublin Core title, creator, description and language,
// the dates when known, keywords, and the PDF/UA identification (pdfuaid:part 1).
std::string pdfua1_xmp_packet(const typeset::Metadata& meta, const std::optional<PdfDates>& dates);

}  // namespace dw::paint

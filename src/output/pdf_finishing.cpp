#include "output/pdf_finishing.h"

#include <charconv>

namespace dw::output {
namespace {

std::string pdf_string(const std::string& text) {
    std::string out = "(";
    for (char c : text) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

// The byte offset after "<<" of the catalog, if the catalog is the last object before the
// cross-reference table; npos otherwise.
size_t catalog_insert_point(const std::string& pdf, size_t xref) {
    size_t catalog = pdf.rfind("/Type /Catalog", xref);
    if (catalog == std::string::npos) return std::string::npos;
    size_t open = pdf.rfind("<<", catalog);
    size_t end = pdf.find("endobj", catalog);
    if (open == std::string::npos || end == std::string::npos) return std::string::npos;
    // Only whitespace may separate the catalog's endobj from the xref keyword.
    for (size_t i = end + 6; i < xref; ++i)
        if (pdf[i] != '\n' && pdf[i] != '\r' && pdf[i] != ' ') return std::string::npos;
    return open + 2;
}

}  // namespace

std::string catalog_entries(const typeset::Metadata& metadata, const std::string& first_page) {
    std::string entries;
    if (!metadata.language.empty()) entries += "\n   /Lang " + pdf_string(metadata.language);
    entries += "\n   /ViewerPreferences << /DisplayDocTitle true >>";
    if (metadata.fit_page && !first_page.empty())
        entries += "\n   /OpenAction [" + first_page + " /Fit]";
    return entries;
}

std::string first_page_reference(const std::string& pdf) {
    size_t kids = pdf.find("/Kids [");
    if (kids == std::string::npos) return "";
    size_t start = pdf.find_first_not_of(' ', kids + 7);
    size_t r = pdf.find('R', start);
    if (start == std::string::npos || r == std::string::npos || r - start > 24) return "";
    std::string ref = pdf.substr(start, r + 1 - start);
    // "5 0 R": digits, a space, digits, a space, R
    size_t space = ref.find(' ');
    if (space == 0 || space == std::string::npos ||
        ref.find_first_not_of("0123456789") != space || ref.substr(ref.size() - 2) != " R")
        return "";
    return ref;
}

bool finish_pdf(std::string& pdf, const typeset::Metadata& metadata) {
    return finish_pdf_tail(pdf, 0, metadata);
}

bool finish_pdf_tail(std::string& tail, size_t tail_offset, const typeset::Metadata& metadata) {
    size_t startxref = tail.rfind("startxref");
    if (startxref == std::string::npos) return false;
    size_t number = tail.find_first_of("0123456789", startxref);
    size_t number_end = tail.find_first_not_of("0123456789", number);
    if (number == std::string::npos || number_end == std::string::npos) return false;
    size_t xref_in_file = 0;
    auto [ptr, error] =
        std::from_chars(tail.data() + number, tail.data() + number_end, xref_in_file);
    if (error != std::errc() || xref_in_file < tail_offset) return false;
    size_t xref = xref_in_file - tail_offset;  // in `tail`
    if (xref >= tail.size() || tail.compare(xref, 4, "xref") != 0) return false;

    size_t insert_at = catalog_insert_point(tail, xref);
    if (insert_at == std::string::npos) return false;
    std::string entries = catalog_entries(metadata, first_page_reference(tail));
    tail.replace(number, number_end - number, std::to_string(xref_in_file + entries.size()));
    tail.insert(insert_at, entries);
    return true;
}

}  // namespace dw::output

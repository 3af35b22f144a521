#include <catch2/catch.hpp>

#include "output/pdf_finishing.h"

using namespace dw;

namespace {
// The tail of a PDF as Cairo 1.16 writes it: the catalog is the last object before xref.
std::string cairo_like_pdf() {
    std::string head = "%PDF-1.5\n1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
    std::string catalog = "2 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n>>\nendobj\n";
    std::string pdf = head + catalog;
    size_t xref = pdf.size();
    pdf += "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n" + std::string("0000000") +
           std::to_string(head.size()) + " 00000 n \ntrailer\n<< /Size 3 /Root 2 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

size_t startxref_value(const std::string& pdf) {
    size_t at = pdf.rfind("startxref\n") + 10;
    return std::stoul(pdf.substr(at, pdf.find('\n', at) - at));
}
}  // namespace

TEST_CASE("finish_pdf adds /Lang to the catalog and moves startxref with it", "[output]") {
    std::string pdf = cairo_like_pdf();
    typeset::Metadata meta;
    meta.language = "nl-NL";
    REQUIRE(output::finish_pdf(pdf, meta));
    REQUIRE(pdf.find("<< /Type /Catalog") == std::string::npos);  // entries went in after <<
    REQUIRE(pdf.find("/Lang (nl-NL)") != std::string::npos);
    REQUIRE(pdf.find("/DisplayDocTitle true") != std::string::npos);
    REQUIRE(pdf.compare(startxref_value(pdf), 4, "xref") == 0);
}

TEST_CASE("finish_pdf escapes the language and leaves other layouts alone", "[output]") {
    typeset::Metadata meta;
    meta.language = "x(y)";
    REQUIRE(output::catalog_entries(meta).find("/Lang (x\\(y\\))") != std::string::npos);

    std::string pdf = cairo_like_pdf();
    size_t catalog = pdf.find("2 0 obj");
    pdf.insert(pdf.find("xref"), "3 0 obj\n<< >>\nendobj\n");  // catalog no longer last
    (void)catalog;
    std::string before = pdf;
    REQUIRE_FALSE(output::finish_pdf(pdf, meta));
    REQUIRE(pdf == before);
}

TEST_CASE("finish_pdf opens a fit-page document on its whole first page", "[output]") {
    std::string pdf = cairo_like_pdf();
    pdf.replace(pdf.find("/Kids []"), 8, "/Kids [ 7 0 R 9 0 R ]");
    size_t at = pdf.rfind("startxref\n") + 10;  // the table moved: point startxref at it again
    pdf.replace(at, pdf.find('\n', at) - at, std::to_string(pdf.find("xref\n0 3")));
    REQUIRE(output::first_page_reference(pdf) == "7 0 R");
    typeset::Metadata meta;
    std::string plain = pdf;
    REQUIRE(output::finish_pdf(plain, meta));
    REQUIRE(plain.find("/OpenAction") == std::string::npos);
    meta.fit_page = true;
    REQUIRE(output::finish_pdf(pdf, meta));
    REQUIRE(pdf.find("/OpenAction [7 0 R /Fit]") != std::string::npos);
    REQUIRE(pdf.compare(startxref_value(pdf), 4, "xref") == 0);
}

TEST_CASE("finish_pdf_tail finishes the end of a PDF whose start is already written", "[output]") {
    std::string whole = cairo_like_pdf();
    typeset::Metadata meta;
    meta.language = "nl-NL";
    const size_t written = 20;  // a page was written out before the tail
    std::string tail = whole.substr(written);
    REQUIRE(output::finish_pdf_tail(tail, written, meta));
    REQUIRE(output::finish_pdf(whole, meta));
    CHECK(whole.substr(0, written) + tail == whole);
    // A tail that starts after the cross-reference table cannot be finished.
    std::string late = cairo_like_pdf();
    late = late.substr(late.rfind("trailer"));
    CHECK_FALSE(output::finish_pdf_tail(late, cairo_like_pdf().rfind("trailer"), meta));
}

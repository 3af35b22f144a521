#include <catch2/catch.hpp>
#include <iterator>
#include <regex>
#include <sstream>

#include "fixtures/paint/sample_document.h"
#include "paint/cairo_painter.h"

using namespace dw;
using namespace dw::test;

namespace {

// Renders the sample document to PDF once per test case and writes it for the PDF tools.
struct SamplePdf {
    TempDir dir;
    Diagnostics diag;
    std::string bytes;
    std::string path = dir / "sample.pdf";

    SamplePdf() {
        auto out = paint::render_with_cairo(sample_document(dir.path()), {}, diag);
        REQUIRE(out);
        REQUIRE(out->size() == 1);
        bytes = out->front();
        write_file(path, bytes);
    }
    // Uncompressed, with readable object streams: what the greps below look at.
    std::string qdf() {
        CommandResult r = run_command("qpdf --qdf --object-streams=disable '" + path + "' -");
        REQUIRE(r.status == 0);
        return r.output;
    }
};

// A "Key:   value" line of pdfinfo (its column width changes with the longest key).
bool has_field(const std::string& info, const std::string& key, const std::string& value) {
    return std::regex_search(info, std::regex("(^|\n)" + key + ":\\s+" + value + "\n"));
}

std::string all_messages(const Diagnostics& diag) {
    std::string s;
    for (const Diagnostic& d : diag.all()) s += format_diagnostic(d) + "\n";
    return s;
}

}  // namespace

TEST_CASE("sample PDF renders without diagnostics and passes qpdf --check", "[paint][pdf]") {
    SamplePdf pdf;
    INFO(all_messages(pdf.diag));
    CHECK(pdf.diag.all().empty());
    CHECK(pdf.bytes.rfind("%PDF-", 0) == 0);
    CommandResult check = run_command("qpdf --check '" + pdf.path + "'");
    INFO(check.output);
    CHECK(check.status == 0);
    CHECK(check.output.find("No syntax or stream encoding errors found") != std::string::npos);
}

TEST_CASE("PDF text can be extracted", "[paint][pdf]") {
    SamplePdf pdf;
    CommandResult text = run_command("pdftotext '" + pdf.path + "' -");
    INFO(text.output);
    REQUIRE(text.status == 0);
    CHECK(text.output.find("Hallo wereld") != std::string::npos);
    CHECK(text.output.find("Naar sectie twee") != std::string::npos);
    CHECK(text.output.find("Tweede pagina") != std::string::npos);
}

TEST_CASE("PDF embeds Lato as a subset", "[paint][pdf]") {
    SamplePdf pdf;
    CommandResult fonts = run_command("pdffonts '" + pdf.path + "'");
    INFO(fonts.output);
    REQUIRE(fonts.status == 0);
    // name: six capitals + "+Lato..."; then type, encoding, emb yes, sub yes.
    CHECK(std::regex_search(fonts.output, std::regex(R"([A-Z]{6}\+Lato\S*\s.*\byes\s+yes\s+yes)")));
    CHECK(fonts.output.find(" no ") == std::string::npos);  // no font left unembedded
}

TEST_CASE("PDF has pages of their own size, labels, metadata and tags", "[paint][pdf]") {
    SamplePdf pdf;
    CommandResult info = run_command("pdfinfo -f 1 -l 2 '" + pdf.path + "'");
    INFO(info.output);
    REQUIRE(info.status == 0);
    CHECK(std::regex_search(info.output, std::regex(R"(Pages:\s+2\n)")));
    CHECK(std::regex_search(info.output, std::regex(R"(Page\s+1 size:\s+595\.27\d* x 841\.89)")));
    CHECK(std::regex_search(info.output, std::regex(R"(Page\s+2 size:\s+419\.53 x 595\.28)")));
    CHECK(has_field(info.output, "Title", "Notulen van de bewonersvergadering"));
    CHECK(has_field(info.output, "Author", "Bewonersvereniging De Linde"));
    CHECK(has_field(info.output, "Subject", "Vergadering"));
    CHECK(has_field(info.output, "Keywords", "notulen, linde"));
    CHECK(has_field(info.output, "Creator", "drukwerk tests"));
    CHECK(has_field(info.output, "Tagged", "yes"));
    CHECK(has_field(info.output, "CreationDate", "Tue Nov 12 00:00:00 2024 UTC"));

    std::string qdf = pdf.qdf();
    CHECK(qdf.find("/PageLabels") != std::string::npos);
    CHECK(qdf.find("/P (i)") != std::string::npos);
    CHECK(qdf.find("/P (ii)") != std::string::npos);
    // Cairo 1.16 writes a given date without the "D:" prefix; readers accept it.
    CHECK(qdf.find("/CreationDate (20241112000000Z)") != std::string::npos);
    CHECK(qdf.find("/S /H1") != std::string::npos);
    CHECK(qdf.find("/S /H2") != std::string::npos);
}

TEST_CASE("PDF links: external URI and internal named destination", "[paint][pdf]") {
    SamplePdf pdf;
    std::string qdf = pdf.qdf();
    INFO(qdf.substr(0, 20000));
    CHECK(qdf.find("/URI (https://example.org/notulen?id=1&naam=o'brien)") != std::string::npos);
    CHECK(qdf.find("/Dest (sectie-2)") != std::string::npos);
    // One annotation per link; the internal one covers two rectangles (two quadrilaterals).
    size_t annots = 0;
    for (size_t p = qdf.find("/Subtype /Link"); p != std::string::npos;
         p = qdf.find("/Subtype /Link", p + 1)) {
        ++annots;
    }
    CHECK(annots == 2);
    std::smatch quads;
    REQUIRE(std::regex_search(qdf, quads,
                              std::regex(R"(/Dest \(sectie-2\)\s+/QuadPoints \[([^\]]*)\])")));
    std::istringstream numbers(quads[1].str());
    std::vector<double> q{std::istream_iterator<double>(numbers), std::istream_iterator<double>()};
    REQUIRE(q.size() == 16);
    CHECK(q[0] == Approx(56.69));
    CHECK(q[1] == Approx(841.89 - 130));  // y flipped: PDF counts from the bottom
    CHECK(q[9] == Approx(841.89 - 144));
    // The named destinations exist, at the given position, so the links lead somewhere.
    CHECK(
        std::regex_search(qdf, std::regex(R"(\(begin\)\s+\[\s+\d+ 0 R\s+/XYZ\s+56\.69\s+785\.2)")));
    CHECK(
        std::regex_search(qdf, std::regex(R"(\(sectie-2\)\s+\[\s+\d+ 0 R\s+/XYZ\s+42\s+553\.28)")));
}

TEST_CASE("PDF outline nests the second level under the first", "[paint][pdf]") {
    SamplePdf pdf;
    CommandResult json = run_command("qpdf --json --json-key=outlines '" + pdf.path + "'");
    INFO(json.output);
    REQUIRE(json.status == 0);
    size_t top = json.output.find("\"title\": \"Notulen\"");
    size_t kids = json.output.find("\"kids\"");
    size_t child = json.output.find("\"title\": \"Sectie twee\"");
    REQUIRE(top != std::string::npos);
    REQUIRE(child != std::string::npos);
    // qpdf sorts keys, so an entry's kids come before its own title: the child sits inside the
    // top entry's kids, has none itself, and leads to page 2.
    CHECK(kids < child);
    CHECK(child < top);
    const std::string child_entry = json.output.substr(kids, child - kids);
    CHECK(child_entry.find("\"kids\": []") != std::string::npos);
    CHECK(child_entry.find("\"destpageposfrom1\": 2") != std::string::npos);
}

TEST_CASE("PDF images: JPEG embedded as-is, PNG as pixels, SVG stays vector", "[paint][pdf]") {
    SamplePdf pdf;
    CommandResult list = run_command("pdfimages -list '" + pdf.path + "'");
    INFO(list.output);
    REQUIRE(list.status == 0);
    std::regex row(R"(\n\s+\d+\s+\d+\s+image\s+(\d+)\s+(\d+)\s+\S+\s+\d+\s+\d+\s+(\S+))");
    std::vector<std::string> images;
    for (auto it = std::sregex_iterator(list.output.begin(), list.output.end(), row);
         it != std::sregex_iterator(); ++it) {
        images.push_back((*it)[1].str() + "x" + (*it)[2].str() + " " + (*it)[3].str());
    }
    // Only the two raster images: the SVG logo was drawn as paths.
    REQUIRE(images.size() == 2);
    CHECK(images[0] == "30x20 image");
    CHECK(images[1] == "24x16 jpeg");
}

TEST_CASE("two renders of the same document are byte-identical", "[paint][pdf]") {
    TempDir dir;
    Diagnostics diag;
    typeset::Document doc = sample_document(dir.path());
    auto first = paint::render_with_cairo(doc, {}, diag);
    auto second = paint::render_with_cairo(doc, {}, diag);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->front().size() > 1000);
    CHECK(first->front() == second->front());
}

namespace {

// Two copies of one card back on a page, marked for reuse (GroupBegin::reuse) or not.
typeset::Document repeated_backs(bool marked) {
    typeset::Document doc;
    doc.fonts.push_back({lato_file(), 0, "Lato"});
    typeset::Page page;
    for (double dx : {0.0, 200.0}) {
        typeset::GroupBegin group{0, 100 + dx, 100, typeset::Rect{dx, 0, 180, 250}};
        if (marked) {
            group.reuse = "back 1";
            group.reuse_bounds = {dx, 0, 180, 250};
        }
        page.items.push_back(group);
        typeset::Shape band;
        band.rect = {dx, 0, 180, 250};
        band.has_fill = true;
        band.fill = {0.1, 0.4, 0.3};
        page.items.push_back(band);
        page.items.push_back(typeset::GroupBegin{10, 90 + dx, 120, {}});  // nested
        page.items.push_back(lato_run("Thema", 60 + dx, 120));
        page.items.push_back(typeset::GroupEnd{});
        page.items.push_back(typeset::GroupEnd{});
    }
    page.items.push_back(lato_run("Na de kaarten", 40, 400));  // drawn after the skipped copy
    doc.pages.push_back(page);
    return doc;
}

size_t count(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("groups marked for reuse are drawn once and repeated as one Form XObject", "[paint][pdf]") {
    for (bool marked : {false, true}) {
        Diagnostics diag;
        auto out = paint::render_with_cairo(repeated_backs(marked), {}, diag);
        INFO(all_messages(diag));
        REQUIRE(out);
        CHECK(diag.all().empty());
        TempDir dir;
        const std::string path = dir / "backs.pdf";
        write_file(path, out->front());
        CommandResult qdf = run_command("qpdf --qdf --object-streams=disable '" + path + "' -");
        REQUIRE(qdf.status == 0);
        CHECK(count(qdf.output, "/Subtype /Form") == (marked ? 1u : 0u));
        // The text after the repeated groups is on the page either way.
        CommandResult text = run_command("pdftotext '" + path + "' -");
        CHECK(text.output.find("Na de kaarten") != std::string::npos);
    }
}

TEST_CASE("a group marked for reuse left open at the end of a page is closed there", "[paint][pdf]") {
    typeset::Document doc;
    doc.fonts.push_back({lato_file(), 0, "Lato"});
    typeset::Page page;
    typeset::GroupBegin group{0, 100, 100, typeset::Rect{0, 0, 180, 250}};
    group.reuse = "back 1";
    group.reuse_bounds = {0, 0, 180, 250};
    page.items.push_back(group);
    page.items.push_back(typeset::GroupBegin{10, 90, 120, {}});  // nested, also left open
    page.items.push_back(lato_run("Thema", 60, 120));
    doc.pages.push_back(page);
    doc.pages.push_back(typeset::Page{});
    Diagnostics diag;
    auto out = paint::render_with_cairo(doc, {}, diag);
    INFO(all_messages(diag));
    REQUIRE(out);  // no Cairo error (an unbalanced restore would be one)
    CHECK(diag.error_count() == 0);
    CHECK(all_messages(diag).find("group not closed") != std::string::npos);
}

// The PDF/UA finishing (output/pdf_accessibility.h) and the reader and writer it is built on
// (output/pdf_file.h, pdf_value.h, pdf_splice.h, pdf_stream_rewrites.h), on hand-written PDFs
// laid out as Cairo 1.16 writes them.
#include <catch2/catch.hpp>

#include "fixtures/paint/sample_document.h"
#include "output/flate.h"
#include "output/pdf_accessibility.h"
#include "output/pdf_file.h"
#include "output/pdf_splice.h"
#include "output/pdf_stream_rewrites.h"
#include "output/pdf_value.h"
#include "output/render_output.h"

using namespace dw;
using namespace dw::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string messages(const Diagnostics& diag) {
    std::string s;
    for (const Diagnostic& d : diag.all()) s += format_diagnostic(d) + "\n";
    return s;
}

// A tagged PDF as Cairo writes one, with the cross-reference table of `objects` (1, 2, ...).
std::string small_tagged_pdf(const std::vector<std::string>& objects) {
    std::string pdf = "%PDF-1.5\n%\xb5\xed\xae\xfb\n";
    std::vector<size_t> at;
    for (size_t i = 0; i < objects.size(); ++i) {
        at.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t table = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t offset : at) {
        const std::string digits = std::to_string(offset);
        pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(table) + "\n%%EOF\n";
    return pdf;
}

std::string stream_object(const std::string& data) {
    return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// The element facts of pages holding only these tags.
output::PageFacts facts_of(const std::vector<std::vector<typeset::TagBegin>>& pages) {
    output::PageFacts facts;
    for (const auto& tags : pages) {
        typeset::Page page;
        for (const typeset::TagBegin& tag : tags) {
            page.items.push_back(tag);
            page.items.push_back(typeset::TagEnd{});
        }
        facts.add(page);
    }
    return facts;
}

// The finishing run on `pdf`; it must succeed.
std::string finished(const std::string& pdf, const output::PageFacts& facts) {
    typeset::Metadata metadata;
    metadata.title = "Verslag";
    metadata.language = "nl-NL";
    std::string out = pdf;
    Diagnostics diag;
    INFO(messages(diag));
    REQUIRE(output::finish_accessibility(out, metadata, facts, "2024-11-12T00:00:00Z", diag));
    return out;
}

// `pdf` written to a file and checked by qpdf, a reader of its own.
std::string checked_by_qpdf(const TempDir& dir, const std::string& pdf) {
    const std::string path = dir / "finished.pdf";
    write_file(path, pdf);
    const CommandResult check = run_command("qpdf --check '" + path + "'");
    INFO(check.output);
    CHECK(check.status == 0);
    return path;
}

std::string qpdf_object(const std::string& path, int number) {
    return run_command("qpdf --show-object=" + std::to_string(number) + " '" + path + "'").output;
}

}  // namespace

TEST_CASE("a PDF value is parsed, changed and written again", "[output][pdf]") {
    pdf::Value v =
        pdf::Value::parse(" << /Type /Page % 1\n /K [ 9 0 R 3 (a (b) \\) c) ] /P 4 0 R >>");
    REQUIRE(v.is_dictionary());
    CHECK(v.find("/Type")->text() == "/Page");  // the comment is white space
    REQUIRE(v.find("/K")->is_array());
    CHECK(v.find("/K")->items().size() == 3);
    CHECK(v.find("/K")->items()[0].object() == 9);
    CHECK(v.find("/K")->items()[2].text() == "(a (b) \\) c)");
    CHECK(v.find("/P")->is_reference());
    v.set("/Tabs", pdf::Value::atom("/S"));
    v.erase("/P");
    CHECK(v.to_string() == "<< /Type /Page /K [ 9 0 R 3 (a (b) \\) c) ] /Tabs /S >>");
}

TEST_CASE("PDF strings are read and written as text", "[output][pdf]") {
    CHECK(pdf::string_bytes("(a\\(b\\)\\\\c\\101\\n)") == "a(b)\\cA\n");
    CHECK(pdf::string_bytes("<48 65 6c6C6f>") == "Hello");
    CHECK(pdf::string_bytes("/footnote#2D1") == "footnote-1");
    CHECK(pdf::text_as_utf8(std::string("\xFE\xFF\x00h\x00\xE9", 6)) == "h\xC3\xA9");
    CHECK(pdf::text_as_utf8("caf\xC3\xA9") == "caf\xC3\xA9");  // UTF-8 as Cairo writes a URI
    CHECK(pdf::text_as_utf8("caf\xE9") == "caf\xC3\xA9");      // else Latin-1
    CHECK(pdf::text_string("De (eerste) les") == "(De \\(eerste\\) les)");
    CHECK(pdf::text_string("caf\xC3\xA9") == "<636166e9>");  // PDFDocEncoding
    CHECK(pdf::text_string("\xD9\x85") == "<feff0645>");     // Arabic: UTF-16BE
}

TEST_CASE("Flate data goes through deflate and inflate unchanged", "[output][pdf]") {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "BT /f-0-0 1 Tf (" + std::to_string(i) + ") Tj ET\n";
    CHECK(pdf::inflate(pdf::deflate(text)) == text);
    CHECK_THROWS(pdf::inflate("not zlib data"));
}

TEST_CASE("a PDF that Cairo did not write is refused, not misread", "[output][pdf][bad]") {
    const std::string good = small_tagged_pdf(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"});
    CHECK_NOTHROW(pdf::File(good));
    CHECK_THROWS_WITH(pdf::File("%PDF-1.5\n"), Catch::Contains("no startxref"));
    std::string stream_table = good;
    stream_table.replace(stream_table.rfind("xref\n0 3"), 4, "XRef");  // a cross-reference stream
    CHECK_THROWS_WITH(pdf::File(stream_table), Catch::Contains("no classic cross-reference table"));
    std::string updated = good;
    updated.replace(updated.find("/Root 1 0 R"), 11, "/Root 1 0 R /Prev 9");
    CHECK_THROWS_WITH(pdf::File(updated), Catch::Contains("updated incrementally"));
    std::string cut = good.substr(0, good.find("0000000000 65535 f") + 30);
    CHECK_THROWS(pdf::File(cut + "\ntrailer"));

    // The finishing reports it instead.
    Diagnostics diag;
    std::string pdf = "%PDF-1.5\nnot a PDF\n";
    CHECK_FALSE(
        output::finish_accessibility(pdf, typeset::Metadata{}, output::PageFacts{}, "", diag));
    CHECK(contains(messages(diag), "error: cannot finish the tagged PDF: no startxref in the PDF"));
    CHECK(pdf == "%PDF-1.5\nnot a PDF\n");
}

TEST_CASE("a stream's data is found through its /Length, direct or indirect", "[output][pdf]") {
    const std::string data = "endstream inside the data";
    const std::string pdf = small_tagged_pdf({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [] /Count 0 >>",
        "<< /Length 4 0 R >>\nstream\n" + data + "\nendstream",
        std::to_string(data.size()),
        "<< /Length 9 /Filter /FlateDecode >>\nstream\n" + pdf::deflate("BT ET") + "\nendstream",
    });
    const pdf::File file(pdf);
    CHECK(file.stream(3) == data);
    CHECK_THROWS(file.stream(5));  // a /Length that cuts the Flate data short
    CHECK(file.value(4) == std::to_string(data.size()));
    CHECK_THROWS_WITH(file.stream(2), Catch::Contains("not a stream"));
    CHECK(file.is_stream(3));
    CHECK_FALSE(file.is_stream(4));
    CHECK_FALSE(file.is_stream(99));
}

TEST_CASE("content outside marked content becomes an artifact", "[output][pdf]") {
    const std::string wrapped = pdf::wrap_artifacts(
        "0 0 m 10 0 l S\n/P <</MCID 0>> BDC BT (a) Tj ET EMC\n1 0 0 rg 0 0 5 5 re f\n"
        "/Private <</MCID 1>> BDC BT (WIJ ZIJN DE WIJK) Tj ET EMC");
    CHECK(
        wrapped ==
        "/Artifact BMC\n0 0 m 10 0 l S\nEMC\n\n/P <</MCID 0>> BDC BT (a) Tj ET EMC/Artifact BMC\n\n"
        "1 0 0 rg 0 0 5 5 re f\nEMC\n\n/Artifact <</Type /Pagination /Subtype /Header>> BDC BT "
        "(WIJ ZIJN DE WIJK) Tj ET EMC");
}

TEST_CASE("ligature characters in a ToUnicode map become their letters", "[output][pdf]") {
    CHECK(pdf::expand_ligatures("2 beginbfchar\n<0041> <0041>\n<0042> <FB01>\nendbfchar\n") ==
          "2 beginbfchar\n<0041> <0041>\n<0042> <00660069>\nendbfchar\n");
    CHECK(pdf::expand_ligatures("1 beginbfrange\n<0003> <0004> <FB03>\n").find("<006600660069>") !=
          std::string::npos);
    CHECK(pdf::expand_ligatures("<0041> <0041>\n").empty());
    // Lam-alef, final and isolated, lower-case hex: lam then alef.
    CHECK(pdf::expand_ligatures("2 beginbfchar\n<01a2> <fefc>\n<01a3> <FEFB>\nendbfchar\n") ==
          "2 beginbfchar\n<01a2> <06440627>\n<01a3> <06440627>\nendbfchar\n");
    CHECK(pdf::expand_ligatures("1 beginbfchar\n<01a4> <FEF7>\nendbfchar\n").find("<06440623>") !=
          std::string::npos);
}

TEST_CASE("the PDF/UA finishing writes what it changed and copies the rest byte for byte",
          "[output][pdf]") {
    const std::string untouched = "<< /Producer (cairo) >>";
    const std::string pdf = small_tagged_pdf({
        "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R /MarkInfo << /Marked true >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        // Cairo's page: a comment after /Type /Page, and a link annotation
        "<< /Type /Page % 1\n   /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R "
        "/StructParents 0"
        " /Annots [ 9 0 R ] >>",
        stream_object("0 0 m 10 0 l S /Figure <</MCID 0>> BDC BT ET EMC"),
        "<< /Type /StructTreeRoot /K [6 0 R] /ParentTree 7 0 R >>",
        "<< /Type /StructElem /S /Figure /P 5 0 R /Pg 3 0 R /K 0 >>",
        "<< /Nums [0 [6 0 R]] >>",
        untouched,
        "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI "
        "(https://wijzijndewijk.nl/caf\xC3\xA9) >> >>",
    });
    const std::string out = finished(pdf, facts_of({{{"Figure", "The logo"}}}));

    CHECK(out.compare(0, 15, pdf, 0, 15) == 0);  // the header
    CHECK(contains(out, "8 0 obj\n" + untouched + "\nendobj\n"));
    CHECK(contains(out, "/Metadata 10 0 R"));
    const size_t metadata = out.find("10 0 obj\n<<");  // a new object, its data uncompressed
    REQUIRE(metadata != std::string::npos);
    CHECK(out.find(">>\nstream\n<?xpacket", metadata) == out.find(">>", metadata));
    CHECK(contains(out, "<pdfuaid:part>1</pdfuaid:part>"));
    CHECK(contains(out, "/Alt (The logo)"));
    CHECK(contains(out, "/Tabs /S"));
    CHECK(contains(out, "/Contents <68747470"));  // the link's address, é in PDFDocEncoding
    CHECK(out.find("\nxref\n") == out.rfind("\nxref\n"));  // one table, no incremental update
    CHECK(out.find("%%EOF") == out.size() - 6);
    CHECK(contains(out, "/Size 11"));
    CHECK(contains(out, "/ID ["));
    CHECK(finished(pdf, facts_of({{{"Figure", "The logo"}}})) == out);  // deterministic

    TempDir dir;
    const std::string path = checked_by_qpdf(dir, out);
    // The content stream, compressed again: the drawing outside marked content is an artifact.
    const CommandResult shown =
        run_command("qpdf --show-object=4 --filtered-stream-data '" + path + "'");
    CHECK(contains(shown.output, "/Artifact BMC\n0 0 m 10 0 l S\nEMC"));
    // The link's /Contents as qpdf reads it: PDFDocEncoding, é as one byte.
    CHECK(contains(qpdf_object(path, 9), "/Contents (https://wijzijndewijk.nl/caf\xE9)"));
    const pdf::File file(out);
    const pdf::Value annotation = pdf::Value::parse(file.value(9));
    REQUIRE(annotation.find("/Contents"));
    CHECK(pdf::text_as_utf8(pdf::string_bytes(annotation.find("/Contents")->text())) ==
          "https://wijzijndewijk.nl/caf\xC3\xA9");
}

TEST_CASE("the PDF/UA finishing joins the parts of an element split by a page break",
          "[output][pdf]") {
    const std::string content = stream_object("/P <</MCID 0>> BDC BT ET EMC");
    // A list (L, its paragraph P) on page 3, going on on page 5 as a second L and P (parts).
    const std::string pdf = small_tagged_pdf({
        "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 7 0 R /MarkInfo << /Marked true >> >>",
        "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /StructParents 0 >>",
        content,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 6 0 R /StructParents 1 >>",
        content,
        "<< /Type /StructTreeRoot /K [8 0 R 10 0 R] /ParentTree 12 0 R >>",
        "<< /Type /StructElem /S /L /P 7 0 R /K [9 0 R] >>",
        "<< /Type /StructElem /S /P /P 8 0 R /Pg 3 0 R /K 0 >>",
        "<< /Type /StructElem /S /L /P 7 0 R /K [11 0 R] >>",
        "<< /Type /StructElem /S /P /P 10 0 R /Pg 5 0 R /K 0 >>",
        "<< /Nums [0 [9 0 R] 1 [11 0 R]] >>",
    });
    const output::PageFacts facts = facts_of({
        {{"L", "", 1}, {"P", "", 2}},
        {{"L", "", 1, true}, {"P", "", 2, true}},
    });
    REQUIRE(facts.joins().size() == 2);
    TempDir dir;
    const std::string path = checked_by_qpdf(dir, finished(pdf, facts));
    CHECK(contains(qpdf_object(path, 7), "/K [ 8 0 R ]"));  // the second L is gone from the tree
    CHECK(contains(qpdf_object(path, 8), "/K [ 9 0 R ]"));  // the first L holds the one paragraph
    // which reads its content on both pages
    CHECK(contains(qpdf_object(path, 9), "/K [ 0 << /MCID 0 /Pg 5 0 R /Type /MCR >> ]"));
    CHECK(contains(qpdf_object(path, 12),
                   "/Nums [ 0 [ 9 0 R ] 1 [ 9 0 R ] ]"));  // page 5's content: P
}

TEST_CASE("a Link right after a Link to the same address is joined to it, another address not",
          "[output][pdf]") {
    const std::string link = "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /StructParent ";
    const std::string pdf = small_tagged_pdf({
        "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /StructParents 0"
        " /Annots [ 11 0 R 12 0 R 13 0 R ] >>",
        stream_object(
            "/Link <</MCID 0>> BDC EMC /Link <</MCID 1>> BDC EMC /Link <</MCID 2>> BDC EMC"),
        "<< /Type /StructTreeRoot /K 6 0 R /ParentTree 10 0 R >>",
        "<< /Type /StructElem /S /P /P 5 0 R /K [ 7 0 R 8 0 R 9 0 R ] >>",
        "<< /Type /StructElem /S /Link /P 6 0 R /Pg 3 0 R /K [ << /Type /OBJR /Obj 11 0 R >> 0 ] "
        ">>",
        "<< /Type /StructElem /S /Link /P 6 0 R /Pg 3 0 R /K [ << /Type /OBJR /Obj 12 0 R >> 1 ] "
        ">>",
        "<< /Type /StructElem /S /Link /P 6 0 R /Pg 3 0 R /K [ << /Type /OBJR /Obj 13 0 R >> 2 ] "
        ">>",
        "<< /Nums [ 0 [ 7 0 R 8 0 R 9 0 R ] 1 7 0 R 2 8 0 R 3 9 0 R ] >>",
        link + "1 /A << /S /URI /URI (https://wijzijndewijk.nl/a) >> >>",
        link + "2 /A << /S /URI /URI (https://wijzijndewijk.nl/a) >> >>",
        link + "3 /A << /S /URI /URI (https://wijzijndewijk.nl/b) >> >>",
    });
    TempDir dir;
    const std::string path = checked_by_qpdf(dir, finished(pdf, output::PageFacts{}));
    CHECK(contains(qpdf_object(path, 6), "/K [ 7 0 R 9 0 R ]"));  // the second line's Link is gone
    // the first holds both annotations and both lines' content
    const std::string first = qpdf_object(path, 7);
    CHECK(contains(first, "/Obj 11 0 R"));
    CHECK(contains(first, "/Obj 12 0 R"));
    CHECK(contains(first, "/MCID 1"));
    // the parent tree: the second line's content and annotation belong to the first Link
    CHECK(contains(qpdf_object(path, 10),
                   "/Nums [ 0 [ 7 0 R 7 0 R 9 0 R ] 1 7 0 R 2 7 0 R 3 9 0 R ]"));
}

TEST_CASE("a running header's element leaves the structure tree and its content is an artifact",
          "[output][pdf]") {
    const std::string pdf = small_tagged_pdf({
        "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /StructParents 0 >>",
        stream_object("/Private <</MCID 0>> BDC BT ET EMC /P <</MCID 1>> BDC BT ET EMC"),
        "<< /Type /StructTreeRoot /K 6 0 R /ParentTree 9 0 R >>",
        "<< /Type /StructElem /S /Document /P 5 0 R /K [7 0 R 8 0 R] >>",
        "<< /Type /StructElem /S /Private /P 6 0 R /Pg 3 0 R /K 0 >>",
        "<< /Type /StructElem /S /P /P 6 0 R /Pg 3 0 R /K 1 >>",
        "<< /Nums [0 10 0 R] >>",
        "[ 7 0 R 8 0 R ]",
    });
    TempDir dir;
    const std::string path = checked_by_qpdf(dir, finished(pdf, output::PageFacts{}));
    CHECK(contains(qpdf_object(path, 6), "/K [ 8 0 R ]"));
    CHECK(contains(qpdf_object(path, 10), "[ null 8 0 R ]"));  // the parent tree's array object
    const CommandResult shown =
        run_command("qpdf --show-object=4 --filtered-stream-data '" + path + "'");
    CHECK(contains(shown.output, "/Artifact <</Type /Pagination /Subtype /Header>> BDC BT ET EMC"));
}

TEST_CASE("the finished PDF is handed on in pieces, and a failed write stops it", "[output][pdf]") {
    TempDir dir;
    const typeset::Document doc = sample_document(dir.path());
    // Cairo's own PDF of a sample document, finished twice: whole, and into a sink that fails.
    std::string whole;
    {
        Diagnostics diag;
        REQUIRE(output::write_document(doc, output::Format::Pdf, dir / "sample.pdf", {}, diag));
        whole = read_file(dir / "sample.pdf");
    }
    const pdf::File file(whole);
    pdf::Edits edits(file);
    size_t calls = 0;
    CHECK_FALSE(edits.write([&](std::string_view) { return ++calls > 1; }));
    CHECK(calls == 1);
    std::string copy;
    CHECK(pdf::Edits(file).write([&](std::string_view piece) {
        copy.append(piece);
        return true;
    }));
    // Nothing changed: the same objects, the same bytes up to the new trailer's /ID.
    CHECK(copy.substr(0, copy.rfind("trailer")) == whole.substr(0, whole.rfind("trailer")));
}

TEST_CASE("print-shop page boxes are set on the pages", "[output][pdf]") {
    TempDir dir;
    typeset::Document doc = sample_document(dir.path());
    doc.pages.front().trim_box = typeset::Rect{9, 9, 100, 200};
    doc.pages.front().bleed_box = typeset::Rect{0, 0, 118, 218};
    const std::string path = dir / "boxes.pdf";
    Diagnostics diag;
    REQUIRE(output::write_document(doc, output::Format::Pdf, path, {}, diag));
    INFO(messages(diag));
    const std::string pdf = read_file(path);
    CHECK(contains(pdf, "/TrimBox [ 9 632.89 109 832.89 ]"));
    CHECK(contains(pdf, "/BleedBox [ 0 623.89 118 841.89 ]"));
    const pdf::File file(pdf);
    REQUIRE(pdf::page_objects(file).size() == doc.pages.size());
    // The other pages have none.
    CHECK(pdf.find("/TrimBox") == pdf.rfind("/TrimBox"));
}

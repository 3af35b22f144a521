// The modules the output stage loads on demand (module_loader.h): the page-box step with
// libqpdf and the libharu writer, as the program uses them, and the diagnostics when a module
// is missing or broken.
#include <catch2/catch.hpp>
#include <filesystem>

#include "fixtures/paint/sample_document.h"
#include "output/module_loader.h"
#include "output/module_result.h"
#include "output/qpdf_module.h"
#include "output/render_output.h"

using namespace dw;
using namespace dw::test;
using output::Format;
namespace fs = std::filesystem;

namespace {

std::string messages(const Diagnostics& diag) {
    std::string s;
    for (const Diagnostic& d : diag.all()) s += format_diagnostic(d) + "\n";
    return s;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
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

const std::string kXmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>";

// The module's PDF/UA finishing run on `pdf`; it must succeed.
output::ModuleResult finish_in_module(const std::string& pdf,
                                      const DrukwerkAccessibility& accessibility) {
    Diagnostics diag;
    auto module = output::Module::load("drukwerk-qpdf.so", "a test", diag);
    REQUIRE(module);
    auto* finish = reinterpret_cast<DrukwerkQpdfFinishAccessibility*>(
        module->function("drukwerk_qpdf_finish_accessibility_2", diag));
    REQUIRE(finish);
    output::ModuleResult result;
    const int status = finish(pdf.data(), pdf.size(), &accessibility, output::ModuleResult::take_pdf,
                              output::ModuleResult::take_error, &result);
    INFO(result.error);
    REQUIRE(status == 0);
    return result;
}

}  // namespace

TEST_CASE("the PDF/UA finishing writes what it changed and copies the rest byte for byte",
          "[output][modules]") {
    const std::string content = "0 0 m 10 0 l S /P <</MCID 0>> BDC BT ET EMC";
    const std::string untouched = "<< /Producer (cairo) >>";
    const std::string pdf = small_tagged_pdf({
        "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 5 0 R /MarkInfo << /Marked true >> >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /StructParents 0 >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /StructTreeRoot /K [6 0 R] /ParentTree 7 0 R >>",
        "<< /Type /StructElem /S /Figure /P 5 0 R /Pg 3 0 R /K 0 >>",
        "<< /Nums [0 [6 0 R]] >>",
        untouched,
    });
    const DrukwerkElementText alt{"Figure", 0, "The logo"};
    const output::ModuleResult result =
        finish_in_module(pdf, {kXmp.data(), kXmp.size(), &alt, 1, nullptr, 0});

    const std::string& out = result.pdf;
    CHECK(out.compare(0, 15, pdf, 0, 15) == 0);  // the header
    CHECK(contains(out, "8 0 obj\n" + untouched + "\nendobj\n"));
    CHECK(contains(out, "/Metadata 9 0 R"));
    const size_t metadata = out.find("9 0 obj\n<<");  // a new object, its data uncompressed
    REQUIRE(metadata != std::string::npos);
    CHECK(out.compare(out.find(">>", metadata), 10 + kXmp.size(), ">>\nstream\n" + kXmp) == 0);
    CHECK(contains(out, "/Alt (The logo)"));
    CHECK(out.find("\nxref\n") == out.rfind("\nxref\n"));  // one table, no incremental update
    CHECK(out.find("%%EOF") == out.size() - 6);
    CHECK(contains(out, "/Size 10"));
    CHECK(contains(out, "/ID ["));
    TempDir dir;
    write_file(dir / "finished.pdf", out);
    const CommandResult check = run_command("qpdf --check '" + (dir / "finished.pdf") + "'");
    INFO(check.output);
    CHECK(check.status == 0);
    // The content stream, compressed again: the drawing outside marked content is an artifact.
    const CommandResult shown =
        run_command("qpdf --show-object=4 --filtered-stream-data '" + (dir / "finished.pdf") + "'");
    CHECK(contains(shown.output, "/Artifact BMC"));
}

TEST_CASE("the PDF/UA finishing joins the parts of an element split by a page break",
          "[output][modules]") {
    const std::string content = "/P <</MCID 0>> BDC BT ET EMC";
    const std::string stream =
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
    // A list (L, its paragraph P) on page 3, going on on page 5 as a second L and P (parts).
    const std::string pdf = small_tagged_pdf({
        "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 7 0 R /MarkInfo << /Marked true >> >>",
        "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /StructParents 0 >>",
        stream,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 6 0 R /StructParents 1 >>",
        stream,
        "<< /Type /StructTreeRoot /K [8 0 R 10 0 R] /ParentTree 12 0 R >>",
        "<< /Type /StructElem /S /L /P 7 0 R /K [9 0 R] >>",
        "<< /Type /StructElem /S /P /P 8 0 R /Pg 3 0 R /K 0 >>",
        "<< /Type /StructElem /S /L /P 7 0 R /K [11 0 R] >>",
        "<< /Type /StructElem /S /P /P 10 0 R /Pg 5 0 R /K 0 >>",
        "<< /Nums [0 [9 0 R] 1 [11 0 R]] >>",
    });
    const DrukwerkElementJoin joins[] = {{"L", 1, 0}, {"P", 1, 0}};
    const output::ModuleResult result =
        finish_in_module(pdf, {kXmp.data(), kXmp.size(), nullptr, 0, joins, 2});
    TempDir dir;
    write_file(dir / "joined.pdf", result.pdf);
    REQUIRE(run_command("qpdf --check '" + (dir / "joined.pdf") + "'").status == 0);
    auto object = [&](int number) {
        return run_command("qpdf --show-object=" + std::to_string(number) + " '" +
                           (dir / "joined.pdf") + "'")
            .output;
    };
    CHECK(contains(object(7), "/K [ 8 0 R ]"));   // the second L is gone from the tree
    CHECK(contains(object(8), "/K [ 9 0 R ]"));   // the first L holds the one paragraph
    // which reads its content on both pages
    CHECK(contains(object(9), "/K [ 0 << /MCID 0 /Pg 5 0 R /Type /MCR >> ]"));
    CHECK(contains(object(12), "/Nums [ 0 [ 9 0 R ] 1 [ 9 0 R ] ]"));  // page 5's content: P
}

TEST_CASE("print-shop page boxes go through the libqpdf module", "[output][modules]") {
    TempDir dir;
    typeset::Document doc = sample_document(dir.path());
    doc.pages.front().trim_box = typeset::Rect{9, 9, 100, 200};
    doc.pages.front().bleed_box = typeset::Rect{0, 0, 118, 218};
    const std::string path = dir.path() + "/boxes.pdf";
    Diagnostics diag;
    REQUIRE(output::write_document(doc, Format::Pdf, path, {}, diag));
    INFO(messages(diag));
    const std::string pdf = read_file(path);
    CHECK(contains(pdf, "/TrimBox [ 9 632.89 109 832.89 ]"));
    CHECK(contains(pdf, "/BleedBox [ 0 623.89 118 841.89 ]"));
}

TEST_CASE("the libharu writer is the module drukwerk-haru.so", "[output][modules]") {
    TempDir dir;
    const typeset::Document doc = sample_document(dir.path());
    const std::string path = dir.path() + "/haru.pdf";
    output::OutputOptions options;
    options.backend = output::PdfBackend::Haru;
    Diagnostics diag;
    REQUIRE(output::write_document(doc, Format::Pdf, path, options, diag));
    INFO(messages(diag));
    // The producer names the libharu of the module (parentheses escaped in the PDF string).
    CHECK(contains(read_file(path), "(drukwerk " DRUKWERK_VERSION " \\050libharu 2."));
}

TEST_CASE("a missing or broken module is a diagnostic with a hint", "[output][modules][bad]") {
    Diagnostics diag;
    CHECK_FALSE(output::Module::load("drukwerk-none.so", "a test", diag));
    CHECK(contains(messages(diag), "error: cannot find drukwerk-none.so, needed for a test, in "));
    CHECK(contains(messages(diag), "must stay in the same folder as the drukwerk program"));

    // Not a shared library: dlopen's own message is passed on.
    const fs::path broken = fs::read_symlink("/proc/self/exe").parent_path() / "drukwerk-broken.so";
    write_file(broken.string(), std::string(256, 'x'));
    Diagnostics diag2;
    CHECK_FALSE(output::Module::load("drukwerk-broken.so", "a test", diag2));
    fs::remove(broken);
    CHECK(contains(messages(diag2),
                   "error: cannot load " + broken.string() + ", needed for a test: "));
    CHECK(contains(messages(diag2), "invalid ELF header"));

    Diagnostics diag3;
    auto qpdf = output::Module::load("drukwerk-qpdf.so", "a test", diag3);
    REQUIRE(qpdf);
    CHECK(qpdf->function("drukwerk_qpdf_set_page_boxes", diag3));
    CHECK_FALSE(qpdf->function("no_such_function", diag3));
    CHECK(contains(messages(diag3), "has no function no_such_function"));
}

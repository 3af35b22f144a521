#include <stdlib.h>

#include <catch2/catch.hpp>
#include <regex>

#include "fixtures/paint/sample_document.h"
#include "output/page_selection.h"
#include "output/render_output.h"
#include "output/source_date.h"

using namespace dw;
using namespace dw::test;
using output::Format;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

std::string messages(const Diagnostics& diag) {
    std::string s;
    for (const Diagnostic& d : diag.all()) s += format_diagnostic(d);
    return s;
}

// Sets an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = getenv(name)) old_ = old;
        setenv(name, value, 1);
    }
    ~ScopedEnv() {
        if (old_)
            setenv(name_, old_->c_str(), 1);
        else
            unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("format from the file extension", "[output]") {
    CHECK(output::format_from_extension("out/x.pdf") == Format::Pdf);
    CHECK(output::format_from_extension("X.PNG") == Format::Png);
    CHECK(output::format_from_extension(".svg") == Format::Svg);  // "." + a --format value
    CHECK(output::format_from_extension("notes.v2.Svg") == Format::Svg);
    CHECK_FALSE(output::format_from_extension("x.pdf.txt"));
    CHECK_FALSE(output::format_from_extension("pdf"));
    CHECK_FALSE(output::format_from_extension("out.d/x"));
}

TEST_CASE("file names per page", "[output]") {
    using V = std::vector<std::string>;
    CHECK(output::output_file_names("out/x.pdf", Format::Pdf, {1, 2}) == V{"out/x.pdf"});
    CHECK(output::output_file_names("out/x.png", Format::Png, {3}) == V{"out/x.png"});
    CHECK(output::output_file_names("out/x.png", Format::Png, {1, 2}) ==
          V{"out/x-1.png", "out/x-2.png"});
    CHECK(output::output_file_names("x.svg", Format::Svg, {2, 5}) == V{"x-2.svg", "x-5.svg"});
}

TEST_CASE("page selection keeps order, drops repeats and dead links", "[output]") {
    Diagnostics diag;
    CHECK(output::resolve_page_numbers({}, 3, diag) == std::vector<int>{1, 2, 3});
    CHECK(output::resolve_page_numbers({3, 1, 3}, 3, diag) == std::vector<int>{3, 1});
    CHECK_FALSE(output::resolve_page_numbers({0, 4}, 3, diag));
    CHECK(diag.error_count() == 2);
    CHECK(messages(diag).find("page 4 does not exist; the document has 3 page(s)") !=
          std::string::npos);

    TempDir dir;
    typeset::Document doc = sample_document(dir.path());
    typeset::Document first = output::select_pages(doc, {1});
    REQUIRE(first.pages.size() == 1);
    CHECK(first.outline.size() == 1);  // "Sectie twee" points to page 2
    size_t links = 0;
    for (const auto& item : first.pages[0].items)
        links += std::holds_alternative<typeset::Link>(item);
    CHECK(links == 1);  // the external link stays, the one to page 2 is gone
}

TEST_CASE("write_document: PDF into a new directory", "[output]") {
    TempDir dir;
    Diagnostics diag;
    typeset::Document doc = sample_document(dir.path());
    const std::string path = dir / "out/notulen.pdf";
    REQUIRE(output::write_document(doc, Format::Pdf, path, {}, diag));
    INFO(messages(diag));
    CHECK(diag.all().empty());
    CommandResult info = run_command("pdfinfo '" + path + "'");
    CHECK(info.status == 0);
    CHECK(std::regex_search(info.output, std::regex(R"(Pages:\s+2\n)")));
    CHECK(names_in(dir / "out") == std::vector<std::string>{"notulen.pdf"});

    Diagnostics diag2;
    REQUIRE(output::write_document(doc, Format::Pdf, dir / "one.pdf", {96, {2}}, diag2));
    CommandResult one = run_command("pdfinfo '" + (dir / "one.pdf") + "'");
    CHECK(std::regex_search(one.output, std::regex(R"(Pages:\s+1\n)")));
    CHECK(one.output.find("419.53 x 595.28") != std::string::npos);
    CHECK(run_command("qpdf --check '" + (dir / "one.pdf") + "'").status == 0);
}

TEST_CASE("write_document: PNG and SVG, one file per page", "[output]") {
    TempDir dir;
    Diagnostics diag;
    typeset::Document doc = sample_document(dir.path());
    fs::create_directory(dir / "png");
    REQUIRE(output::write_document(doc, Format::Png, dir / "png/x.png", {72, {}}, diag));
    CHECK(names_in(dir / "png") == std::vector<std::string>{"x-1.png", "x-2.png"});
    CommandResult file = run_command("file '" + (dir / "png/x-2.png") + "'");
    CHECK(file.output.find("420 x 595") != std::string::npos);

    REQUIRE(output::write_document(doc, Format::Svg, dir / "svg/x.svg", {96, {2}}, diag));
    CHECK(names_in(dir / "svg") == std::vector<std::string>{"x.svg"});
    CHECK(read_file(dir / "svg/x.svg").find("<svg") != std::string::npos);
    CHECK(diag.all().empty());
}

TEST_CASE("write_document: on any error nothing is written", "[output]") {
    TempDir dir;
    typeset::Document doc = sample_document(dir.path());
    write_file(dir / "x.pdf", "last good");

    Diagnostics bad_page;
    CHECK_FALSE(output::write_document(doc, Format::Pdf, dir / "x.pdf", {96, {1, 7}}, bad_page));
    CHECK(messages(bad_page).find("page 7 does not exist") != std::string::npos);

    typeset::Document broken = doc;
    broken.pages[1].items.push_back(
        typeset::Image{typeset::Image::Kind::Png, dir / "gone.png", {0, 0, 10, 10}});
    Diagnostics bad_image;
    CHECK_FALSE(output::write_document(broken, Format::Pdf, dir / "x.pdf", {}, bad_image));
    CHECK_FALSE(output::write_document(broken, Format::Png, dir / "x.png", {}, bad_image));
    CHECK(messages(bad_image).find("gone.png: error: cannot read PNG image") != std::string::npos);

    Diagnostics bad_dpi;
    CHECK_FALSE(output::write_document(doc, Format::Png, dir / "x.png", {0, {}}, bad_dpi));
    CHECK(messages(bad_dpi).find("out of range") != std::string::npos);

    Diagnostics empty;
    CHECK_FALSE(output::write_document(typeset::Document{}, Format::Pdf, dir / "x.pdf", {}, empty));
    CHECK(messages(empty).find("the document has no pages") != std::string::npos);

    CHECK(read_file(dir / "x.pdf") == "last good");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"photo.jpg", "photo.png", "x.pdf"});
}

TEST_CASE("SOURCE_DATE_EPOCH dates a document without a date", "[output]") {
    CHECK(output::iso_date_from_epoch("1731369600") == "2024-11-12T00:00:00Z");
    CHECK(output::iso_date_from_epoch("0") == "1970-01-01T00:00:00Z");
    CHECK_FALSE(output::iso_date_from_epoch("-5"));
    CHECK_FALSE(output::iso_date_from_epoch("12abc"));
    CHECK_FALSE(output::iso_date_from_epoch(""));
    CHECK_FALSE(output::iso_date_from_epoch("99999999999999999999"));

    TempDir dir;
    typeset::Document doc = sample_document(dir.path());
    doc.metadata.date.clear();
    Diagnostics diag;
    {
        ScopedEnv env("SOURCE_DATE_EPOCH", "1731369600");
        REQUIRE(output::write_document(doc, Format::Pdf, dir / "a.pdf", {}, diag));
        REQUIRE(output::write_document(doc, Format::Pdf, dir / "b.pdf", {}, diag));
    }
    CHECK(read_file(dir / "a.pdf") == read_file(dir / "b.pdf"));
    CommandResult info = run_command("pdfinfo -isodates '" + (dir / "a.pdf") + "'");
    CHECK(info.output.find("2024-11-12T00:00:00") != std::string::npos);

    ScopedEnv bad("SOURCE_DATE_EPOCH", "yesterday");
    Diagnostics warn;
    CHECK(output::write_document(doc, Format::Pdf, dir / "c.pdf", {}, warn));
    CHECK(messages(warn).find("SOURCE_DATE_EPOCH='yesterday' is not a number") !=
          std::string::npos);
}

// A PDF written page by page: the same bytes as the whole-document writer, and nothing on disk
// until commit.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/background_pdf.h"
#include "output/render_output.h"
#include "output/streamed_pdf.h"

using namespace dw;
namespace fs = std::filesystem;

namespace {

typeset::Document three_pages() {
    typeset::Document doc;
    doc.metadata.title = "Streamed";
    doc.metadata.language = "nl-NL";
    doc.metadata.date = "2024-11-12T00:00:00Z";
    for (int i = 0; i < 3; ++i) {
        typeset::Page page;
        page.label = std::to_string(i + 1);
        typeset::Shape shape;
        shape.rect = {10.0 * i, 10, 100, 50};
        shape.has_fill = true;
        page.items.push_back(shape);
        doc.pages.push_back(page);
    }
    return doc;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

struct Dir {
    fs::path path = fs::temp_directory_path() / ("drukwerk-streamed-" + std::to_string(::getpid()));
    Dir() { fs::create_directories(path); }
    ~Dir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("StreamedPdf writes the bytes write_document writes", "[output]") {
    Dir dir;
    typeset::Document doc = three_pages();
    Diagnostics diags;
    REQUIRE(output::write_document(doc, output::Format::Pdf, (dir.path / "whole.pdf").string(), {},
                                   diags));
    output::StreamedPdf pdf((dir.path / "streamed.pdf").string(), doc.metadata, diags);
    for (const auto& page : doc.pages) pdf.add_page(page, doc.fonts);
    CHECK(pdf.pages() == 3);
    REQUIRE(pdf.commit());
    CHECK_FALSE(diags.has_errors());
    CHECK(slurp(dir.path / "streamed.pdf") == slurp(dir.path / "whole.pdf"));
}

TEST_CASE("StreamedPdf without a commit leaves the old file and no temporary file", "[output]") {
    Dir dir;
    const fs::path target = dir.path / "deck.pdf";
    std::ofstream(target) << "the last good one";
    typeset::Document doc = three_pages();
    Diagnostics diags;
    {
        output::StreamedPdf pdf(target.string(), doc.metadata, diags);
        pdf.add_page(doc.pages[0], doc.fonts);
    }  // an error was found: dropped
    CHECK(slurp(target) == "the last good one");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("BackgroundPdf paints the pages in order on its thread: the same bytes", "[output]") {
    Dir dir;
    typeset::Document doc = three_pages();
    for (int i = 0; i < 20; ++i) doc.pages.push_back(doc.pages[size_t(i % 3)]);
    Diagnostics diags;
    REQUIRE(output::write_document(doc, output::Format::Pdf, (dir.path / "whole.pdf").string(), {},
                                   diags));
    output::BackgroundPdf pdf((dir.path / "background.pdf").string(), doc.metadata, diags, 1);
    for (const auto& page : doc.pages) pdf.add_page(typeset::Page(page), doc.fonts);
    int pages = 0;
    REQUIRE(pdf.commit(pages));
    CHECK(pages == 23);
    CHECK_FALSE(diags.has_errors());
    CHECK(slurp(dir.path / "background.pdf") == slurp(dir.path / "whole.pdf"));
}

TEST_CASE("BackgroundPdf without a commit stops its thread and writes nothing", "[output]") {
    Dir dir;
    typeset::Document doc = three_pages();
    Diagnostics diags;
    {
        output::BackgroundPdf pdf((dir.path / "deck.pdf").string(), doc.metadata, diags);
        for (const auto& page : doc.pages) pdf.add_page(typeset::Page(page), doc.fonts);
    }
    CHECK(fs::is_empty(dir.path));
}

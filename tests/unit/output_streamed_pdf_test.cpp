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
    const bool print_shop = GENERATE(false, true);  // boxes on every page but the first
    if (print_shop) {
        for (size_t i = 1; i < doc.pages.size(); ++i) {
            doc.pages[i].trim_box = typeset::Rect{9, 9, 100, 200};
            doc.pages[i].bleed_box = typeset::Rect{0, 0, 118, 218};
        }
    }
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

TEST_CASE("BackgroundPdf paints the pages in order, on a task or not: the same bytes",
          "[output][threads]") {
    Dir dir;
    typeset::Document doc = three_pages();
    for (int i = 0; i < 20; ++i) doc.pages.push_back(doc.pages[size_t(i % 3)]);
    Diagnostics diags;
    REQUIRE(output::write_document(doc, output::Format::Pdf, (dir.path / "whole.pdf").string(), {},
                                   diags));
    Executor executor(1);
    for (Executor* on : {&executor, static_cast<Executor*>(nullptr)}) {
        INFO((on ? "on a task" : "on the caller's thread"));
        output::BackgroundPdf pdf((dir.path / "background.pdf").string(), doc.metadata, diags, on,
                                  1);
        for (const auto& page : doc.pages) pdf.add_page(typeset::Page(page), doc.fonts);
        int pages = 0;
        REQUIRE(pdf.commit(pages));
        CHECK(pages == 23);
        CHECK_FALSE(diags.has_errors());
        CHECK(slurp(dir.path / "background.pdf") == slurp(dir.path / "whole.pdf"));
    }
}

TEST_CASE("BackgroundPdf without a commit stops its task and writes nothing", "[output][threads]") {
    Dir dir;
    typeset::Document doc = three_pages();
    Diagnostics diags;
    Executor executor(1);
    {
        output::BackgroundPdf pdf((dir.path / "deck.pdf").string(), doc.metadata, diags, &executor);
        for (const auto& page : doc.pages) pdf.add_page(typeset::Page(page), doc.fonts);
    }
    CHECK(fs::is_empty(dir.path));
}

namespace {

// A card face: a glyph run in Lato and an SVG icon, as a deck's sheet shows them.
typeset::Document card_pages() {
    typeset::Document doc = three_pages();
    doc.fonts.push_back({DRUKWERK_SOURCE_ROOT "/fonts/lato/Lato-Regular.ttf", 0, "Lato"});
    for (auto& page : doc.pages) {
        typeset::GlyphRun run;
        run.size = 11;
        run.text = "bouwsteen";
        for (unsigned id : {70u, 84u, 90u, 94u, 88u, 89u, 74u, 74u, 83u})
            run.glyphs.push_back({id, 20 + 6.0 * run.glyphs.size(), 40});
        run.clusters.assign(9, {1, 1});
        page.items.push_back(run);
        typeset::Image icon;
        icon.kind = typeset::Image::Kind::Svg;
        icon.file = DRUKWERK_SOURCE_ROOT "/layouts/icons/theme-2.svg";
        icon.rect = {30, 60, 40, 40};
        page.items.push_back(icon);
    }
    return doc;
}

}  // namespace

TEST_CASE("a PDF warmed with the faces to come has the same bytes", "[output]") {
    Dir dir;
    typeset::Document doc = card_pages();
    auto write = [&](const std::string& name, bool warm) {
        Diagnostics diags;
        output::StreamedPdf pdf((dir.path / name).string(), doc.metadata, diags);
        if (warm)
            for (const auto& page : doc.pages) pdf.warm(page, doc.fonts);
        for (const auto& page : doc.pages) pdf.add_page(page, doc.fonts);
        REQUIRE(pdf.commit());
        CHECK_FALSE(diags.has_errors());
        return slurp(dir.path / name);
    };
    const std::string cold = write("cold.pdf", false);
    CHECK(cold.find("/FontFile2") != std::string::npos);      // the test paints a font and
    CHECK(cold.find("/PatternType 1") != std::string::npos);  // a recorded SVG
    CHECK(write("warm.pdf", true) == cold);

    // On the painting thread, while no page waits; warm pages that come late are dropped.
    Diagnostics diags;
    Executor executor(1);
    output::BackgroundPdf pdf((dir.path / "background.pdf").string(), doc.metadata, diags,
                              &executor);
    for (const auto& page : doc.pages) pdf.warm(typeset::Page(page), doc.fonts);
    for (const auto& page : doc.pages) {
        pdf.add_page(typeset::Page(page), doc.fonts);
        pdf.warm(typeset::Page(page), doc.fonts);
    }
    int pages = 0;
    REQUIRE(pdf.commit(pages));
    CHECK(pages == 3);
    CHECK(slurp(dir.path / "background.pdf") == cold);
}

TEST_CASE("warming reports an unreadable image once, as painting it would", "[output]") {
    Dir dir;
    typeset::Document doc = card_pages();
    for (auto& page : doc.pages)
        std::get<typeset::Image>(page.items.back()).file = (dir.path / "missing.svg").string();
    Diagnostics diags;
    output::StreamedPdf pdf((dir.path / "deck.pdf").string(), doc.metadata, diags);
    pdf.warm(doc.pages[0], doc.fonts);
    CHECK(diags.error_count() == 1);
    for (const auto& page : doc.pages) pdf.add_page(page, doc.fonts);
    CHECK(diags.error_count() == 1);
}

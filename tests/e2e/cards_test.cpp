// Card decks end to end: inputs/bouwstenen.csv with layouts/cards.xml through the real binary,
// checked with pdfinfo, pdftotext and qpdf; bad CSVs and the fit rule with their diagnostics;
// reference images of one front and one back sheet.
#include <catch2/catch.hpp>
#include <map>
#include <cstdlib>

#include "e2e/e2e_support.h"
#include "e2e/png_compare.h"
#include "e2e/reference_check.h"

namespace {

using namespace e2e;

fs::path deck_csv() { return source_root() / "inputs" / "bouwstenen.csv"; }
fs::path deck_layout() { return source_root() / "layouts" / "cards.xml"; }

RunResult render_deck(const fs::path& data, const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"render", data.string(), "--layout", deck_layout().string(),
                                  "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return drukwerk(args);
}

// The titles (third column) of the deck, read the simple way: the file has no quoted fields.
std::vector<std::string> deck_titles() {
    std::vector<std::string> titles;
    auto lines = split_lines(read_file(deck_csv()));
    for (size_t i = 1; i < lines.size(); ++i) {
        std::vector<std::string> fields;
        size_t start = 0;
        for (size_t semi; (semi = lines[i].find(';', start)) != std::string::npos; start = semi + 1)
            fields.push_back(lines[i].substr(start, semi - start));
        if (fields.size() > 2) titles.push_back(fields[2]);
    }
    return titles;
}

int page_count(const fs::path& pdf) {
    RunResult r = run({"pdfinfo", pdf.string()});
    REQUIRE(r.exit_code == 0);
    for (const auto& line : split_lines(r.out))
        if (starts_with(line, "Pages:")) return std::stoi(trim(line.substr(6)));
    return -1;
}

// The example deck rendered into `dir` as `name`; the test stops if drukwerk fails.
fs::path rendered_deck(const TempDir& dir, const std::string& name,
                       std::vector<std::string> extra = {}) {
    const fs::path pdf = dir / name;
    RunResult r = render_deck(deck_csv(), pdf, std::move(extra));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return pdf;
}

void require_qpdf_check(const fs::path& pdf) {
    RunResult check = run({"qpdf", "--check", pdf.string()});
    INFO(check.out << check.err);
    REQUIRE(check.exit_code == 0);
}

}  // namespace

TEST_CASE("the deck has at least 40 cards in five themes", "[cards][e2e]") {
    auto titles = deck_titles();
    CHECK(titles.size() >= 40);
}

TEST_CASE("A4 sheets: 9-up front sheets each followed by its back sheet, every title in the text",
          "[cards][e2e]") {
    TempDir dir;
    const fs::path pdf = rendered_deck(dir, "kaarten.pdf");
    // Neighbours share cut lines (gutter 0), so every theme starts a sheet of its own.
    std::map<std::string, size_t> per_theme;  // the CSV's first column
    auto lines = split_lines(read_file(deck_csv()));
    for (size_t i = 1; i < lines.size(); ++i)
        if (!lines[i].empty()) ++per_theme[lines[i].substr(0, lines[i].find(';'))];
    size_t sheets = 0;
    for (const auto& [theme, count] : per_theme) sheets += (count + 8) / 9;
    CHECK(per_theme.size() == 5);
    CHECK(page_count(pdf) == int(2 * sheets));
    RunResult text = run({"pdftotext", "-layout", pdf.string(), "-"});
    REQUIRE(text.exit_code == 0);
    RunResult raw = run({"pdftotext", pdf.string(), "-"});
    std::string all = collapse_spaces(raw.out);
    for (const auto& title : deck_titles()) {
        INFO(title);
        // a title may wrap over two lines: compare with whitespace collapsed, hyphens as typed
        CHECK(contains(all, collapse_spaces(title)));
    }
    CHECK(contains(all, "Afdrukken op A4 op schaal 100 %"));
    require_qpdf_check(pdf);
    RunResult info = run({"pdfinfo", pdf.string()});
    CHECK(contains(info.out, "595.276 x 841.89 pts (A4)"));
}

// Every card shows its theme's icon and the wordmark. Each SVG file is drawn into the PDF once,
// as a Form XObject, and each card only refers to it: five icons and the wordmark. A back shows
// only its theme, so each theme's back is one Form XObject too, shared by all its cards.
TEST_CASE("A4 sheets: each SVG drawing and each theme's back is written once, however many cards show it",
          "[cards][e2e]") {
    TempDir dir;
    const fs::path pdf = rendered_deck(dir, "kaarten.pdf");
    RunResult qdf = run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"});
    REQUIRE(qdf.exit_code == 0);
    size_t forms = 0;
    for (size_t at = 0; (at = qdf.out.find("/Subtype /Form", at)) != std::string::npos; ++at) ++forms;
    CHECK(forms == 6 + 5);  // SVG files, themes
    RunResult check = run({"qpdf", "--check", pdf.string()});
    CHECK(check.exit_code == 0);
    CHECK_FALSE(contains(check.out + check.err, "WARNING"));  // no duplicate resource keys
}

TEST_CASE("print shop: one face per page with TrimBox and BleedBox on every page", "[cards][e2e]") {
    TempDir dir;
    const fs::path pdf = dir / "drukkerij.pdf";
    RunResult r = render_deck(deck_csv(), pdf, {"--mode", "print-shop"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    int pages = page_count(pdf);
    CHECK(pages == int(2 * deck_titles().size()));
    require_qpdf_check(pdf);
    RunResult boxes = run({"pdfinfo", "-box", "-f", "1", "-l", std::to_string(pages), pdf.string()});
    REQUIRE(boxes.exit_code == 0);
    int trims = 0, bleeds = 0;
    for (const auto& line : split_lines(boxes.out)) {
        if (contains(line, "TrimBox:")) {
            ++trims;
            CHECK(contains(line, "8.50     8.50   187.09   257.95"));  // 63 x 88 mm inside 3 mm
        }
        if (contains(line, "BleedBox:")) {
            ++bleeds;
            CHECK(contains(line, "0.00     0.00   195.59   266.46"));  // 69 x 94 mm
        }
    }
    CHECK(trims == pages);
    CHECK(bleeds == pages);

    // separate files for print shops that want them; byte-identical re-render
    const fs::path fronts = dir / "voor.pdf", again = dir / "voor2.pdf";
    REQUIRE(render_deck(deck_csv(), fronts, {"--mode", "print-shop", "--faces", "fronts"}).exit_code == 0);
    REQUIRE(render_deck(deck_csv(), again, {"--mode", "print-shop", "--faces", "fronts"}).exit_code == 0);
    CHECK(page_count(fronts) == int(deck_titles().size()));
    CHECK(read_file(fronts) == read_file(again));
}

TEST_CASE("cards: where filters by theme, PNG writes every card cut to size", "[cards][e2e]") {
    TempDir dir;
    RunResult r = render_deck(deck_csv(), dir / "t3.png", {"--where", "thema=3", "--faces", "fronts",
                                                           "--dpi", "72"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto files = list_dir(dir.path());
    CHECK(files.size() == 10);  // theme 3 has ten lessons
    PngHeader header = read_png_header(read_file(dir / "t3-1.png"));
    CHECK(header.width == 179);  // 63 mm at 72 dpi
    CHECK(header.height == 249);
    RunResult none = render_deck(deck_csv(), dir / "x.pdf", {"--where", "thema=9"});
    CHECK(none.exit_code == 1);
    CHECK(contains(none.err, "no card matches --where thema=9"));
    RunResult typo = render_deck(deck_csv(), dir / "x.pdf", {"--where", "theme=1"});
    CHECK(contains(typo.err, "--where: no card has a field 'theme'"));
}

TEST_CASE("bad CSVs: file:line:col diagnostics, nothing written", "[cards][e2e][bad]") {
    const std::pair<const char*, const char*> cases[] = {
        {"unclosed-quote", "unclosed-quote.csv:3:5: error: unclosed quote"},
        {"missing-column", "missing-column.csv:3:5: error: this row has 3 field(s), the header 4; "
                           "column 'tekst' is missing"},
        {"bad-theme", "bad-theme.csv:3:1: error: 'thema' is '7', not one of its values"},
        {"empty", "empty.csv:1:1: error: the CSV file is empty"},
    };
    for (const auto& [name, expected] : cases) {
        INFO(name);
        TempDir dir;
        const fs::path out = dir / "out.pdf";
        RunResult r = render_deck(fixture(std::string("cards/") + name + ".csv"), out);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, expected));
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("cards: keep-going renders the good cards and still fails", "[cards][e2e][bad]") {
    TempDir dir;
    const fs::path out = dir / "out.pdf";
    RunResult r = render_deck(fixture("cards/bad-theme.csv"), out, {"--keep-going", "--mode", "print-shop"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "bad-theme.csv:3:1: error: 'thema' is '7', not one of its values"));
    REQUIRE(fs::exists(out));
    CHECK(page_count(out) == 2);  // the good card's front and back
}

TEST_CASE("fit rule: long text shrinks, text that cannot fit names its CSV line", "[cards][e2e]") {
    TempDir dir;
    RunResult r = render_deck(fixture("cards/fit.csv"), dir / "fit.pdf");
    CHECK(r.exit_code == 1);
    auto errors = diagnostic_lines(r.err, "error");
    REQUIRE(errors.size() == 1);  // card 1.1 shrinks and fits; card 1.2 does not
    CHECK(contains(errors[0], "fit.csv:3:1: error: the text of card 1.2 does not fit"));
    CHECK(contains(r.err, "lower min-size in the styles of the box at"));
    // Card 1.1 was previewed to the painter (the file was opened) before 1.2 failed: nothing
    // is written, and no temporary file is left.
    CHECK(fs::is_empty(dir.path()));

    RunResult kept = render_deck(fixture("cards/fit.csv"), dir / "fit.pdf",
                                 {"--keep-going", "--mode", "print-shop", "--faces", "fronts"});
    CHECK(kept.exit_code == 1);
    REQUIRE(fs::exists(dir / "fit.pdf"));
    RunResult fonts = run({"pdftotext", (dir / "fit.pdf").string(), "-"});
    CHECK(contains(fonts.out, "Past na verkleinen"));
    CHECK_FALSE(contains(fonts.out, "Past nooit"));
}

TEST_CASE("reference images of the first front and back sheet", "[cards][reference]") {
    for (int page : {1, 2}) {
        TempDir dir("drukwerk-reference");
        std::string name = page == 1 ? "cards-sheet-front" : "cards-sheet-back";
        const fs::path actual = dir / (name + ".png");
        RunResult r = render_deck(deck_csv(), actual, {"--mode", "sheets", "--dpi", "40", "--pages",
                                                       std::to_string(page)});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        check_reference_image(actual, name);
    }
}

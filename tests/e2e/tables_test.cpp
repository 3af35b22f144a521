// GFM tables in the minutes, read back with pdftotext -bbox and pdfinfo -struct-text: amounts
// flush right, the header row on every page the table breaks onto, rows never cut, and the
// Table/TR/TH/TD structure.
#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include "e2e/e2e_support.h"
#include "e2e/pdf_words.h"

using namespace e2e;

namespace {

// A meeting with a table of 60 rows: it breaks over pages.
std::string long_table_minutes() {
    std::string md = "---\nproject: P\nseries: S\nkind: Verslag\ndate: 2025-01-21\nmeeting: 5\n"
                     "venue: V\nauthor: A\nattendees: []\ncontact:\n  name: N\n  role: R\n"
                     "  email: n@example.org\n  phone: '1'\n---\n\n# Begroting\n\n"
                     "| Post | Bedrag |\n|---|---|\n";
    for (int i = 1; i <= 60; ++i)
        md += "| Onderdeel nummer " + std::to_string(i) + " | " + std::to_string(i * 37) + ",50 |\n";
    return md;
}

}  // namespace

TEST_CASE("a table's amounts are flush right and its header repeats on each page",
          "[e2e][geometry]") {
    TempDir dir;
    const fs::path md = dir / "v.md", pdf = dir / "v.pdf";
    write_file(md, long_table_minutes());
    RunResult r = drukwerk({"render", md.string(), "--layout", example_layout().string(), "-o",
                            pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<Word> words = words_of(pdf, dir.path());

    // Every amount ends at the same x (right-aligned: the column reads as numbers).
    std::vector<double> right_edges;
    for (const auto& w : words)
        if (std::regex_match(w.text, std::regex(R"(\d+,50)"))) right_edges.push_back(w.x_max);
    REQUIRE(right_edges.size() == 60);
    for (double x : right_edges) CHECK(x == Approx(right_edges.front()).margin(0.6));
    // ... at the right edge of the type area (the table spans the column: table-width="100%").
    CHECK(right_edges.front() > 595.276 - 20 * 72 / 25.4 - 12);

    // The header ("POST") is on top of every page the table is on, above the rows.
    std::map<int, double> header_y, first_row_y;
    for (const auto& w : words) {
        if (w.text == "POST" && !header_y.count(w.page)) header_y[w.page] = w.y_min;
        if (w.text == "Onderdeel" && !first_row_y.count(w.page)) first_row_y[w.page] = w.y_min;
    }
    REQUIRE(first_row_y.size() >= 2);
    for (const auto& [page, y] : first_row_y) {
        INFO("page " << page);
        REQUIRE(header_y.count(page));
        CHECK(header_y[page] < y);
    }
    // Rows are whole: "Onderdeel nummer N" and its amount on the same page, on one line.
    std::map<std::string, std::pair<int, double>> label_at;
    for (size_t i = 0; i + 2 < words.size(); ++i)
        if (words[i].text == "nummer") label_at[words[i + 1].text] = {words[i].page, words[i].y_min};
    REQUIRE(label_at.size() == 60);
    for (const auto& w : words) {
        if (!std::regex_match(w.text, std::regex(R"(\d+,50)"))) continue;
        int n = std::stoi(w.text) / 37;
        auto [page, y] = label_at[std::to_string(n)];
        CHECK(page == w.page);
        CHECK(y == Approx(w.y_min).margin(2));
    }
}

TEST_CASE("a table is tagged Table, TR, TH and TD", "[e2e][pdf]") {
    TempDir dir;
    const fs::path pdf = dir / "v.pdf";
    RunResult r = drukwerk({"render", (source_root() / "inputs" / "verslag-consortium-2025-01-21.md").string(),
                            "--layout", example_layout().string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    RunResult s = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(s.exit_code == 0);
    for (const char* tag : {"Table (block)\n", " TR\n", " TH\n", " TD\n"}) CHECK(contains(s.out, tag));
    CHECK(contains(s.out, "\"ONDERDEEL\""));
}

// Tables on plain data: column widths as HTML's automatic layout gives them, content widths of
// break items, and the header row repeated on the pages a table breaks onto.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "typeset/line_breaker.h"
#include "typeset/paginator.h"
#include "typeset/table_widths.h"

using namespace dw::typeset;

namespace {

double sum(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
}

}  // namespace

TEST_CASE("columns that fit get their max-content width", "[table]") {
    auto w = table_column_widths({{20, 60, {}}, {10, 30, {}}}, 200, false);
    CHECK(w == std::vector<double>{60, 30});
}

TEST_CASE("a stretched table widens its columns in proportion to their content", "[table]") {
    auto w = table_column_widths({{20, 60, {}}, {10, 30, {}}}, 180, true);
    CHECK(w[0] == Approx(120));
    CHECK(w[1] == Approx(60));
}

TEST_CASE("columns that do not fit share the room beyond their min-content width", "[table]") {
    // min 40 + 10 = 50, max 200 + 30 = 230: 100 - 50 = 50 extra of 180 wanted.
    auto w = table_column_widths({{40, 200, {}}, {10, 30, {}}}, 100, false);
    CHECK(w[0] == Approx(40 + 160 * 50.0 / 180));
    CHECK(w[1] == Approx(10 + 20 * 50.0 / 180));
    CHECK(sum(w) == Approx(100));
    // A short column (a number) keeps its whole width while the long text column breaks.
    auto numbers = table_column_widths({{80, 400, {}}, {30, 30, {}}}, 250, false);
    CHECK(numbers[1] == Approx(30));
    CHECK(numbers[0] == Approx(220));
}

TEST_CASE("min-content widths that do not fit are scaled down", "[table]") {
    auto w = table_column_widths({{100, 300, {}}, {50, 60, {}}}, 120, false);
    CHECK(w[0] == Approx(80));
    CHECK(w[1] == Approx(40));
}

TEST_CASE("given widths are kept and the others share the rest", "[table]") {
    auto w = table_column_widths({{0, 0, 50.0}, {10, 400, {}}, {10, 100, {}}}, 300, false);
    CHECK(w[0] == 50);
    CHECK(sum(w) == Approx(300));
    CHECK(w[1] > w[2]);
}

TEST_CASE("content widths: the widest word and the unbroken line", "[table]") {
    using B = BreakItem;
    // "aa bbbb c" then a forced break and "dd"
    std::vector<B> items{B::box(20), B::glue(5, 2, 1), B::box(40), B::glue(5, 2, 1), B::box(10),
                         B::glue(5, 2, 1), B::break_at(B::kForcedBreak), B::box(30),
                         B::break_at(B::kForcedBreak)};
    ContentWidths w = content_widths(items);
    CHECK(w.min == 40);
    CHECK(w.max == 80);  // 20 + 5 + 40 + 5 + 10, without the trailing space
    // A hyphenation point splits a word, and the hyphen counts.
    std::vector<B> hyphenated{B::box(30), B::break_at(50, 4, true), B::box(25),
                              B::break_at(B::kForcedBreak)};
    CHECK(content_widths(hyphenated).min == 34);
    CHECK(content_widths(hyphenated).max == 55);
}

namespace {

const BodyArea kBody{50, 100, 300, 100};

Fragment row(const std::string& name, int header_id, double height = 10) {
    Fragment f;
    f.height = height;
    f.items.push_back(Dest{name, 50, 0});
    f.tag = "Table";
    f.paragraph = 7;
    f.table_header = header_id;
    return f;
}

std::vector<std::string> names(const PlacedPage& page) {
    std::vector<std::string> out;
    for (const auto& item : page.items)
        if (auto* d = std::get_if<Dest>(&item)) out.push_back(d->name + "@" + std::to_string(int(d->y)));
    return out;
}

}  // namespace

TEST_CASE("a table's header is repeated on every page it breaks onto", "[table]") {
    std::vector<SectionInfo> sections(1);
    Fragment header = row("H", -1, 12);
    header.keep_with_next = true;
    sections[0].heading = {header};
    std::vector<Fragment> f;
    for (int i = 0; i < 6; ++i) f.push_back(row("before" + std::to_string(i), -1));
    f.push_back(header);
    for (int i = 0; i < 12; ++i) f.push_back(row("R" + std::to_string(i), 0));
    auto r = paginate(f, sections, kBody);
    REQUIRE(r.pages.size() == 3);
    auto p1 = names(r.pages[0]), p2 = names(r.pages[1]), p3 = names(r.pages[2]);
    // Page 1: six lines, the header, two rows (60 + 12 + 20 = 92).
    CHECK(p1.back() == "R1@182");
    // Page 2 starts with the header again, then rows: 12 + 8 * 10 = 92.
    CHECK(p2.front() == "H@100");
    CHECK(p2[1] == "R2@112");
    CHECK(p2.back() == "R9@182");
    CHECK(p3.front() == "H@100");
    CHECK(p3[1] == "R10@112");
    // The repeated header is a pagination artifact (the table is one element in the PDF, its
    // header read once), and the rows are a part of the table that continues page 1's.
    std::vector<std::string> tags;
    for (const auto& item : r.pages[1].items)
        if (auto* t = std::get_if<TagBegin>(&item))
            tags.push_back((t->continues ? "+" : "") + t->tag);
        else if (auto* d = std::get_if<Dest>(&item); d && d->name == "H")
            tags.push_back("H");
    CHECK(tags == std::vector<std::string>{kHeaderArtifact, "H", "+Table"});
}

TEST_CASE("a header never ends a page without a row under it", "[table]") {
    std::vector<SectionInfo> sections(1);
    Fragment header = row("H", -1, 12);
    header.keep_with_next = true;
    sections[0].heading = {header};
    std::vector<Fragment> f;
    for (int i = 0; i < 8; ++i) {
        Fragment line = row("L" + std::to_string(i), -1);
        line.paragraph = i;  // separate paragraphs, so a break is allowed between them
        f.push_back(line);
    }
    f.push_back(header);
    f.push_back(row("R0", 0));
    auto r = paginate(f, sections, kBody);
    REQUIRE(r.pages.size() == 2);
    auto p2 = names(r.pages[1]);
    CHECK(p2 == std::vector<std::string>{"H@100", "R0@112"});
}

// Footnotes in pagination, on plain fragments (no fonts): a note at the foot of the page of its
// mark under a short rule, the body shrinking to make room, continuation on the next page, two
// notes on a page, a mark on the last line, a note marked twice.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "typeset/paginator.h"

using namespace dw::typeset;

namespace {

// A body of 100pt: ten 10pt lines per page, starting at y = 100 (so its foot is at 200).
const BodyArea kBody{50, 100, 300, 100};

Fragment line(const std::string& name, double height, std::vector<int> notes = {}) {
    Fragment f;
    f.height = height;
    f.items.push_back(Dest{name, 50, 0});
    f.notes = std::move(notes);
    return f;
}

std::vector<Fragment> body(int lines, int marked_line, int note) {
    std::vector<Fragment> out;
    for (int i = 0; i < lines; ++i)
        out.push_back(line("L" + std::to_string(i), 10,
                           i == marked_line ? std::vector<int>{note} : std::vector<int>{}));
    return out;
}

// Notes of 8pt lines named N<note>.<line>; the rule sits 2pt below the body and 2pt above them.
FootnoteArea notes(std::vector<int> line_counts) {
    FootnoteArea area;
    area.gap = 2;
    area.rule_length = 50;
    for (size_t n = 0; n < line_counts.size(); ++n) {
        std::vector<Fragment> lines;
        for (int i = 0; i < line_counts[n]; ++i) {
            lines.push_back(line("N" + std::to_string(n + 1) + "." + std::to_string(i), 8));
            lines.back().tag = "P";  // one paragraph per note
            lines.back().paragraph = int(n) + 5;
        }
        area.notes.push_back(std::move(lines));
    }
    return area;
}

using Pages = std::vector<std::vector<std::string>>;

// "name@y" for every line on every page, and "rule@y" for the footnote rule.
Pages layout_of(const PaginationResult& r) {
    Pages pages;
    for (const auto& page : r.pages) {
        std::vector<std::string> out;
        for (const auto& item : page.items) {
            char y[32] = "";
            if (auto* d = std::get_if<Dest>(&item)) {
                std::snprintf(y, sizeof y, "%g", d->y);
                out.push_back(d->name + "@" + y);
            } else if (auto* rule = std::get_if<Line>(&item)) {
                std::snprintf(y, sizeof y, "%g", rule->y1);
                out.push_back(std::string("rule@") + y);
            }
        }
        pages.push_back(out);
    }
    return pages;
}

int note_elements(const PlacedPage& page) {
    int n = 0;
    for (const auto& item : page.items)
        if (auto* t = std::get_if<TagBegin>(&item)) n += t->tag == "Note";
    return n;
}

}  // namespace

TEST_CASE("a note is set at the foot of its mark's page under a short rule", "[pagination][footnotes]") {
    FootnoteArea area = notes({2});
    auto r = paginate(body(5, 2, 1), {}, kBody, area);
    CHECK(layout_of(r) == Pages{{"L0@100", "L1@110", "L2@120", "L3@130", "L4@140", "rule@182",
                                 "N1.0@184", "N1.1@192"}});
    CHECK(note_elements(r.pages[0]) == 1);
    auto* rule = std::get_if<Line>(&r.pages[0].items[5]);
    REQUIRE(rule);
    CHECK(rule->x1 == 50);
    CHECK(rule->x2 == 100);
}

TEST_CASE("the body shrinks to make room for its notes", "[pagination][footnotes]") {
    FootnoteArea area = notes({2});  // 4 + 16 = 20pt at the foot
    auto r = paginate(body(10, 3, 1), {}, kBody, area);
    CHECK(layout_of(r) == Pages{{"L0@100", "L1@110", "L2@120", "L3@130", "L4@140", "L5@150",
                                 "L6@160", "L7@170", "rule@182", "N1.0@184", "N1.1@192"},
                                {"L8@100", "L9@110"}});
}

TEST_CASE("a note that does not fit continues at the foot of the next page", "[pagination][footnotes]") {
    FootnoteArea area = notes({12});  // 96pt of note lines
    auto r = paginate(body(10, 0, 1), {}, kBody, area);
    Pages pages = layout_of(r);
    REQUIRE(pages.size() == 3);
    // Page 1 keeps the mark's line with the start of its note and as much body as leaves room.
    CHECK(pages[0] == std::vector<std::string>{"L0@100", "L1@110", "L2@120", "L3@130", "L4@140",
                                               "L5@150", "L6@160", "L7@170", "rule@182",
                                               "N1.0@184", "N1.1@192"});
    // The rest of the note comes first on the next page; the body gets what is left.
    CHECK(pages[1] == std::vector<std::string>{"L8@100", "rule@118", "N1.2@120", "N1.3@128",
                                               "N1.4@136", "N1.5@144", "N1.6@152", "N1.7@160",
                                               "N1.8@168", "N1.9@176", "N1.10@184", "N1.11@192"});
    CHECK(pages[2] == std::vector<std::string>{"L9@100"});
    CHECK(note_elements(r.pages[0]) == 1);
    CHECK(note_elements(r.pages[1]) == 1);
    // The part on the next page continues the note (and its paragraph): one element in the PDF.
    std::vector<std::string> tags;
    for (const auto& page : r.pages)
        for (const auto& item : page.items)
            if (auto* t = std::get_if<TagBegin>(&item))
                tags.push_back((t->continues ? "+" : "") + t->tag + "#" + std::to_string(t->flow_id));
    CHECK(tags == std::vector<std::string>{"Note#1", "P#5", "+Note#1", "+P#5"});
}

TEST_CASE("notes still carried when the body has ended get pages of their own",
          "[pagination][footnotes]") {
    FootnoteArea area = notes({20});  // 160pt: more than a page
    Pages pages = layout_of(paginate(body(1, 0, 1), {}, kBody, area));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].front() == "L0@100");
    CHECK(pages[0].back() == "N1.9@192");  // 90pt left: the rule and 10 lines
    CHECK(pages[1].front() == "rule@118");
    CHECK(pages[1][1] == "N1.10@120");
    CHECK(pages[1].back() == "N1.19@192");
}

TEST_CASE("two notes on one page are set in the order of their marks", "[pagination][footnotes]") {
    FootnoteArea area = notes({1, 1});
    std::vector<Fragment> f = body(4, 1, 2);
    f[3].notes = {1};
    CHECK(layout_of(paginate(f, {}, kBody, area)) ==
          Pages{{"L0@100", "L1@110", "L2@120", "L3@130", "rule@182", "N2.0@184", "N1.0@192"}});
}

TEST_CASE("a mark on the last line of a full page moves to the next page with its note",
          "[pagination][footnotes]") {
    FootnoteArea area = notes({1});
    Pages pages = layout_of(paginate(body(10, 9, 1), {}, kBody, area));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].size() == 9);  // L0..L8, no notes
    CHECK(pages[0].back() == "L8@180");
    CHECK(pages[1] == std::vector<std::string>{"L9@100", "rule@190", "N1.0@192"});
}

TEST_CASE("a note marked twice is set once, where it is first marked", "[pagination][footnotes]") {
    FootnoteArea area = notes({1});
    std::vector<Fragment> f = body(14, 1, 1);
    f[12].notes = {1};
    Pages pages = layout_of(paginate(f, {}, kBody, area));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "N1.0@192");
    CHECK(pages[1].back() == "L13@150");  // nothing at the foot of page 2
}

// Pagination on plain fragments (no fonts): filling pages, glue, forced breaks, widows and
// orphans, keep-with-next, overfull fragments and continued sections.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "typeset/block_layout.h"
#include "typeset/fragment.h"
#include "typeset/paginator.h"

using namespace dw::typeset;

namespace {

// A body of 100pt: ten 10pt lines per page, starting at y = 100.
const BodyArea kBody{50, 100, 300, 100};

// A fragment marked by a Dest named `name` at its top, so the tests can see where it went.
Fragment frag(const std::string& name, double height = 10) {
    Fragment f;
    f.height = height;
    f.items.push_back(Dest{name, 50, 0});
    return f;
}

Fragment space(double height) { return glue(height); }

Fragment page_break() {
    Fragment f;
    f.forced_break = true;
    return f;
}

// The lines of a paragraph as layout_paragraph marks them: no break before the first `orphans`
// lines or before the last `widows - 1` lines.
std::vector<Fragment> paragraph(const std::string& name, int lines, int orphans = 2, int widows = 2,
                                int id = -1) {
    std::vector<Fragment> out;
    for (int i = 0; i < lines; ++i) {
        Fragment f = frag(name + std::to_string(i));
        f.break_before_allowed = i == 0 || (i >= orphans && lines - i >= widows);
        f.tag = "P";
        f.paragraph = id;
        out.push_back(f);
    }
    return out;
}

void add(std::vector<Fragment>& to, const std::vector<Fragment>& more) {
    to.insert(to.end(), more.begin(), more.end());
}

// "name@y" for every marker on the page, in order.
std::vector<std::string> placed(const PlacedPage& page) {
    std::vector<std::string> out;
    for (const auto& item : page.items)
        if (auto* d = std::get_if<Dest>(&item)) {
            char y[32];
            std::snprintf(y, sizeof y, "%g", d->y);
            out.push_back(d->name + "@" + y);
        }
    return out;
}

std::vector<std::vector<std::string>> layout_of(const PaginationResult& r) {
    std::vector<std::vector<std::string>> pages;
    for (const auto& p : r.pages) pages.push_back(placed(p));
    return pages;
}

using Pages = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("lines fill a page and break onto the next", "[pagination]") {
    std::vector<Fragment> f;
    for (int i = 0; i < 25; ++i) f.push_back(frag("L" + std::to_string(i)));
    auto r = paginate(f, {}, kBody);
    REQUIRE(r.pages.size() == 3);
    auto pages = layout_of(r);
    REQUIRE(pages[0].size() == 10);
    REQUIRE(pages[1].size() == 10);
    REQUIRE(pages[2].size() == 5);
    CHECK(pages[0].front() == "L0@100");
    CHECK(pages[0].back() == "L9@190");
    CHECK(pages[1].front() == "L10@100");
    CHECK(pages[2].back() == "L24@140");
    CHECK(r.overfull.empty());
}

TEST_CASE("a page that is filled exactly does not spill over", "[pagination]") {
    std::vector<Fragment> f;
    for (int i = 0; i < 10; ++i) f.push_back(frag("L" + std::to_string(i)));
    CHECK(paginate(f, {}, kBody).pages.size() == 1);
    f.push_back(frag("X", 0.005));  // within the rounding slack
    CHECK(paginate(f, {}, kBody).pages.size() == 1);
    f.push_back(frag("Y", 0.1));
    CHECK(paginate(f, {}, kBody).pages.size() == 2);
}

TEST_CASE("glue is space between lines but is dropped at the top of a page", "[pagination]") {
    std::vector<Fragment> f{space(8), frag("A"), space(5), frag("B")};
    for (int i = 0; i < 8; ++i) f.push_back(frag("L" + std::to_string(i)));
    // A, 5, B, L0..L7 = 105pt: L7 goes to page 2
    f.push_back(space(6));
    f.push_back(frag("C"));
    auto pages = layout_of(paginate(f, {}, kBody));
    CHECK(pages == Pages{{"A@100", "B@115", "L0@125", "L1@135", "L2@145", "L3@155", "L4@165",
                          "L5@175", "L6@185"},
                         {"L7@100", "C@116"}});
}

TEST_CASE("glue that overflows the page ends it, and the next page starts without it",
          "[pagination]") {
    std::vector<Fragment> f;
    for (int i = 0; i < 9; ++i) f.push_back(frag("L" + std::to_string(i)));
    f.push_back(space(15));
    f.push_back(frag("M"));
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "L8@180");
    CHECK(pages[1] == std::vector<std::string>{"M@100"});
}

TEST_CASE("a forced break starts a new page, at the very start it does nothing", "[pagination]") {
    std::vector<Fragment> f{page_break(), frag("A"), frag("B"), page_break(), space(10), frag("C")};
    auto pages = layout_of(paginate(f, {}, kBody));
    CHECK(pages == Pages{{"A@100", "B@110"}, {"C@100"}});
}

TEST_CASE("a forced break right after a full page does not make an empty page",
          "[pagination][fixed]") {
    // A paragraph that ends exactly at the foot of the page, its space-after, then a page break
    // (<page-break/> after the last paragraph of a chapter). The glue overflows and ends the
    // page; the page break then starts a second, empty, page.
    std::vector<Fragment> f;
    for (int i = 0; i < 10; ++i) f.push_back(frag("L" + std::to_string(i)));
    f.push_back(space(5));
    f.push_back(page_break());
    f.push_back(frag("N"));
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[1] == std::vector<std::string>{"N@100"});
}

TEST_CASE("orphans: a paragraph's first line alone at a page foot moves to the next page",
          "[pagination]") {
    std::vector<Fragment> f;
    add(f, paragraph("A", 9));
    add(f, paragraph("B", 5));  // B0 would be alone at the foot of page 1
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].size() == 9);
    CHECK(pages[0].back() == "A8@180");
    CHECK(pages[1] == std::vector<std::string>{"B0@100", "B1@110", "B2@120", "B3@130", "B4@140"});
}

TEST_CASE("widows: a paragraph's last line alone at a page top takes one more with it",
          "[pagination]") {
    std::vector<Fragment> f;
    add(f, paragraph("A", 6));
    add(f, paragraph("B", 5));  // A + B0..B3 fill page 1; B4 would be a widow
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "B2@180");
    CHECK(pages[1] == std::vector<std::string>{"B3@100", "B4@110"});
}

TEST_CASE("widows and orphans of 3 keep three lines together at either side", "[pagination]") {
    std::vector<Fragment> f;
    add(f, paragraph("A", 5));
    add(f, paragraph("B", 7, 3, 3));  // a break fits after B4, but B5, B6 would be widows
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "B3@180");
    CHECK(pages[1].front() == "B4@100");
    CHECK(pages[1].size() == 3);
}

TEST_CASE("a paragraph that cannot break anywhere still breaks where the page is full",
          "[pagination]") {
    std::vector<Fragment> f = paragraph("A", 13, 10, 10);  // no break point at all
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].size() == 10);
    CHECK(pages[1].front() == "A10@100");
}

TEST_CASE("keep-with-next moves a heading to the next page with its first line", "[pagination]") {
    std::vector<Fragment> f;
    add(f, paragraph("A", 9));
    Fragment h = frag("H");
    h.keep_with_next = true;
    f.push_back(h);
    add(f, paragraph("B", 4));
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "A8@180");
    CHECK(pages[1] == std::vector<std::string>{"H@100", "B0@110", "B1@120", "B2@130", "B3@140"});
}

TEST_CASE("keep-with-next across glue: the space between heading and text is no break point",
          "[pagination]") {
    std::vector<Fragment> f;
    add(f, paragraph("A", 8));
    f.push_back(space(4));
    Fragment h = frag("H");
    h.keep_with_next = true;
    f.push_back(h);
    Fragment after = space(4);
    after.keep_with_next = true;
    f.push_back(after);
    add(f, paragraph("B", 4));  // H at 184..194, glue to 198, B0 would end at 208
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "A7@170");
    CHECK(pages[1].front() == "H@100");
    CHECK(pages[1][1] == "B0@114");
}

TEST_CASE("a heading whose space-after overflows the page does not end the page",
          "[pagination][fixed]") {
    // The heading fits exactly; its space-after glue does not. fill_page() returns at the
    // overflowing glue without looking at keep-with-next, so the heading ends page 1 and its
    // text starts page 2.
    std::vector<Fragment> f;
    add(f, paragraph("A", 9));
    Fragment h = frag("H");
    h.keep_with_next = true;
    f.push_back(h);
    Fragment after = space(4);
    after.keep_with_next = true;
    f.push_back(after);
    add(f, paragraph("B", 4));
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "A8@180");
    CHECK(pages[1].front() == "H@100");
}

TEST_CASE("a chain of keep-with-next fragments moves as a whole", "[pagination]") {
    std::vector<Fragment> f;
    add(f, paragraph("A", 7));
    for (const char* n : {"H1", "H2"}) {
        Fragment h = frag(n);
        h.keep_with_next = true;
        f.push_back(h);
    }
    add(f, paragraph("B", 3, 1, 1));  // A + H1 + H2 + B0 = 10 lines; B1 overflows
    auto pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    // a break is allowed before B1 (orphans 1): the headings stay with B0 on page 1
    CHECK(pages[0].back() == "B0@190");
    // now make B unbreakable: H1, H2 and B go to page 2 together
    f.resize(9);
    add(f, paragraph("B", 3, 3, 3));
    pages = layout_of(paginate(f, {}, kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "A6@160");
    CHECK(pages[1].front() == "H1@100");
    CHECK(pages[1][1] == "H2@110");
}

TEST_CASE("a fragment taller than the page gets a page of its own and is reported",
          "[pagination]") {
    std::vector<Fragment> f{frag("A"), frag("B"), frag("C"), frag("TALL", 150), frag("D")};
    auto r = paginate(f, {}, kBody);
    auto pages = layout_of(r);
    CHECK(pages == Pages{{"A@100", "B@110", "C@120"}, {"TALL@100"}, {"D@100"}});
    CHECK(r.overfull == std::vector<int>{3});
}

TEST_CASE("outline entries go to the page of their fragment", "[pagination]") {
    std::vector<Fragment> f;
    for (int i = 0; i < 12; ++i) f.push_back(frag("L" + std::to_string(i)));
    f[0].outline.push_back({"Eerste", 1, "L0"});
    f[11].outline.push_back({"Tweede", 1, "L11"});
    auto r = paginate(f, {}, kBody);
    REQUIRE(r.pages.size() == 2);
    REQUIRE(r.pages[0].outline.size() == 1);
    CHECK(r.pages[0].outline[0].title == "Eerste");
    REQUIRE(r.pages[1].outline.size() == 1);
    CHECK(r.pages[1].outline[0].dest == "L11");
}

TEST_CASE("a paragraph split over two pages is tagged on both, each tag closed", "[pagination]") {
    std::vector<Fragment> f = paragraph("A", 14, 2, 2, 7);
    for (auto& line : f) line.alt = "L E T T E R S P A C E D";  // its /ActualText
    auto r = paginate(f, {}, kBody);
    REQUIRE(r.pages.size() == 2);
    for (const auto& page : r.pages) {
        REQUIRE(page.items.size() >= 3);
        auto* begin = std::get_if<TagBegin>(&page.items.front());
        REQUIRE(begin);
        CHECK(begin->tag == "P");
        CHECK(begin->flow_id == 7);
        // The part on the second page continues the first, to be joined in the PDF.
        CHECK(begin->continues == (&page == &r.pages[1]));
        CHECK(begin->alt.empty() == begin->continues);  // the joined element's, on its first part
        CHECK(std::holds_alternative<TagEnd>(page.items.back()));
        int opened = 0;
        for (const auto& item : page.items) opened += std::holds_alternative<TagBegin>(item);
        CHECK(opened == 1);
    }
}

namespace {

// "tag#id" for each element begun on the page, "+" before a part that continues one.
std::vector<std::string> begun(const PlacedPage& page) {
    std::vector<std::string> out;
    for (const auto& item : page.items)
        if (auto* t = std::get_if<TagBegin>(&item))
            out.push_back((t->continues ? "+" : "") + t->tag + "#" + std::to_string(t->flow_id));
    return out;
}

}  // namespace

TEST_CASE("a list item split by a page break continues its list, item and body on the next page",
          "[pagination]") {
    const dw::bind::StructurePath item1{{"L", 1}, {"LI", 2}, {"LBody", 3}};
    const dw::bind::StructurePath item2{{"L", 1}, {"LI", 4}, {"LBody", 5}};
    std::vector<Fragment> f = paragraph("A", 8, 2, 2, 10);  // fills most of page 1
    std::vector<Fragment> first = paragraph("B", 4, 1, 1, 11);  // two lines on each page
    for (auto& line : first) line.structure = item1;
    std::vector<Fragment> second = paragraph("C", 1, 1, 1, 12);
    second[0].structure = item2;
    add(f, first);
    add(f, second);
    add(f, paragraph("D", 1, 1, 1, 13));
    auto r = paginate(f, {}, kBody);
    REQUIRE(r.pages.size() == 2);
    CHECK(begun(r.pages[0]) == std::vector<std::string>{"P#10", "L#1", "LI#2", "LBody#3", "P#11"});
    CHECK(begun(r.pages[1]) == std::vector<std::string>{"+L#1", "+LI#2", "+LBody#3", "+P#11", "LI#4",
                                                        "LBody#5", "P#12", "P#13"});
}

TEST_CASE("a paragraph that starts a page continues nothing", "[pagination]") {
    std::vector<Fragment> f = paragraph("A", 10, 2, 2, 1);
    add(f, paragraph("B", 3, 2, 2, 2));
    auto r = paginate(f, {}, kBody);
    REQUIRE(r.pages.size() == 2);
    CHECK(begun(r.pages[1]) == std::vector<std::string>{"P#2"});
}

// ---- continued sections ----------------------------------------------------------------------

namespace {

// A section table with one entry per section: a 10pt heading copy "Hn'" and a 10pt note "Nn".
std::vector<SectionInfo> section_table(int count) {
    std::vector<SectionInfo> table;
    for (int s = 0; s < count; ++s) {
        SectionInfo info;
        info.heading.push_back(frag("H" + std::to_string(s) + "'"));
        info.note = frag("N" + std::to_string(s));
        table.push_back(info);
    }
    return table;
}

// A section: heading (keep-with-next) and `lines` one-line paragraphs, then the trailing glue
// that BlockLayout gives the last paragraph's space-after (also part of the section).
std::vector<Fragment> section(int id, int lines, double trailing_glue = 0) {
    std::vector<Fragment> out;
    Fragment h = frag("H" + std::to_string(id));
    h.keep_with_next = true;
    out.push_back(h);
    for (int i = 0; i < lines; ++i) out.push_back(frag("S" + std::to_string(id) + "." + std::to_string(i)));
    if (trailing_glue > 0) out.push_back(space(trailing_glue));
    for (auto& f : out) f.section = id;
    return out;
}

}  // namespace

TEST_CASE("a section that runs over: note at the page foot, heading repeated", "[pagination]") {
    std::vector<Fragment> f = section(0, 14);
    auto r = paginate(f, section_table(1), kBody);
    auto pages = layout_of(r);
    REQUIRE(pages.size() == 2);
    // page 1: H0 and eight lines (90pt), then the note in the last 10pt of the body
    CHECK(pages[0] == std::vector<std::string>{"H0@100", "S0.0@110", "S0.1@120", "S0.2@130",
                                               "S0.3@140", "S0.4@150", "S0.5@160", "S0.6@170",
                                               "S0.7@180", "N0@190"});
    // page 2: the heading's copy, then the rest
    CHECK(pages[1] == std::vector<std::string>{"H0'@100", "S0.8@110", "S0.9@120", "S0.10@130",
                                               "S0.11@140", "S0.12@150", "S0.13@160"});
}

TEST_CASE("the continued note sits at the page foot also when the page ends early",
          "[pagination][fixed]") {
    // Widows/orphans end page 1 two lines early; the note is placed right under the last line
    // (y = min(content end, foot)) instead of at the foot of the body.
    std::vector<Fragment> f = section(0, 0);
    add(f, paragraph("P", 4, 2, 2));
    add(f, paragraph("Q", 6, 3, 3));  // Q4 does not fit; Q3|Q4 is no break point (widows 3),
                                       // so page 1 ends after Q2, at 180
    for (auto& x : f) x.section = 0;
    auto r = paginate(f, section_table(1), kBody);
    auto pages = layout_of(r);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "N0@190");
}

TEST_CASE("no note and no repeated heading after a forced break inside a section",
          "[pagination]") {
    std::vector<Fragment> f = section(0, 3);
    Fragment br = page_break();
    br.section = 0;
    f.push_back(br);
    for (int i = 0; i < 2; ++i) {
        Fragment x = frag("T" + std::to_string(i));
        x.section = 0;
        f.push_back(x);
    }
    auto pages = layout_of(paginate(f, section_table(1), kBody));
    CHECK(pages == Pages{{"H0@100", "S0.0@110", "S0.1@120", "S0.2@130"}, {"T0@100", "T1@110"}});
}

TEST_CASE("no note when the section ended on the page and only the next heading moved",
          "[pagination]") {
    std::vector<Fragment> f = section(0, 6, 5);  // H0 + 6 lines = 70pt, glue to 75
    add(f, section(1, 9));                        // H1 fits, S1.0 does not: H1 moves
    auto pages = layout_of(paginate(f, section_table(2), kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0] == std::vector<std::string>{"H0@100", "S0.0@110", "S0.1@120", "S0.2@130",
                                               "S0.3@140", "S0.4@150", "S0.5@160"});
    CHECK(pages[1].front() == "H1@100");  // not H0' and not H1'
    CHECK(pages[1][1] == "S1.0@110");
}

TEST_CASE("a section ending in the last lines of a page needs no note", "[pagination][fixed]") {
    // The last line of section 0 fits on page 1 (ends at the body's foot). Because the
    // section's own trailing glue follows it, the paginator thinks the section goes on and
    // reserves room for the note; the last line moves to page 2 under a repeated heading.
    std::vector<Fragment> f = section(0, 9, 5);  // H0 + 9 lines = 100pt exactly
    add(f, section(1, 3));
    auto pages = layout_of(paginate(f, section_table(2), kBody));
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].back() == "S0.8@190");
    CHECK(pages[1].front() == "H1@100");
}

TEST_CASE("a section running over two page breaks repeats its heading on each page",
          "[pagination]") {
    std::vector<Fragment> f = section(0, 20);
    auto r = paginate(f, section_table(1), kBody);
    auto pages = layout_of(r);
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].back() == "N0@190");
    CHECK(pages[1].front() == "H0'@100");
    CHECK(pages[1].back() == "N0@190");  // 8 lines under the copy, then the note again
    CHECK(pages[1][pages[1].size() - 2] == "S0.15@180");
    CHECK(pages[2] == std::vector<std::string>{"H0'@100", "S0.16@110", "S0.17@120", "S0.18@130",
                                               "S0.19@140"});
}

// ---- BlockLayout::merge on plain fragments ---------------------------------------------------

TEST_CASE("merging fragments drops glue at the top and does not count glue at the end",
          "[pagination]") {
    std::vector<Fragment> f{space(5), frag("A"), space(3), frag("B", 12), space(7)};
    Fragment m = BlockLayout::merge(f);
    CHECK(m.height == 25);
    std::vector<std::string> where;
    for (const auto& item : m.items)
        if (auto* d = std::get_if<Dest>(&item)) where.push_back(d->name + "@" + std::to_string(int(d->y)));
    CHECK(where == std::vector<std::string>{"A@0", "B@13"});
}

// Geometry of typeset pages with the bundled fonts: line spacing, justification, keep-with-next,
// balanced columns, rows, grids, headers and footers, continued sections, and a stored dump.
#include <catch2/catch.hpp>

#include "typeset_support.h"

using namespace typeset_test;

namespace {

// A5 with 20 mm margins: the body is 306.14 × 481.89 pt from (56.69, 56.69).
const double kLeft = mm(20), kTop = mm(20);
const double kBodyWidth = 419.528 - 2 * mm(20), kBodyHeight = 595.276 - 2 * mm(20);
const double kRight = kLeft + kBodyWidth, kBottom = kTop + kBodyHeight;

const char* kLongText =
    "Op 12 november 2024 kwamen de consortiumpartners samen om bij te praten en uit te wisselen "
    "over ons project. Dit was de vierde en laatste consortiumbijeenkomst van het project. We "
    "hadden een mooie zaal met een goed verzorgde en lekkere lunch bij Geniet in de Weerd in "
    "Arnhem. We begonnen met een presentatie van Antoinette over wat Zorgbelang en de "
    "Leefbaarheidsalliantie doen en kunnen betekenen voor inwoners en hun initiatieven.";

// "items: [Regel 1, Regel 2, ...]"
dw::data::Value items(int n, const std::string& word = "Regel") {
    std::string y = "text: \"" + std::string(kLongText) + "\"\nitems:\n";
    for (int i = 1; i <= n; ++i) y += "  - " + word + " " + std::to_string(i) + "\n";
    return yaml(y);
}

std::vector<std::string> line_texts(const std::vector<TextLine>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(l.text);
    return out;
}

// Two balanced columns, 6 mm apart, of `n` copies of `paragraph` (a <text> with {{item}}), then
// `after`; one page.
const double kColumnGap = mm(6), kColumnWidth = (kBodyWidth - kColumnGap) / 2;
Typeset balanced_columns(const std::string& paragraph, int n, const std::string& after = "") {
    Typeset t = typeset_xml(geometry_layout("<columns count=\"2\"><for each=\"items\">" +
                                            paragraph + "</for></columns>" + after),
                            items(n));
    REQUIRE(t.doc.pages.size() == 1);
    return t;
}

bool in_right_column(const GlyphRun& run) { return run.glyphs.front().x > kLeft + kColumnWidth; }

bool has_warning(const Diagnostics& diags) {
    for (const auto& d : diags.all())
        if (d.severity == dw::Severity::Warning) return true;
    return false;
}

}  // namespace

TEST_CASE("a paragraph's baselines are size × line-height apart", "[geometry]") {
    for (const char* style : {"body", "line"}) {  // line-height 1.5 and 15pt
        INFO("style " << style);
        Typeset t = typeset_xml(geometry_layout(std::string("<text style=\"") + style +
                                                "\">{{text}}</text>"),
                                items(0));
        REQUIRE(t.doc.pages.size() == 1);
        auto lines = text_lines(t.doc, t.doc.pages[0]);
        REQUIRE(lines.size() >= 4);
        for (size_t i = 1; i < lines.size(); ++i) {
            INFO("line " << i << ": " << lines[i].text);
            CHECK(lines[i].baseline - lines[i - 1].baseline == Approx(15.0).margin(0.01));
        }
        // the first baseline: half the leading, then Lato's ascent (about 10pt at 10pt)
        CHECK(lines[0].baseline > kTop + 10);
        CHECK(lines[0].baseline < kTop + 15);
        for (const auto& l : lines) CHECK(l.left == Approx(kLeft).margin(0.01));
    }
}

TEST_CASE("justified lines end at the right edge, except the last", "[geometry]") {
    Typeset t = typeset_xml(geometry_layout("<text style=\"just\">{{text}}</text>"), items(0));
    REQUIRE(t.doc.pages.size() == 1);
    auto lines = text_lines(t.doc, t.doc.pages[0]);
    REQUIRE(lines.size() >= 4);
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        INFO("line " << i << ": " << lines[i].text);
        CHECK(lines[i].left == Approx(kLeft).margin(0.01));
        CHECK(lines[i].right == Approx(kRight).margin(0.5));
    }
    INFO("last line: " << lines.back().text);
    CHECK(lines.back().right < kRight - 20);
    // the words are all there, in order, whatever the hyphenation did
    std::string joined;
    for (const auto& l : lines) {
        std::string text = l.text;
        if (!text.empty() && text.back() == '-' && text != "-") text.pop_back();  // a hyphen at a break
        else if (!text.empty() && text.back() != ' ') text += ' ';
        joined += text;
    }
    std::string expected = std::string(kLongText) + " ";
    auto squash = [](std::string s) {
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        return s;
    };
    CHECK(squash(joined) == squash(expected));
}

TEST_CASE("a heading with keep-with-next never ends a page", "[geometry][fixed]") {
    // The heading is moved down one filler line at a time, so that it lands in every position
    // near the foot of page 1. With k = 30 filler lines the heading fits (ends at 477.5 of
    // 481.9pt) but its 6pt space-after does not: the paginator ends the page at that glue.
    for (int k = 24; k <= 33; ++k) {
        INFO(k << " filler lines");
        Typeset t = typeset_xml(
            geometry_layout("<for each=\"items\"><text>{{item}}</text></for>"
                            "<text style=\"h1\">Kop</text><text>{{text}}</text>"),
            items(k));
        REQUIRE(t.doc.pages.size() == 2);
        auto first = text_lines(t.doc, t.doc.pages[0]);
        auto second = text_lines(t.doc, t.doc.pages[1]);
        REQUIRE(!first.empty());
        REQUIRE(!second.empty());
        CHECK(first.back().text != "Kop");
        // wherever the heading is, the first line of its text is right under it
        int headings = 0;
        for (const auto* page : {&first, &second})
            for (size_t i = 0; i < page->size(); ++i)
                if ((*page)[i].text == "Kop") {
                    ++headings;
                    if (i + 1 < page->size()) CHECK((*page)[i + 1].text.rfind("Op 12", 0) == 0);
                    else FAIL_CHECK("the heading is the last line of its page");
                }
        CHECK(headings == 1);
    }
}

TEST_CASE("two balanced columns of 12 one-line paragraphs hold 6 lines each", "[geometry]") {
    for (int n : {12, 13, 7}) {
        INFO(n << " paragraphs");
        Typeset t = balanced_columns("<text>{{item}}</text>", n, "<text>Daarna</text>");
        auto lines = text_lines(t.doc, t.doc.pages[0]);
        std::vector<const TextLine*> left, right;
        std::vector<std::string> left_text, right_text;
        for (const auto& l : lines) {
            if (l.text == "Daarna") continue;
            // a line on a shared baseline holds both columns' runs: split them by x
            for (const GlyphRun* r : l.runs) {
                bool is_right = in_right_column(*r);
                (is_right ? right_text : left_text).push_back(visible_text(r->text));
                if (is_right) {
                    CHECK(r->glyphs.front().x ==
                          Approx(kLeft + kColumnWidth + kColumnGap).margin(0.01));
                    right.push_back(&l);
                } else {
                    CHECK(r->glyphs.front().x == Approx(kLeft).margin(0.01));
                    left.push_back(&l);
                }
            }
        }
        int expect_left = (n + 1) / 2;
        CHECK(int(left.size()) == expect_left);
        CHECK(int(right.size()) == n - expect_left);
        CHECK(left_text.front() == "Regel 1");
        CHECK(right_text.front() == "Regel " + std::to_string(expect_left + 1));
        REQUIRE(!left.empty());
        REQUIRE(!right.empty());
        // the columns start at the same height and end at most one line apart
        CHECK(left.front()->baseline == Approx(right.front()->baseline).margin(0.01));
        double difference = left.back()->baseline - right.back()->baseline;
        CHECK(difference >= -0.01);
        CHECK(difference <= 15.01);
        // what follows the columns starts under the longer one
        CHECK(lines.back().text == "Daarna");
        CHECK(lines.back().baseline == Approx(left.back()->baseline + 15).margin(0.01));
    }
}

// An attendee list: name, line break, organisation. A column may not end between the two lines
// of an entry (a two-line paragraph is all orphan/widow zone), as a page may not.
TEST_CASE("balanced columns never split a two-line paragraph between them", "[geometry]") {
    for (int n : {7, 8, 9}) {
        INFO(n << " entries");
        Typeset t = balanced_columns("<text>{{item}}<br/>organisatie</text>", n);
        int left = 0, right = 0;
        // every "organisatie" line sits in the column of its name: both columns hold whole
        // entries, so each holds an even number of lines
        for (const auto& l : text_lines(t.doc, t.doc.pages[0]))
            for (const GlyphRun* r : l.runs) (in_right_column(*r) ? right : left)++;
        CHECK(left % 2 == 0);
        CHECK(right % 2 == 0);
        CHECK(left + right == 2 * n);
        CHECK(left >= right);
    }
}

TEST_CASE("a row of 30mm and 1fr puts the second column at 30mm + gap", "[geometry]") {
    Typeset t = typeset_xml(
        geometry_layout("<row gap=\"5mm\"><column width=\"30mm\"><text>links</text></column>"
                        "<column><box fill=\"sand\"><text>rechts</text></box></column></row>"),
        items(0));
    REQUIRE(t.doc.pages.size() == 1);
    const Page& page = t.doc.pages[0];
    auto shapes = items_of<Shape>(page);
    REQUIRE(shapes.size() == 1);
    CHECK(shapes[0]->rect.x == Approx(kLeft + mm(30) + mm(5)).margin(0.01));
    CHECK(shapes[0]->rect.w == Approx(kBodyWidth - mm(30) - mm(5)).margin(0.01));
    CHECK(shapes[0]->rect.y == Approx(kTop).margin(0.01));
    CHECK(shapes[0]->rect.h == Approx(15).margin(0.01));
    auto lines = text_lines(t.doc, page);
    REQUIRE(lines.size() == 1);  // both columns on one baseline
    REQUIRE(lines[0].runs.size() == 2);
    CHECK(visible_text(lines[0].runs[0]->text) == "links");
    CHECK(lines[0].runs[0]->glyphs.front().x == Approx(kLeft).margin(0.01));
    CHECK(visible_text(lines[0].runs[1]->text) == "rechts");
    CHECK(lines[0].runs[1]->glyphs.front().x == Approx(kLeft + mm(35)).margin(0.01));
}

TEST_CASE("a grid of 5 cells in 4 columns has 2 rows", "[geometry]") {
    Typeset t = typeset_xml(
        geometry_layout("<grid columns=\"4\" gap=\"4mm\" row-gap=\"6mm\"><for each=\"items\">"
                        "<box fill=\"sand\" height=\"20mm\"><text>{{item}}</text></box></for></grid>"
                        "<text>Onder</text>"),
        items(5, "Cel"));
    REQUIRE(t.doc.pages.size() == 1);
    auto shapes = items_of<Shape>(t.doc.pages[0]);
    REQUIRE(shapes.size() == 5);
    const double cell = (kBodyWidth - 3 * mm(4)) / 4;
    for (int i = 0; i < 5; ++i) {
        INFO("cell " << i);
        const Rect& r = shapes[size_t(i)]->rect;
        CHECK(r.x == Approx(kLeft + (i % 4) * (cell + mm(4))).margin(0.01));
        CHECK(r.y == Approx(kTop + (i / 4) * (mm(20) + mm(6))).margin(0.01));
        CHECK(r.w == Approx(cell).margin(0.01));
        CHECK(r.h == Approx(mm(20)).margin(0.01));
    }
    auto lines = text_lines(t.doc, t.doc.pages[0]);
    REQUIRE(!lines.empty());
    CHECK(lines.back().text == "Onder");
    CHECK(lines.back().baseline > kTop + 2 * mm(20) + mm(6));
    CHECK(lines.back().baseline < kTop + 2 * mm(20) + mm(6) + 15);
}

TEST_CASE("header and footer show 'Pagina n van m' on every page", "[geometry]") {
    const std::string margins =
        "<header><text style=\"small\">{{title}}</text></header>"
        "<footer><text style=\"small\" align=\"right\">Pagina {{page}} van {{pages}}</text></footer>";
    Typeset t = typeset_xml(
        geometry_layout("<text>Een</text><page-break/><text>Twee</text><page-break/><text>Drie</text>",
                        margins),
        yaml("title: Verslag\n"));
    REQUIRE(t.doc.pages.size() == 3);
    for (int n = 1; n <= 3; ++n) {
        INFO("page " << n);
        const Page& page = t.doc.pages[size_t(n - 1)];
        CHECK(page.label == std::to_string(n));
        auto header = text_lines(t.doc, page, 0, kTop);
        auto body = text_lines(t.doc, page, kTop, kBottom);
        auto footer = text_lines(t.doc, page, kBottom);
        CHECK(line_texts(header) == std::vector<std::string>{"Verslag"});
        CHECK(line_texts(body).size() == 1);
        REQUIRE(footer.size() == 1);
        CHECK(footer[0].text == "Pagina " + std::to_string(n) + " van 3");
        CHECK(footer[0].right == Approx(kRight).margin(0.5));
        // centred in the margin band: 10pt line in a 56.69pt band
        CHECK(footer[0].baseline > kBottom + 23);
        CHECK(footer[0].baseline < kBottom + 33);
    }
    CHECK(line_texts(text_lines(t.doc, t.doc.pages[1], kTop, kBottom)) ==
          std::vector<std::string>{"Twee"});
}

TEST_CASE("a continued section: note at the foot of page 1, heading again on page 2",
          "[geometry]") {
    std::string md = "---\nkind: x\n---\n\n# Kop\n\n";
    for (int i = 1; i <= 40; ++i) md += "Regel " + std::to_string(i) + ".\n\n";
    md += "# Tweede\n\nSlot.\n";
    Typeset t = typeset_xml(
        geometry_layout("<richtext source=\"body\" h1=\"h1\" continued=\"Zie vervolg.\" "
                        "continued-style=\"note\"/>"),
        markdown(md));
    INFO(printed(t.diags));
    REQUIRE(t.doc.pages.size() == 2);
    auto first = text_lines(t.doc, t.doc.pages[0]);
    auto second = text_lines(t.doc, t.doc.pages[1]);
    REQUIRE(first.size() >= 3);
    REQUIRE(second.size() >= 3);
    CHECK(first.front().text == "Kop");
    CHECK(first.back().text == "Zie vervolg.");
    CHECK(first.back().right == Approx(kRight).margin(0.5));  // the note style aligns right
    CHECK(first.back().baseline <= kBottom);
    CHECK(first.back().baseline > kBottom - 20);
    // heading (17.5) + space-after (6) + 29 lines of 15 + note (10) = 468.5 ≤ 481.9 - ...
    CHECK(first[first.size() - 2].text == "Regel 29.");
    CHECK(second.front().text == "Kop");
    CHECK(second.front().baseline == Approx(first.front().baseline).margin(0.01));
    CHECK(second[1].text == "Regel 30.");
    CHECK(second[1].baseline - second[0].baseline ==
          Approx(first[1].baseline - first[0].baseline).margin(0.01));
    // the second section ends on page 2: no note there
    CHECK(second.back().text == "Slot.");
    // one outline entry per heading, not one per repetition
    REQUIRE(t.doc.outline.size() == 2);
    CHECK(t.doc.outline[0].title == "Kop");
    CHECK(t.doc.outline[1].title == "Tweede");
}

TEST_CASE("a box with keep-together=false may split over pages", "[geometry][fixed]") {
    // BlockLayout::frame() always merges a box into one fragment, so a long box is placed as
    // one overfull fragment (and the warning even suggests keep-together="false").
    Typeset t = typeset_xml(
        geometry_layout("<box keep-together=\"false\" fill=\"sand\"><for each=\"items\">"
                        "<text>{{item}}</text></for></box>"),
        items(45));
    CHECK_FALSE(has_warning(t.diags));
    REQUIRE(t.doc.pages.size() == 2);
    auto first = text_lines(t.doc, t.doc.pages[0]);
    REQUIRE(!first.empty());
    CHECK(first.back().baseline < kBottom);
}

TEST_CASE("content taller than a page is reported with a warning", "[geometry]") {
    Typeset t = typeset_xml(
        geometry_layout("<keep><for each=\"items\"><text>{{item}}</text></for></keep>"), items(45));
    REQUIRE(t.doc.pages.size() == 1);
    REQUIRE(t.diags.all().size() == 1);
    CHECK(t.diags.all()[0].severity == dw::Severity::Warning);
    CHECK(t.diags.all()[0].message == "some content is taller than a page and runs into the margin");
}

TEST_CASE("richtext section-break=h1 starts every h1 on a new page", "[geometry][fixed]") {
    // section-break is in the schema and the reference but nothing implements it.
    Typeset t = typeset_xml(
        geometry_layout("<richtext source=\"body\" h1=\"h1\" section-break=\"h1\"/>"),
        markdown("---\nk: v\n---\n\n# Een\n\nTekst.\n\n# Twee\n\nTekst.\n"));
    REQUIRE(t.doc.pages.size() == 2);
    CHECK(text_lines(t.doc, t.doc.pages[1]).front().text == "Twee");
}

TEST_CASE("box space-before and space-after add space around the box", "[geometry][fixed]") {
    // space-before/space-after are in the schema for <box> but the binder drops them.
    Typeset t = typeset_xml(
        geometry_layout("<text>boven</text><box space-before=\"20pt\" space-after=\"10pt\">"
                        "<text>midden</text></box><text>onder</text>"),
        items(0));
    auto lines = text_lines(t.doc, t.doc.pages.at(0));
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].baseline - lines[0].baseline == Approx(35).margin(0.01));
    CHECK(lines[2].baseline - lines[1].baseline == Approx(25).margin(0.01));
}

TEST_CASE("a tiny page dumped as text matches the stored dump", "[geometry]") {
    const std::string xml = std::string("<layout name=\"tiny\">") + kGeometryStyles +
                            R"(<page-master name="p" size="A6" margin="10mm">
      <footer><text style="small" align="right">{{page}}/{{pages}}</text></footer>
    </page-master>
    <document>
      <text style="h1" bookmark="1">{{title | upper}}</text>
      <box fill="sand" border="0.5pt" border-color="green" radius="2mm" padding="2mm 3mm">
        <text>Op {{date | date-nl}} in <b>Arnhem</b>.</text>
      </box>
      <rule color="green" thickness="1pt" space-before="4pt" space-after="4pt"/>
      <row gap="4mm">
        <column width="20mm"><text style="small">links</text></column>
        <column><text style="small"><link href="mailto:{{mail}}">{{mail}}</link></text></column>
      </row>
      <box rotate="-2" fill="green" width="30mm" height="12mm" align="center">
        <text style="small" color="sand" align="center">post-it</text>
      </box>
    </document></layout>)";
    Typeset t = typeset_xml(xml, yaml("title: Verslag\ndate: 2024-11-12\nmail: info@wijk.nl\n"));
    INFO(printed(t.diags));
    CHECK(t.diags.all().empty());
    check_against_fixture(dump_document(t.doc), "tiny.txt");
}

#include <catch2/catch.hpp>

#include "data/markdown_loader.h"
#include "data/rich_text.h"

using namespace dw;
using namespace dw::data;

namespace {

const std::string kFixtures = DRUKWERK_SOURCE_ROOT "/tests/fixtures/data/";
const std::vector<std::string> kComponents{"postits", "quote-wall"};

using BK = Block::Kind;
using IK = Inline::Kind;

std::string where(const SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

// Parses Markdown that must produce no diagnostics; returns the document map.
Value parse_clean(std::string_view text) {
    Diagnostics diags;
    auto doc = parse_markdown(text, "m.md", kComponents, diags);
    for (const auto& d : diags.all()) INFO(format_diagnostic(d));
    REQUIRE(diags.all().empty());
    REQUIRE(doc);
    return *doc;
}

const std::vector<Block>& blocks_of(const Value& doc) {
    const Value* body = doc.find("body");
    REQUIRE(body);
    REQUIRE(body->is_rich());
    return body->rich->blocks;
}

std::vector<Block> body_blocks(std::string_view text) { return blocks_of(parse_clean(text)); }

}  // namespace

TEST_CASE("the meeting minutes: front matter fields and body blocks with file lines",
          "[data][markdown]") {
    Diagnostics diags;
    auto doc = load_markdown_file(kFixtures + "minutes.md", kComponents, diags);
    REQUIRE(diags.all().empty());
    REQUIRE(doc);
    const std::string file = kFixtures + "minutes.md";
    REQUIRE(doc->keys() ==
            std::vector<std::string>{"series", "date", "attendees", "contact", "body"});
    REQUIRE(doc->find("date")->text == "2024-11-12");
    REQUIRE(where(doc->find("date")->loc) == file + ":3:7");
    const Value& bart = doc->find("attendees")->items[0];
    REQUIRE(bart.find("organisation")->text == "gemeente Arnhem");
    REQUIRE(where(bart.find("organisation")->loc) == file + ":6:19");
    REQUIRE(doc->find("contact")->find("name")->text == "Mellany van Bommel");
    REQUIRE(where(doc->find("body")->loc) == file + ":10:1");

    const auto& blocks = blocks_of(*doc);
    REQUIRE(blocks.size() == 5);
    REQUIRE(blocks[0].kind == BK::Heading);
    REQUIRE(blocks[0].level == 1);
    REQUIRE(plain_text(blocks[0].inlines) == "De bijeenkomst");
    REQUIRE(where(blocks[0].loc) == file + ":10:1");

    REQUIRE(blocks[1].kind == BK::Paragraph);
    REQUIRE(blocks[1].loc.line == 12);
    REQUIRE(blocks[1].inlines.size() == 2);
    REQUIRE(blocks[1].inlines[0].text == "Op 12 november 2024 kwamen we bijeen, zie deze link: ");
    REQUIRE(blocks[1].inlines[1].kind == IK::Link);
    REQUIRE(blocks[1].inlines[1].url == "https://prezi.com/view/PKyeXoEmlnr5Jai58dry/");

    const Block& list = blocks[2];
    REQUIRE(list.kind == BK::BulletList);
    REQUIRE(list.loc.line == 14);
    REQUIRE(list.children.size() == 1);
    const Block& item = list.children[0];
    REQUIRE(item.kind == BK::ListItem);
    REQUIRE_FALSE(item.task);
    REQUIRE(item.children.size() == 2);
    const auto& words = item.children[0].inlines;
    REQUIRE(words[0].text == "Vanuit ");
    REQUIRE(words[1].kind == IK::Strong);
    REQUIRE(plain_text(words[1].children) == "Zorgbelang Inclusief");
    REQUIRE(words[2].text == " werkt Café Noord mee");
    const Block& sub = item.children[1];
    REQUIRE(sub.kind == BK::BulletList);
    REQUIRE(where(sub.loc) == file + ":15:3");
    REQUIRE(plain_text(sub.children[0].children[0].inlines) == "sub item");

    const Block& postits = blocks[3];
    REQUIRE(postits.kind == BK::Component);
    REQUIRE(postits.info == "postits");
    REQUIRE(postits.loc.line == 17);
    REQUIRE(postits.data);
    REQUIRE(postits.data->is_list());
    const Value& note = postits.data->items[0];
    REQUIRE(note.find("text")->text == "begin klein");
    REQUIRE(where(note.find("text")->loc) == file + ":18:9");
    REQUIRE(where(note.find("colour")->loc) == file + ":19:11");

    const Block& tasks = blocks[4];
    REQUIRE(tasks.loc.line == 22);
    REQUIRE(tasks.children.size() == 2);
    REQUIRE(tasks.children[0].task);
    REQUIRE_FALSE(tasks.children[0].checked);
    REQUIRE(plain_text(tasks.children[0].children[0].inlines) ==
            "Afronden van het wetenschappelijk artikel.");
    REQUIRE(tasks.children[1].task);
    REQUIRE(tasks.children[1].checked);
}

TEST_CASE("without front matter the body starts on line 1", "[data][markdown]") {
    Value doc = parse_clean("Alleen tekst.\n");
    REQUIRE(doc.keys() == std::vector<std::string>{"body"});
    REQUIRE(where(doc.find("body")->loc) == "m.md:1:1");
    REQUIRE(blocks_of(doc)[0].loc.line == 1);
}

TEST_CASE("empty front matter adds no fields, lines still shift", "[data][markdown]") {
    Value doc = parse_clean("---\n---\n\n# Kop\n");
    REQUIRE(doc.keys() == std::vector<std::string>{"body"});
    REQUIRE(blocks_of(doc)[0].loc.line == 4);
}

TEST_CASE("front matter may end with '...' and use CRLF line endings", "[data][markdown]") {
    Value doc = parse_clean("---\r\ntitle: Verslag\r\n...\r\n\r\n# Kop\r\n");
    REQUIRE(doc.find("title")->text == "Verslag");
    REQUIRE(blocks_of(doc)[0].loc.line == 5);
    REQUIRE(plain_text(blocks_of(doc)[0].inlines) == "Kop");
}

TEST_CASE("nested and ordered lists keep start and tightness", "[data][markdown]") {
    auto blocks = body_blocks("3. drie\n4. vier\n   - a\n     - b\n\n---\n\n- los\n\n- ruim\n");
    REQUIRE(blocks.size() == 3);
    REQUIRE(blocks[0].kind == BK::OrderedList);
    REQUIRE(blocks[0].start == 3);
    REQUIRE(blocks[0].tight);
    const Block& deepest = blocks[0].children[1].children[1].children[0].children[1];
    REQUIRE(deepest.kind == BK::BulletList);
    REQUIRE(where(deepest.loc) == "m.md:4:6");
    REQUIRE(plain_text(deepest.children[0].children[0].inlines) == "b");
    REQUIRE(blocks[1].kind == BK::ThematicBreak);
    REQUIRE(blocks[2].kind == BK::BulletList);
    REQUIRE_FALSE(blocks[2].tight);
}

TEST_CASE("a GFM table becomes rows of cells, header first", "[data][markdown]") {
    auto blocks = body_blocks("| Wie | Wat |\n|-----|:---:|\n| Bart | ~~oud~~ nieuw |\n");
    REQUIRE(blocks.size() == 1);
    const Block& table = blocks[0];
    REQUIRE(table.kind == BK::Table);
    REQUIRE(table.children.size() == 2);
    REQUIRE(table.children[0].kind == BK::TableRow);
    REQUIRE(plain_text(table.children[0].children[1].inlines) == "Wat");
    const Block& cell = table.children[1].children[1];
    REQUIRE(cell.kind == BK::TableCell);
    REQUIRE(where(table.children[1].loc) == "m.md:3:1");
    REQUIRE(cell.inlines[0].kind == IK::Strike);
    REQUIRE(plain_text(cell.inlines[0].children) == "oud");
    REQUIRE(cell.inlines[1].text == " nieuw");
}

TEST_CASE("angle-bracket and bare URLs both become links", "[data][markdown]") {
    auto blocks = body_blocks("Zie <https://a.example/x> en https://b.example/y. Of www.c.nl\n");
    const auto& in = blocks[0].inlines;
    REQUIRE(in.size() == 6);
    REQUIRE(in[0].text == "Zie ");
    REQUIRE(in[1].kind == IK::Link);
    REQUIRE(in[1].url == "https://a.example/x");
    REQUIRE(in[2].text == " en ");
    REQUIRE(in[3].kind == IK::Link);
    REQUIRE(in[3].url == "https://b.example/y");
    REQUIRE(plain_text(in[3].children) == "https://b.example/y");
    REQUIRE(in[4].text == ". Of ");
    REQUIRE(in[5].url == "http://www.c.nl");
}

TEST_CASE("inline markup: emphasis, code, links, breaks", "[data][markdown]") {
    auto blocks = body_blocks("*schuin* `code` [tekst](https://x.nl)\nregel twee  \nregel drie\n");
    const auto& in = blocks[0].inlines;
    REQUIRE(in[0].kind == IK::Emph);
    REQUIRE(in[2].kind == IK::Code);
    REQUIRE(in[2].text == "code");
    REQUIRE(in[4].kind == IK::Link);
    REQUIRE(in[4].url == "https://x.nl");
    REQUIRE(in[5].kind == IK::SoftBreak);
    REQUIRE(in[7].kind == IK::LineBreak);
    REQUIRE(plain_text(in) == "schuin code tekst regel twee\nregel drie");
}

TEST_CASE("quotes and dashes stay as typed, '<' and '&' stay literal", "[data][markdown]") {
    auto blocks = body_blocks("\"Zorg\" -- AT&T < 5 &amp; 6 &lt;b&gt;\n");
    REQUIRE(blocks[0].inlines.size() == 1);  // adjacent text pieces are merged
    REQUIRE(blocks[0].inlines[0].text == "\"Zorg\" -- AT&T < 5 & 6 <b>");
}

TEST_CASE("raw HTML is a warning and is kept as literal text", "[data][markdown]") {
    Diagnostics diags;
    auto doc = parse_markdown("Een <b>vet</b> woord\n\n<div>\nblok\n</div>\n", "m.md", {}, diags);
    REQUIRE(doc);
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(diags.all().size() == 3);
    REQUIRE(diags.all()[0].message == "raw HTML is not rendered; it is printed as text");
    REQUIRE(where(diags.all()[0].loc) == "m.md:1:5");
    REQUIRE(where(diags.all()[2].loc) == "m.md:3:1");
    const auto& blocks = blocks_of(*doc);
    REQUIRE(blocks[0].inlines.size() == 1);
    REQUIRE(blocks[0].inlines[0].text == "Een <b>vet</b> woord");
    REQUIRE(blocks[1].kind == BK::Paragraph);
    REQUIRE(plain_text(blocks[1].inlines) == "<div>\nblok\n</div>");
}

TEST_CASE("a fence without a name is a plain code block", "[data][markdown]") {
    auto blocks = body_blocks("```\nlet x = 1;\n```\n\n    ingesprongen\n");
    REQUIRE(blocks[0].kind == BK::CodeBlock);
    REQUIRE(blocks[0].text == "let x = 1;");
    REQUIRE(blocks[0].info.empty());
    REQUIRE(blocks[1].kind == BK::CodeBlock);
    REQUIRE(blocks[1].text == "ingesprongen");
}

TEST_CASE("an unknown component name is an error with a did-you-mean hint", "[data][markdown]") {
    Diagnostics diags;
    auto doc = parse_markdown("---\na: 1\n---\nTekst\n\n```postit\n- text: x\n```\n", "m.md",
                              kComponents, diags);
    REQUIRE(doc);
    REQUIRE(diags.all().size() == 1);
    REQUIRE(format_diagnostic(diags.all()[0]) ==
            "m.md:6:1: error: unknown component 'postit'\n"
            "m.md:6:1: note: did you mean 'postits'?\n");
    const Block& kept = blocks_of(*doc)[1];
    REQUIRE(kept.kind == BK::CodeBlock);
    REQUIRE(kept.text == "- text: x");
}

TEST_CASE("a component inside a list item reports its YAML at file positions", "[data][markdown]") {
    Value doc = parse_clean("- punt\n\n  ```postits\n  - text: één\n    colour: geel\n  ```\n");
    const Block& comp = blocks_of(doc)[0].children[0].children[1];
    REQUIRE(comp.kind == BK::Component);
    REQUIRE(where(comp.loc) == "m.md:3:3");
    REQUIRE(comp.data->items[0].find("text")->text == "één");
    REQUIRE(where(comp.data->items[0].find("colour")->loc) == "m.md:5:13");
}

TEST_CASE("malformed component YAML is reported at the file line", "[data][markdown]") {
    Diagnostics diags;
    auto doc = parse_markdown("# Kop\n\n```postits\n- text: a\n  colour: geel: licht\n```\n",
                              "m.md", kComponents, diags);
    REQUIRE(doc);
    REQUIRE(diags.error_count() == 1);
    REQUIRE(where(diags.all()[0].loc) == "m.md:5:15");
    REQUIRE(diags.all()[0].message == "illegal map value");
    const Block& comp = blocks_of(*doc)[1];
    REQUIRE(comp.kind == BK::Component);
    REQUIRE(comp.data->is_null());
}

TEST_CASE("malformed front matter is reported at its file line, the body is still read",
          "[data][markdown]") {
    Diagnostics diags;
    auto doc = parse_markdown(
        "---\nseries: x\nattendees:\n  - name: Bart\n   organisation: y\n---\n# Kop\n", "m.md",
        kComponents, diags);
    REQUIRE(doc);
    REQUIRE(diags.error_count() == 1);
    REQUIRE(where(diags.all()[0].loc) == "m.md:5:4");
    REQUIRE(doc->keys() == std::vector<std::string>{"body"});
    REQUIRE(blocks_of(*doc)[0].loc.line == 7);
}

TEST_CASE("a duplicate front matter key names its first line", "[data][markdown]") {
    Diagnostics diags;
    auto doc = parse_markdown("---\ndate: 1\nseries: x\ndate: 2\n---\n", "m.md", {}, diags);
    REQUIRE(doc);
    REQUIRE(format_diagnostic(diags.all().at(0))
                .starts_with("m.md:4:1: error: duplicate key 'date' (first defined on line 2)\n"));
}

TEST_CASE("unclosed front matter is an error", "[data][markdown]") {
    Diagnostics diags;
    REQUIRE_FALSE(parse_markdown("---\ntitle: x\n# Kop\n", "m.md", {}, diags));
    REQUIRE(diags.all().size() == 1);
    REQUIRE(diags.all()[0].message == "the front matter that starts here is not closed");
    REQUIRE(where(diags.all()[0].loc) == "m.md:1:1");
}

TEST_CASE("front matter must be fields, and may not use the name 'body'", "[data][markdown]") {
    Diagnostics list_diags;
    REQUIRE(parse_markdown("---\n- a\n---\n", "m.md", {}, list_diags));
    REQUIRE(list_diags.all().at(0).message ==
            "front matter must hold fields (name: value), not a list or text");
    REQUIRE(list_diags.all()[0].loc.line == 2);

    Diagnostics body_diags;
    auto doc = parse_markdown("---\nbody: x\n---\nEcht\n", "m.md", {}, body_diags);
    REQUIRE(body_diags.all().at(0).message == "the front matter field 'body' is reserved");
    REQUIRE(doc->find("body")->is_rich());
}

TEST_CASE("columns count characters on lines with accents", "[data][markdown]") {
    auto blocks = body_blocks("- één\n  - twee\n\nCafé *x*\n");
    REQUIRE(where(blocks[0].children[0].children[1].loc) == "m.md:2:3");
}

TEST_CASE("pathological nesting is an error, not a crash", "[data][markdown]") {
    Diagnostics diags;
    auto doc = parse_markdown(std::string(5000, '>') + " diep\n", "m.md", {}, diags);
    REQUIRE(doc);
    REQUIRE(diags.error_count() == 1);
    REQUIRE(diags.all()[0].message == "Markdown nested more than 64 levels deep");
}

TEST_CASE("an image alone in its paragraph is a figure found next to the Markdown file",
          "[data][markdown]") {
    Diagnostics diags;
    const std::string dir = DRUKWERK_SOURCE_ROOT "/inputs/";
    auto doc = parse_markdown("Tekst\n\n![De muur](postit-muur-2025-01-21.png \"Onderschrift\")\n",
                              dir + "m.md", {}, diags);
    REQUIRE(diags.all().empty());
    const auto& blocks = blocks_of(*doc);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[1].kind == BK::Image);
    CHECK(blocks[1].text == dir + "postit-muur-2025-01-21.png");
    CHECK(blocks[1].info == "Onderschrift");
    CHECK(plain_text(blocks[1].inlines) == "De muur");
}

TEST_CASE("a missing image is an error at its line", "[data][markdown]") {
    Diagnostics diags;
    parse_markdown("Tekst\n\n![De muur](weg.jpg)\n", "m.md", {}, diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message == "image 'weg.jpg' not found");
    CHECK(where(diags.all()[0].loc) == "m.md:3:1");
}

TEST_CASE("images are a warning, their description is kept", "[data][markdown]") {
    Diagnostics diags;
    auto doc = parse_markdown("Zie ![het logo](logo.png) hier\n", "m.md", {}, diags);
    REQUIRE(diags.all().size() == 1);
    REQUIRE(diags.all()[0].severity == Severity::Warning);
    REQUIRE(blocks_of(*doc)[0].inlines[0].text == "Zie het logo hier");
}

TEST_CASE("block quotes and headings of every level", "[data][markdown]") {
    auto blocks = body_blocks("> ### Citaat\n> tekst\n");
    REQUIRE(blocks[0].kind == BK::BlockQuote);
    REQUIRE(blocks[0].children[0].kind == BK::Heading);
    REQUIRE(blocks[0].children[0].level == 3);
    REQUIRE(where(blocks[0].children[1].loc) == "m.md:2:3");
}

TEST_CASE("plain_text joins soft breaks with a space", "[data][markdown]") {
    std::vector<Inline> in(3);
    in[0].text = "een";
    in[1].kind = IK::SoftBreak;
    in[2].kind = IK::Strong;
    in[2].children.resize(1);
    in[2].children[0].text = "twee";
    REQUIRE(plain_text(in) == "een twee");
}

TEST_CASE("footnotes are numbered by first reference, a label used twice is one note",
          "[data][markdown]") {
    Value doc = parse_clean("---\nx: 1\n---\nEen[^b] twee[^a] drie[^b].\n\n[^a]: Noot *a*.\n\n"
                            "[^b]: Noot b.\n\nSlot.\n");
    const Value* body = doc.find("body");
    REQUIRE(body);
    const RichText& rich = *body->rich;
    REQUIRE(rich.blocks.size() == 2);  // the definitions are not blocks of the text
    const auto& in = rich.blocks[0].inlines;
    REQUIRE(in.size() == 7);  // Een, 1, twee, 2, drie, 1, .
    CHECK(in[1].kind == IK::FootnoteRef);
    CHECK(in[1].text == "1");
    CHECK(in[3].text == "2");
    CHECK(in[5].text == "1");
    CHECK(plain_text(in) == "Een twee drie.");  // outlines and metadata leave marks out
    REQUIRE(rich.footnotes.size() == 2);
    CHECK(rich.footnotes[0].number == 1);
    CHECK(where(rich.footnotes[0].loc) == "m.md:8:7");
    CHECK(plain_text(rich.footnotes[0].blocks.at(0).inlines) == "Noot b.");
    CHECK(plain_text(rich.footnotes[1].blocks.at(0).inlines) == "Noot a.");
}

// The binder's flow elements: <text> spans, <for>, <if>/<else>, <use>/components, <box>
// (rotate-jitter), rows and page fields; and that data text is never evaluated twice.
#include <cmath>
#include <set>

#include "bind_support.h"

using namespace dw;
using namespace dw::bind;
using namespace bind_test;

namespace {

const char* kPeople =
    "kind: Verslag\n"
    "venue:\n"
    "contact:\n"
    "  name: Mellany van Bommel\n"
    "  email: mellany.vanbommel@wur.nl\n"
    "people:\n"
    "  - name: Cees\n"
    "    theme: \"2\"\n"
    "    colour: yellow\n"
    "  - name: Anna\n"
    "    theme: \"1\"\n"
    "    colour: yellow\n"
    "  - name: Bert\n"
    "    theme: \"2\"\n"
    "    colour: yellow\n"
    "groups:\n"
    "  - title: A\n"
    "    members: [a1, a2]\n"
    "  - title: B\n"
    "    members: [b1]\n";

const data::Value& people() {
    static const data::Value v = yaml(kPeople);
    return v;
}

std::vector<std::string> bound_texts(const std::string& body, const std::string& components = "") {
    return texts(bind_ok(body, people(), components));
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("<text> inline markup becomes spans with their formatting", "[bind]") {
    Box root = bind_ok(
        "<text>Hallo <b>{{kind}}</b> en <i>schuin</i> <span color=\"green\">groen</span><br/>"
        "<link href=\"mailto:{{contact.email}}\">{{contact.name}}</link></text>",
        people());
    auto ps = paragraphs(root);
    REQUIRE(ps.size() == 1);
    const auto& spans = ps[0]->spans;
    REQUIRE(spans.size() == 8);
    CHECK(spans[0].text == "Hallo ");
    CHECK_FALSE(spans[0].weight);
    CHECK(spans[1].text == "Verslag");
    CHECK(spans[1].weight == 700);
    CHECK(spans[2].text == " en ");
    CHECK(spans[3].text == "schuin");
    CHECK(spans[3].italic == true);
    CHECK(spans[4].text == " ");
    CHECK(spans[5].text == "groen");
    REQUIRE(spans[5].color);
    CHECK(*spans[5].color == Color{0x1f / 255.0, 0x5f / 255.0, 0x4a / 255.0, 1});
    CHECK(spans[6].text == "\u2028");  // <br/>: a line separator
    CHECK(spans[7].text == "Mellany van Bommel");
    CHECK(spans[7].link == "mailto:mellany.vanbommel@wur.nl");
    CHECK(ps[0]->style.name == "body");
    CHECK(ps[0]->tag == "P");
}

TEST_CASE("<text> attributes: style, keep-with-next, bookmark and tag", "[bind]") {
    Box root = bind_ok("<text style=\"h2\" bookmark=\"1\" keep-with-next=\"true\">Kop</text>"
                       "<text style=\"note\" align=\"right\">klein</text>",
                       people());
    auto ps = paragraphs(root);
    REQUIRE(ps.size() == 2);
    CHECK(ps[0]->style.name == "h2");
    CHECK(ps[0]->style.size == 13);
    CHECK(ps[0]->bookmark_level == 1);
    CHECK(ps[0]->style.keep_with_next);
    CHECK(ps[1]->style.name == "note");
    CHECK(ps[1]->style.italic);
    CHECK(ps[1]->style.align == layout::Align::Right);
}

TEST_CASE("<span size> as a percentage is a share of the surrounding size", "[bind][fixed]") {
    // The schema allows size="150%" on <span>, but the binder converts it with Length::to_pt()
    // without a reference, so the span gets size 0 (invisible text).
    Box root = bind_ok("<text>gewoon <span size=\"150%\">groot</span></text>", people());
    auto ps = paragraphs(root);
    REQUIRE(ps.size() == 1);
    REQUIRE(ps[0]->spans.size() == 2);
    REQUIRE(ps[0]->spans[1].size);
    CHECK(*ps[0]->spans[1].size == Approx(15.0));
}

TEST_CASE("<for> repeats in data order with {{index}} counting from 1", "[bind]") {
    CHECK(bound_texts("<for each=\"people\" as=\"p\"><text>{{index}}. {{p.name}}</text></for>") ==
          Texts{"1. Cees", "2. Anna", "3. Bert"});
    // default loop variable name
    CHECK(bound_texts("<for each=\"people\"><text>{{item.name}}</text></for>") ==
          Texts{"Cees", "Anna", "Bert"});
}

TEST_CASE("<for where sort>: filter first, then sort, then number", "[bind]") {
    CHECK(bound_texts("<for each=\"people\" as=\"p\" where=\"theme=2\" sort=\"name\">"
                      "<text>{{index}}. {{p.name}}</text></for>") ==
          Texts{"1. Bert", "2. Cees"});
    CHECK(bound_texts("<for each=\"people\" as=\"p\" where=\"theme!=2\">"
                      "<text>{{index}}. {{p.name}}</text></for>") ==
          Texts{"1. Anna"});
    CHECK(bound_texts("<for each=\"people\" as=\"p\" sort=\"name\"><text>{{p.name}}</text></for>") ==
          Texts{"Anna", "Bert", "Cees"});
    CHECK(bound_texts("<for each=\"people\" where=\"theme=9\"><text>x</text></for>").empty());
}

TEST_CASE("nested <for>: the inner index hides the outer one", "[bind]") {
    CHECK(bound_texts("<for each=\"groups\" as=\"g\"><text>{{index}} {{g.title}}</text>"
                      "<for each=\"g.members\" as=\"m\"><text>{{g.title}}.{{index}} {{m}}</text></for>"
                      "</for>") ==
          Texts{"1 A", "A.1 a1", "A.2 a2", "2 B", "B.1 b1"});
}

TEST_CASE("<for sort> orders numbers as numbers", "[bind][fixed]") {
    // Every scalar is a string in the value tree and the sort compares text, so 10 sorts
    // before 9 (agenda items, chapter numbers, order fields in CSV lesson sets).
    data::Value d = yaml("items:\n  - nr: \"9\"\n  - nr: \"10\"\n  - nr: \"2\"\n");
    CHECK(texts(bind_ok("<for each=\"items\" sort=\"nr\"><text>{{item.nr}}</text></for>", d)) ==
          Texts{"2", "9", "10"});
}

TEST_CASE("<for order=descending> reverses the sort", "[bind][fixed]") {
    // order= is in the schema (and the reference) but the binder ignores it.
    CHECK(bound_texts("<for each=\"people\" as=\"p\" sort=\"name\" order=\"descending\">"
                      "<text>{{p.name}}</text></for>") ==
          Texts{"Cees", "Bert", "Anna"});
}

TEST_CASE("<for limit> uses at most that many items", "[bind][fixed]") {
    // limit= is in the schema (and the reference) but the binder ignores it.
    CHECK(bound_texts("<for each=\"people\" as=\"p\" limit=\"2\"><text>{{p.name}}</text></for>") ==
          Texts{"Cees", "Anna"});
}

TEST_CASE("<for> over something that is not a list is an error", "[bind]") {
    Bound b = bind_layout(layout_xml("<for each=\"kind\"><text>x</text></for>"), people());
    auto errors = b.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]->message == "'kind' is not a list");
    CHECK(errors[0]->hint == "its value starts at d.yaml:1");
    CHECK(paragraphs(b.body()).empty());
}

TEST_CASE("<if test equals not> with <else>", "[bind]") {
    auto if_else = [](const std::string& attrs) {
        return bound_texts("<if " + attrs + "><text>ja</text></if><else><text>nee</text></else>");
    };
    CHECK(if_else("test=\"kind\"") == Texts{"ja"});
    CHECK(if_else("test=\"{{kind}}\"") == Texts{"ja"});
    CHECK(if_else("test=\"venue\"") == Texts{"nee"});       // null
    CHECK(if_else("test=\"chair\"") == Texts{"nee"});       // absent: no error
    CHECK(if_else("test=\"contact.email\"") == Texts{"ja"});
    CHECK(if_else("test=\"contact.phone\"") == Texts{"nee"});
    CHECK(if_else("test=\"kind\" equals=\"Verslag\"") == Texts{"ja"});
    CHECK(if_else("test=\"kind\" equals=\"Notulen\"") == Texts{"nee"});
    CHECK(if_else("test=\"kind\" not=\"true\"") == Texts{"nee"});
    CHECK(if_else("test=\"venue\" not=\"true\"") == Texts{"ja"});
    CHECK(if_else("test=\"kind\" equals=\"Notulen\" not=\"true\"") == Texts{"ja"});
    CHECK(if_else("test=\"people\"") == Texts{"ja"});
    CHECK(bound_texts("<if test=\"venue\"><text>ja</text></if><text>daarna</text>") ==
          Texts{"daarna"});
}

TEST_CASE("<else> belongs to the <if> right before it", "[bind]") {
    CHECK(bound_texts("<if test=\"kind\"><text>1</text></if>"
                      "<if test=\"venue\"><text>2</text></if><else><text>3</text></else>") ==
          Texts{"1", "3"});
    CHECK(bound_texts("<for each=\"people\" as=\"p\"><if test=\"p.theme\" equals=\"1\">"
                      "<text>{{p.name}} 1</text></if><else><text>{{p.name}} anders</text></else>"
                      "</for>") ==
          Texts{"Cees anders", "Anna 1", "Bert anders"});
}

TEST_CASE("<use component data>: the component sees its data as {{data}}", "[bind]") {
    const std::string card =
        "<component name=\"card\"><text>{{data.name}} &lt;{{data.email}}&gt;</text></component>"
        "<component name=\"line\"><text>{{p.name}}</text></component>";
    CHECK(bound_texts("<use component=\"card\" data=\"contact\"/>", card) ==
          Texts{"Mellany van Bommel <mellany.vanbommel@wur.nl>"});
    CHECK(bound_texts("<for each=\"people\" as=\"p\"><use component=\"card\" data=\"p\"/></for>",
                      "<component name=\"card\"><text>{{data.name}}</text></component>") ==
          Texts{"Cees", "Anna", "Bert"});
    // without data= the component sees the surrounding loop variables
    CHECK(bound_texts("<for each=\"people\" as=\"p\"><use component=\"line\"/></for>", card) ==
          Texts{"Cees", "Anna", "Bert"});
}

TEST_CASE("a component named by a fenced block in rich text gets the block's YAML", "[bind]") {
    data::Value md = markdown(
        "---\nkind: Verslag\n---\n\nVoor.\n\n```postits\n- text: begin klein\n  colour: yellow\n"
        "- text: samen\n  colour: yellow\n```\n\nNa.\n",
        {"postits"});
    const std::string component =
        "<component name=\"postits\"><for each=\"data\" as=\"n\">"
        "<box fill=\"postit-{{n.colour}}\"><text>{{n.text}}</text></box></for></component>";
    Box root = bind_ok("<richtext source=\"body\"/>", md, component);
    CHECK(texts(root) == Texts{"Voor.", "begin klein", "samen", "Na."});
    REQUIRE(root.children.size() == 4);
    CHECK(root.children[1].kind == Box::Kind::Frame);
    REQUIRE(root.children[1].frame.fill);
    CHECK(*root.children[1].frame.fill == Color{0xfd / 255.0, 0xe6 / 255.0, 0x8a / 255.0, 1});
}

TEST_CASE("a colour from the data that is not in the palette is reported", "[bind]") {
    data::Value d = yaml("notes:\n  - colour: yelow\n");
    Bound b = bind_layout(layout_xml("<for each=\"notes\" as=\"n\"><box fill=\"postit-{{n.colour}}\">"
                                     "<text>x</text></box></for>"),
                          d);
    auto errors = b.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]->message == "unknown colour 'postit-yelow'");
    CHECK(errors[0]->hint == "did you mean 'postit-yellow'?");
}

TEST_CASE("<box> frame attributes are converted to points", "[bind]") {
    Box root = bind_ok("<box fill=\"green\" border=\"1pt\" radius=\"2mm\" padding=\"2mm 4mm\" "
                       "width=\"50%\" align=\"center\" style=\"note\"><text>x</text></box>",
                       people());
    REQUIRE(root.children.size() == 1);
    const Box& box = root.children[0];
    CHECK(box.kind == Box::Kind::Frame);
    const Frame& f = box.frame;
    CHECK(f.border_width == 1);
    CHECK(f.radius == Approx(2 * 72 / 25.4));
    CHECK(f.padding[0] == Approx(2 * 72 / 25.4));
    CHECK(f.padding[1] == Approx(4 * 72 / 25.4));
    CHECK(f.padding[2] == Approx(2 * 72 / 25.4));
    CHECK(f.padding[3] == Approx(4 * 72 / 25.4));
    REQUIRE(f.width);
    CHECK(f.width->unit == Length::Unit::Percent);
    CHECK(f.width->value == 50);
    CHECK(f.align == layout::Align::Center);
    CHECK(f.rotate == 0);
    // style= is the default style of the text inside
    REQUIRE(box.children.size() == 1);
    CHECK(box.children[0].style.name == "note");
}

TEST_CASE("rotate-jitter is repeatable, within the maximum, and differs per box", "[bind]") {
    const std::string body =
        "<for each=\"people\"><box rotate-jitter=\"3\"><text>{{item.name}}</text></box></for>"
        "<box rotate=\"10\" rotate-jitter=\"2\"><text>x</text></box>";
    Box first = bind_ok(body, people());
    Box second = bind_ok(body, people());
    REQUIRE(first.children.size() == 4);
    REQUIRE(second.children.size() == 4);
    std::set<double> angles;
    for (size_t i = 0; i < 4; ++i) {
        double a = first.children[i].frame.rotate;
        CHECK(a == second.children[i].frame.rotate);  // exactly the same on every run
        if (i < 3) {
            CHECK(std::abs(a) <= 3.0);
            angles.insert(a);
        } else {
            CHECK(a >= 8.0);
            CHECK(a <= 12.0);
        }
    }
    CHECK(angles.size() == 3);
    // the values themselves are part of the output: a change shows in every post-it wall
    CHECK(first.children[0].frame.rotate == Approx(2.7597597598).epsilon(1e-9));
}

TEST_CASE("<row> widths and <grid>/<columns> settings", "[bind]") {
    Box root = bind_ok("<row gap=\"4mm\"><column width=\"30mm\"><text>a</text></column>"
                       "<column><text>b</text></column><column width=\"2fr\"/></row>"
                       "<grid columns=\"4\" gap=\"2mm\"><text>c</text></grid>"
                       "<columns count=\"3\"><text>d</text></columns>",
                       people());
    REQUIRE(root.children.size() == 3);
    const Box& row = root.children[0];
    CHECK(row.kind == Box::Kind::Row);
    CHECK(row.gap == Approx(4 * 72 / 25.4));
    REQUIRE(row.widths.size() == 3);
    REQUIRE(row.children.size() == 3);
    CHECK(row.widths[0].unit == Length::Unit::Mm);
    CHECK(row.widths[0].value == 30);
    CHECK(row.widths[1].unit == Length::Unit::Fraction);
    CHECK(row.widths[1].value == 1);
    CHECK(row.widths[2].value == 2);
    const Box& grid = root.children[1];
    CHECK(grid.kind == Box::Kind::Grid);
    CHECK(grid.columns == 4);
    CHECK(grid.row_gap == Approx(2 * 72 / 25.4));  // defaults to gap
    const Box& cols = root.children[2];
    CHECK(cols.kind == Box::Kind::Columns);
    CHECK(cols.columns == 3);
    CHECK(cols.gap == Approx(6 * 72 / 25.4));
}

TEST_CASE("{{page}} in the body is an error, in the footer it is a page field", "[bind]") {
    Bound b = bind_layout(layout_xml("<text>Pagina {{page}}</text>"), people());
    auto errors = b.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]->message == "{{page}} is only known in a header or footer");

    Bound with_footer = bind_layout(layout_xml("<text>x</text>"), people());
    REQUIRE(with_footer.doc);
    const auto& footer = with_footer.doc->page.footer;
    REQUIRE(footer.size() == 1);
    const auto& spans = footer[0].spans;
    REQUIRE(spans.size() == 4);
    CHECK(spans[0].text == "Pagina ");
    CHECK(spans[1].field == Span::Field::PageNumber);
    CHECK(spans[2].text == " van ");
    CHECK(spans[3].field == Span::Field::PageCount);
    CHECK(with_footer.doc->page.margin_left == Approx(20 * 72 / 25.4));
    CHECK(with_footer.doc->page.width == Approx(595.276).margin(0.01));
}

TEST_CASE("data text with <, & and {{ stays literal: it is never evaluated twice", "[bind]") {
    data::Value d = yaml(
        "kind: Verslag\n"
        "tricky: \"<b>a & b</b> {{kind}} }} {{\"\n"
        "url: \"https://example.org/?a=1&b={{kind}}\"\n"
        "notes:\n"
        "  - \"{{kind | upper}}\"\n");
    Box root = bind_ok("<text>{{tricky}}</text>"
                       "<text><link href=\"{{url}}\">{{url}}</link></text>"
                       "<for each=\"notes\"><text>{{item}} / {{item | upper}}</text></for>",
                       d);
    CHECK(texts(root) == Texts{"<b>a & b</b> {{kind}} }} {{",
                               "https://example.org/?a=1&b={{kind}}",
                               "{{kind | upper}} / {{KIND | UPPER}}"});
    auto ps = paragraphs(root);
    CHECK(ps[1]->spans.at(0).link == "https://example.org/?a=1&b={{kind}}");

    data::Value md = markdown("---\nkind: Verslag\n---\n\nEen {{kind}} & a < b.\n");
    CHECK(texts(bind_ok("<richtext source=\"body\"/>", md)) == Texts{"Een {{kind}} & a < b."});
}

TEST_CASE("metadata templates are filled from the data", "[bind]") {
    data::Value d = yaml("kind: Verslag\nseries: Consortium\ndate: 2024-11-12\n");
    std::string xml = layout_xml("<text>x</text>");
    xml.replace(xml.find("<palette>"), 0,
                "<metadata title=\"{{kind}} {{series | lower}} {{date | date-nl}}\" "
                "language=\"nl-NL\"/>");
    Bound b = bind_layout(xml, d);
    INFO(printed(b.diags));
    REQUIRE(b.diags.all().empty());
    CHECK(b.doc->metadata.title == "Verslag consortium 12 november 2024");
    CHECK(b.doc->metadata.language == "nl-NL");
    CHECK(b.doc->metadata.date == "2024-11-12");
}

TEST_CASE("a length from the data is checked against the attribute's range", "[bind][range]") {
    Bound b = bind_layout(layout_xml(R"(<spacer height="{{h}}"/><rule width="{{w}}"/>)"),
                          yaml("h: -5mm\nw: 50%\n"));
    REQUIRE(b.errors().size() == 1);
    CHECK(b.errors()[0]->message == "'-5mm' is out of range for attribute 'height'");
    CHECK(b.errors()[0]->hint == "allowed: from 0mm to 5080mm");
}

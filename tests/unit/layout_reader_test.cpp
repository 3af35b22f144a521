#include "layout/layout_reader.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace dw;
using namespace dw::layout;

namespace {

const std::string kFixtures = DRUKWERK_SOURCE_ROOT "/tests/fixtures/layout/";

double mm(double v) { return v * 72.0 / 25.4; }

std::string printed(const Diagnostics& diags) {
    std::ostringstream out;
    diags.print(out);
    return out.str();
}

Layout parse_ok(const std::string& xml) {
    Diagnostics diags;
    auto layout = parse_layout(xml, "t.xml", diags);
    INFO(printed(diags));
    REQUIRE(diags.all().empty());
    REQUIRE(layout);
    return std::move(*layout);
}

}  // namespace

TEST_CASE("the minutes example loads without diagnostics", "[layout]") {
    Diagnostics diags;
    auto layout = load_layout(kFixtures + "minutes.xml", diags);
    INFO(printed(diags));
    REQUIRE(diags.all().empty());
    REQUIRE(layout);
    CHECK(layout->file == kFixtures + "minutes.xml");
    CHECK(layout->metadata.title == "{{series}} {{date | date-nl}}");
    CHECK(layout->metadata.language == "nl-NL");
    CHECK(layout->default_style == "body");
    CHECK(layout->first_page_master == "a4");
    CHECK(layout->components.count("postits") == 1);
    CHECK(layout->components.at("postits").children.at(0).element == "grid");
    REQUIRE(layout->document.children.size() == 2);
    CHECK(layout->document.children[0].element == "columns");
    CHECK(layout->document.children[1].element == "richtext");
    CHECK(layout->document.children[1].attribute_or("continued", "") ==
          "Zie vervolg op de volgende pagina.");
}

TEST_CASE("styles inherit from their base and convert lengths to points", "[layout]") {
    Diagnostics diags;
    auto layout = load_layout(kFixtures + "minutes.xml", diags);
    REQUIRE(layout);
    const Style& body = layout->styles.at("body");
    const Style& h1 = layout->styles.at("h1");
    Color ink{0x1d / 255.0, 0x2a / 255.0, 0x24 / 255.0, 1};
    CHECK(body.color == ink);
    CHECK(body.hyphenate == "nl");
    CHECK(h1.family == "League Spartan");
    CHECK(h1.weight == 700);
    CHECK(h1.size == 15);
    CHECK(h1.text_case == TextCase::Upper);
    CHECK(h1.keep_with_next);
    CHECK(h1.space_before == 14);
    // not set on h1: taken from body
    CHECK(h1.line_height == Approx(1.45));
    CHECK(h1.color == ink);
    CHECK(h1.align == Align::Justify);
    CHECK(h1.hyphenate == "nl");
    CHECK(h1.space_after == 6);
    CHECK(h1.widows == 2);
}

TEST_CASE("style values: weights, line heights, relative sizes", "[layout]") {
    Layout layout = parse_ok(R"(<layout>
  <styles>
    <style name="body" size="10pt" line-height="14pt" weight="semibold" letter-spacing="10%"/>
    <style name="big" base="body" size="150%" weight="black" italic="true"/>
    <style name="wide" base="big" line-height="2" indent="5mm" widows="3" background="#ff000080"/>
  </styles>
  <document/>
</layout>)");
    const Style& body = layout.styles.at("body");
    CHECK(body.line_height == Approx(1.4));
    CHECK(body.weight == 600);
    CHECK(body.letter_spacing == Approx(1.0));
    const Style& big = layout.styles.at("big");
    CHECK(big.size == Approx(15));
    CHECK(big.weight == 900);
    CHECK(big.italic);
    CHECK(big.line_height == Approx(1.4));  // the multiplier is inherited, not the 14pt
    const Style& wide = layout.styles.at("wide");
    CHECK(wide.line_height == 2);
    CHECK(wide.first_indent == Approx(mm(5)));
    CHECK(wide.widows == 3);
    CHECK(wide.orphans == 2);
    REQUIRE(wide.background);
    CHECK(wide.background->a == Approx(128 / 255.0));
}

TEST_CASE("page masters: named sizes, landscape swap, margin shorthand and sides", "[layout]") {
    Layout layout = parse_ok(R"(<layout>
  <page-master name="a4" size="A4" margin="22mm 20mm 24mm 20mm"/>
  <page-master name="wide" size="A5" orientation="landscape" margin="10mm 15mm" margin-left="30mm">
    <header><text>Kop</text></header>
    <footer><text>Pagina {{page}}</text></footer>
  </page-master>
  <page-master name="card" size="63mm 88mm" margin="3mm"/>
  <document page-master="wide"/>
</layout>)");
    const PageMaster& a4 = layout.page_masters.at("a4");
    CHECK(a4.width == Approx(mm(210)));
    CHECK(a4.height == Approx(mm(297)));
    CHECK(a4.margin_top == Approx(mm(22)));
    CHECK(a4.margin_right == Approx(mm(20)));
    CHECK(a4.margin_bottom == Approx(mm(24)));
    CHECK(a4.margin_left == Approx(mm(20)));
    const PageMaster& wide = layout.page_masters.at("wide");
    CHECK(wide.width == Approx(mm(210)));
    CHECK(wide.height == Approx(mm(148)));
    CHECK(wide.margin_top == Approx(mm(10)));
    CHECK(wide.margin_bottom == Approx(mm(10)));
    CHECK(wide.margin_right == Approx(mm(15)));
    CHECK(wide.margin_left == Approx(mm(30)));
    REQUIRE(wide.header.size() == 1);
    CHECK(wide.header[0].element == "text");
    REQUIRE(wide.footer.size() == 1);
    CHECK(wide.background.empty());
    CHECK(layout.page_masters.at("card").width == Approx(mm(63)));
    CHECK(layout.first_page_master == "wide");
}

TEST_CASE("a minimal layout gets a default page master and body style", "[layout]") {
    Layout layout = parse_ok("<layout><document><text>Hallo</text></document></layout>");
    REQUIRE(layout.page_masters.count("default") == 1);
    CHECK(layout.first_page_master == "default");
    CHECK(layout.page_masters.at("default").width == Approx(mm(210)));
    CHECK(layout.styles.count("body") == 1);
    CHECK(layout.default_style == "body");
}

TEST_CASE("nodes keep attributes in source order with their locations", "[layout]") {
    Layout layout = parse_ok(
        "<layout>\n<document>\n  <box  fill=\"#fff\" radius=\"2mm\"\n"
        "       padding=\"3mm\"/>\n</document>\n</layout>");
    const Node& box = layout.document.children.at(0);
    CHECK(box.loc.file == "t.xml");
    CHECK(box.loc.line == 3);
    CHECK(box.loc.col == 3);
    REQUIRE(box.attributes.size() == 3);
    CHECK(box.attributes[0].first == "fill");
    CHECK(box.attributes[2].first == "padding");
    CHECK(box.attribute_loc("radius").line == 3);
    CHECK(box.attribute_loc("radius").col == 21);
    CHECK(box.attribute_loc("padding").line == 4);
    CHECK(box.attribute_loc("padding").col == 8);
    CHECK(box.attribute_or_default("keep-together") == "true");
    CHECK(box.attribute_or_default("fill") == "#fff");
}

TEST_CASE("columns count characters, not bytes", "[layout]") {
    Layout layout = parse_ok("<layout><document><text>één</text><rule/></document></layout>");
    CHECK(layout.document.children.at(1).loc.col == 35);
}

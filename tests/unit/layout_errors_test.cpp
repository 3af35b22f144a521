#include <catch2/catch.hpp>
#include <sstream>

#include "layout/layout_reader.h"
#include "layout/xml_entities.h"

using namespace dw;
using namespace dw::layout;

namespace {

std::string printed(const Diagnostics& diags) {
    std::ostringstream out;
    diags.print(out);
    return out.str();
}

// Lines 1-3 declare a palette colour "green" and the styles "body" and "kop-1"; the body under
// test starts on line 5.
std::string with_prelude(const std::string& body) {
    return "<layout>\n"
           "  <palette><color name=\"green\" value=\"#2E7D4F\"/></palette>\n"
           "  <styles><style name=\"body\"/><style name=\"kop-1\" base=\"body\"/></styles>\n"
           "  <document>\n" +
           body + "\n  </document>\n</layout>\n";
}

// Parses and requires exactly one diagnostic, an error, which it returns.
Diagnostic only_error(const std::string& xml) {
    Diagnostics diags;
    auto layout = parse_layout(xml, "t.xml", diags);
    INFO(printed(diags));
    REQUIRE(diags.all().size() == 1);
    REQUIRE(diags.all()[0].severity == Severity::Error);
    CHECK_FALSE(layout);
    return diags.all()[0];
}

void check(const Diagnostic& d, int line, int col, const std::string& message,
           const std::string& hint) {
    INFO(format_diagnostic(d));
    CHECK(d.loc.file == "t.xml");
    CHECK(d.loc.line == line);
    CHECK(d.loc.col == col);
    CHECK(d.message == message);
    CHECK(d.hint == hint);
}

}  // namespace

TEST_CASE("unknown element: message, position and did-you-mean", "[layout][errors]") {
    auto d = only_error(with_prelude("    <txet>Hallo</txet>"));
    check(d, 5, 5, "unknown element <txet>", "did you mean <text>?");
}

TEST_CASE("unknown attribute: message, position and did-you-mean", "[layout][errors]") {
    auto d = only_error(with_prelude("    <text stlye=\"body\">Hallo</text>"));
    check(d, 5, 11, "unknown attribute 'stlye' on <text>", "did you mean 'style'?");
}

TEST_CASE("unknown style: message, position and did-you-mean", "[layout][errors]") {
    auto d = only_error(with_prelude("    <text style=\"kop1\">Hallo</text>"));
    check(d, 5, 11, "unknown style 'kop1'", "did you mean 'kop-1'?");
}

TEST_CASE("unknown colour: message, position and did-you-mean", "[layout][errors]") {
    auto d = only_error(with_prelude("    <rule thickness=\"1pt\" color=\"gren\"/>"));
    check(d, 5, 27, "unknown colour 'gren'", "did you mean 'green'?");
}

TEST_CASE("malformed hex colour", "[layout][errors]") {
    auto d = only_error(with_prelude("    <rule color=\"#12345\"/>"));
    check(d, 5, 11, "invalid value '#12345' for attribute 'color'",
          "expected #rgb, #rrggbb, #rrggbbaa or a palette name");
}

TEST_CASE("bad length: message, position and the unit meant", "[layout][errors]") {
    auto d = only_error(with_prelude("    <spacer height=\"12mn\"/>"));
    check(d, 5, 13, "invalid value '12mn' for attribute 'height'",
          "did you mean '12mm'? (expected a length such as 12mm, 1.5cm, 10pt or 1in (a bare "
          "number is points))");
    auto unrelated = only_error(with_prelude("    <spacer height=\"veel\"/>"));
    check(unrelated, 5, 13, "invalid value 'veel' for attribute 'height'",
          "expected a length such as 12mm, 1.5cm, 10pt or 1in (a bare number is points)");
}

TEST_CASE("a fraction is no font size", "[layout][errors]") {
    auto d = only_error(
        "<layout><styles><style name=\"body\" size=\"2fr\"/></styles>"
        "<document/></layout>");
    check(d, 1, 36, "invalid value '2fr' for attribute 'size'",
          "expected a length such as 12mm, 10pt or 1in, or a percentage such as 50%");
}

TEST_CASE("bad enum value suggests the word meant", "[layout][errors]") {
    auto d = only_error(with_prelude("    <text align=\"centre\">x</text>"));
    check(d, 5, 11, "invalid value 'centre' for attribute 'align'", "did you mean 'center'?");
}

TEST_CASE("base cycle", "[layout][errors]") {
    auto d = only_error(R"(<layout>
  <styles>
    <style name="a" base="c"/>
    <style name="b" base="a"/>
    <style name="c" base="b"/>
  </styles>
  <document/>
</layout>)");
    check(d, 4, 21, "base cycle: a \u2192 c \u2192 b \u2192 a",
          "a style cannot inherit from itself; remove one of these base= attributes");
}

TEST_CASE("a style based on itself", "[layout][errors]") {
    auto d =
        only_error("<layout><styles><style name=\"a\" base=\"a\"/></styles><document/></layout>");
    check(d, 1, 33, "base cycle: a \u2192 a",
          "a style cannot inherit from itself; remove one of these base= attributes");
}

TEST_CASE("unknown base style", "[layout][errors]") {
    auto d = only_error(
        "<layout><styles><style name=\"body\"/><style name=\"h\" base=\"bdy\"/></styles>"
        "<document/></layout>");
    check(d, 1, 53, "unknown style 'bdy'", "did you mean 'body'?");
}

TEST_CASE("element in the wrong place lists what is allowed", "[layout][errors]") {
    auto d = only_error("<layout><palette><style name=\"x\"/></palette><document/></layout>");
    check(d, 1, 18, "<style> is not allowed inside <palette>", "allowed inside <palette>: color");
}

TEST_CASE("missing required attribute", "[layout][errors]") {
    auto d = only_error("<layout><palette><color name=\"x\"/></palette><document/></layout>");
    check(d, 1, 18, "missing required attribute 'value' on <color>",
          "value: #rgb, #rrggbb or #rrggbbaa");
}

TEST_CASE("unknown page master and component", "[layout][errors]") {
    auto master = only_error(
        "<layout><page-master name=\"a4\"/><document page-master=\"a5\"/>"
        "</layout>");
    check(master, 1, 43, "unknown page master 'a5'", "did you mean 'a4'?");
    auto component = only_error(with_prelude("    <use component=\"postits\"/>"));
    check(component, 5, 10, "unknown component 'postits'", "this layout declares no components");
}

TEST_CASE("expressions are not allowed where values are fixed", "[layout][errors]") {
    auto d = only_error(
        "<layout><styles><style name=\"b\" size=\"{{s}}\"/></styles><document/>"
        "</layout>");
    check(d, 1, 33, "expressions are not allowed in <style>",
          "the attributes of <style> are fixed when the layout is read, before any data");
}

TEST_CASE("unterminated expression in text", "[layout][errors]") {
    auto d = only_error(with_prelude("    <text>Hallo {{name</text>"));
    check(d, 5, 11, "unterminated expression '{{name'", "close it with }}");
}

TEST_CASE("text outside a text element", "[layout][errors]") {
    auto d = only_error(with_prelude("    Hallo"));
    check(d, 5, 5, "text is not allowed directly inside <document>",
          "put text in a <text> element");
}

TEST_CASE("else without if", "[layout][errors]") {
    auto d = only_error(with_prelude("    <text>x</text><else/>"));
    check(d, 5, 19, "<else> must directly follow an <if>",
          "put the <else> right after the </if> it belongs to");
}

TEST_CASE("duplicates are reported with the first definition", "[layout][errors]") {
    auto d = only_error(
        "<layout><styles><style name=\"b\"/>\n<style name=\"b\"/></styles>"
        "<document/></layout>");
    check(d, 2, 8, "duplicate style 'b'", "the first is at t.xml:1:17");
}

TEST_CASE("a layout needs a document, and only one", "[layout][errors]") {
    check(only_error("<layout/>"), 1, 1, "<layout> needs a <document> element",
          "The flow content of the document; a card deck has <cards> instead.");
    check(only_error("<layout><document/>\n<document/></layout>"), 2, 1,
          "<document> may appear only once inside <layout>", "");
}

TEST_CASE("XML syntax errors give the line and tinyxml2's detail", "[layout][errors]") {
    auto d = only_error("<layout>\n<document>\n<text>x</txet>\n</document></layout>");
    CHECK(d.loc.line == 3);
    CHECK(d.message ==
          "XML syntax error: an element is not closed properly "
          "(XMLElement name=text)");
    auto empty = only_error("");
    CHECK(empty.message == "XML syntax error: the layout is empty");
}

TEST_CASE("the root must be layout", "[layout][errors]") {
    check(only_error("<layuot/>"), 1, 1, "the root element must be <layout>, not <layuot>",
          "a layout file starts with <layout name=\"...\">");
}

TEST_CASE("a missing file is an error, not a crash", "[layout][errors]") {
    Diagnostics diags;
    CHECK_FALSE(load_layout("/nonexistent/x.xml", diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].message == "layout file not found: '/nonexistent/x.xml'");
}

TEST_CASE("all errors in one file are reported, in order", "[layout][errors]") {
    Diagnostics diags;
    auto layout = load_layout(DRUKWERK_SOURCE_ROOT "/tests/fixtures/layout/many-errors.xml", diags);
    CHECK_FALSE(layout);
    std::vector<std::string> expected{
        ":4:5: error: unknown element <colr>",
        ":4:5: note: did you mean <color>?",
        ":7:24: error: unknown attribute 'sise' on <style>",
        ":7:24: note: did you mean 'size'?",
        ":8:37: error: invalid value '12qq' for attribute 'size'",
        ":8:37: note: expected a length such as 12mm, 10pt or 1in, or a percentage such as 50%",
        ":11:11: error: unknown style 'kop1'",
        ":11:11: note: did you mean 'kop-1'?",
        ":11:24: error: unknown colour 'gren'",
        ":11:24: note: did you mean 'green'?",
    };
    std::string out = printed(diags);
    INFO(out);
    std::istringstream lines(out);
    std::string line;
    size_t i = 0;
    while (std::getline(lines, line)) {
        REQUIRE(i < expected.size());
        CHECK(line.ends_with(expected[i++]));
    }
    CHECK(i == expected.size());
}

TEST_CASE("entities XML does not define are errors with their fix", "[layout][entities]") {
    dw::Diagnostics diags;
    const std::string xml = "<layout>\n  <!-- &copy; in a comment --><![CDATA[&x;]]>\n"
                            "  <t a=\"&amp;&#160;&nbsp;\">&eacute; &XXE; &lt;</t>\n</layout>\n";
    CHECK(dw::layout::report_undefined_entities(xml, "l.xml", diags));
    REQUIRE(diags.all().size() == 3);
    CHECK(dw::format_diagnostic(diags.all()[0]) ==
          "l.xml:3:20: error: XML does not define the entity '&nbsp;'\n"
          "l.xml:3:20: note: write &#160; instead (XML knows only &amp; &lt; &gt; &quot; &apos;)\n");
    CHECK(diags.all()[1].hint.find("write &#233; or the character 'é' itself") == 0);
    CHECK(diags.all()[2].loc.col == 37);
    CHECK(diags.all()[2].hint.find("write the character itself or its number") != std::string::npos);
}

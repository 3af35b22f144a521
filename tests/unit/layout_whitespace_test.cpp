#include <catch2/catch.hpp>
#include <sstream>

#include "layout/layout_reader.h"

using namespace dw;
using namespace dw::layout;

namespace {

// The inline content of the first element in <document> as a compact string: text in quotes,
// elements as name[...].
std::string shape(const Node& node) {
    std::string s;
    for (const auto& child : node.children) {
        if (!s.empty()) s += ' ';
        s += child.element == "#text" ? "'" + child.text + "'"
                                      : child.element + "[" + shape(child) + "]";
    }
    return s;
}

Node first_block(const std::string& inner) {
    Diagnostics diags;
    auto layout =
        parse_layout("<layout><document>" + inner + "</document></layout>", "t.xml", diags);
    std::ostringstream out;
    diags.print(out);
    INFO(out.str());
    REQUIRE(layout);
    REQUIRE(!layout->document.children.empty());
    return layout->document.children[0];
}

std::string inline_shape(const std::string& inner) { return shape(first_block(inner)); }

}  // namespace

TEST_CASE("mixed content keeps the spaces between words and tags", "[layout][whitespace]") {
    CHECK(inline_shape("<text>Pagina <b>{{page}}</b> van {{pages}}</text>") ==
          "'Pagina ' b['{{page}}'] ' van {{pages}}'");
}

TEST_CASE("whitespace runs collapse and the block is trimmed", "[layout][whitespace]") {
    CHECK(inline_shape("<text>\n    Hallo\n\t  wereld   \n</text>") == "'Hallo wereld'");
}

TEST_CASE("a space between two tags survives", "[layout][whitespace]") {
    CHECK(inline_shape("<text><b>a</b> <i>b</i></text>") == "b['a'] ' ' i['b']");
    CHECK(inline_shape("<text><b>a</b>\n  <i>b</i></text>") == "b['a'] ' ' i['b']");
    CHECK(inline_shape("<text><b>a</b><i>b</i></text>") == "b['a'] i['b']");
}

TEST_CASE("a space is not doubled across a tag boundary", "[layout][whitespace]") {
    CHECK(inline_shape("<text>a <b> b</b></text>") == "'a ' b['b']");
    CHECK(inline_shape("<text> <b> a </b> </text>") == "b['a']");
}

TEST_CASE("line breaks eat the spaces around them", "[layout][whitespace]") {
    CHECK(inline_shape("<text>eerste <br/> tweede</text>") == "'eerste' br[] 'tweede'");
}

TEST_CASE("non-breaking spaces and entities are content", "[layout][whitespace]") {
    CHECK(inline_shape("<text>10\u00a0mm &amp; <![CDATA[<b>]]></text>") == "'10\u00a0mm & ' '<b>'");
}

TEST_CASE("text pieces know where they start", "[layout][whitespace]") {
    Node text = first_block("<text>\n  Pagina <b>{{page}}</b> van</text>");
    REQUIRE(text.children.size() == 3);
    CHECK(text.children[0].loc.line == 2);
    CHECK(text.children[0].loc.col == 3);
    CHECK(text.children[2].loc.line == 2);
    CHECK(text.children[2].loc.col == 26);  // the first character that is not a space
}

TEST_CASE("blocks outside inline content hold no text nodes", "[layout][whitespace]") {
    Node box = first_block("<box>\n  <text>a</text>\n  <text>b</text>\n</box>");
    REQUIRE(box.children.size() == 2);
    CHECK(box.children[0].element == "text");
    CHECK(box.children[1].element == "text");
}

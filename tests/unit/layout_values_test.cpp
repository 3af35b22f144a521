#include <catch2/catch.hpp>

#include "layout/color.h"
#include "layout/schema.h"
#include "layout/value_check.h"
#include "layout/value_parse.h"

using namespace dw;
using namespace dw::layout;

TEST_CASE("parse_color reads hex forms and palette names", "[layout][values]") {
    std::map<std::string, Color> palette{{"green", Color{0, 0.5, 0, 1}}};
    CHECK(parse_color("#fff", palette) == Color{1, 1, 1, 1});
    CHECK(parse_color("#FF0000", palette) == Color{1, 0, 0, 1});
    CHECK(parse_color("#00000000", palette) == Color{0, 0, 0, 0});
    CHECK(parse_color("green", palette) == Color{0, 0.5, 0, 1});
    CHECK_FALSE(parse_color("gren", palette));
    CHECK_FALSE(parse_color("#12345", palette));
    CHECK_FALSE(parse_color("#ggg", palette));
    CHECK_FALSE(parse_color("", palette));
}

TEST_CASE("font weights by number and by name", "[layout][values]") {
    CHECK(parse_font_weight("bold") == 700);
    CHECK(parse_font_weight("Semibold") == 600);
    CHECK(parse_font_weight("black") == 900);
    CHECK(parse_font_weight("300") == 300);
    CHECK_FALSE(parse_font_weight("950"));
    CHECK_FALSE(parse_font_weight("bolder"));
}

TEST_CASE("box lengths expand in CSS margin order", "[layout][values]") {
    auto one = parse_box_lengths("10mm");
    REQUIRE(one);
    CHECK((*one)[3].value == 10);
    auto two = parse_box_lengths("1pt 2pt");
    REQUIRE(two);
    CHECK((*two)[0].value == 1);
    CHECK((*two)[1].value == 2);
    CHECK((*two)[2].value == 1);
    CHECK((*two)[3].value == 2);
    auto three = parse_box_lengths("1 2 3");
    REQUIRE(three);
    CHECK((*three)[2].value == 3);
    CHECK((*three)[3].value == 2);
    CHECK_FALSE(parse_box_lengths("1 2 3 4 5"));
    CHECK_FALSE(parse_box_lengths("10%"));
    CHECK_FALSE(parse_box_lengths(""));
}

TEST_CASE("page sizes by name and by measure", "[layout][values]") {
    auto a5 = parse_page_size("a5");
    REQUIRE(a5);
    CHECK(a5->width.to_pt() == Approx(148 * 72 / 25.4));
    auto letter = parse_page_size("Letter");
    REQUIRE(letter);
    CHECK(letter->height.to_pt() == 792);
    auto card = parse_page_size("63mm 88mm");
    REQUIRE(card);
    CHECK(card->height.value == 88);
    CHECK_FALSE(parse_page_size("A8"));
    CHECK_FALSE(parse_page_size("63mm"));
    CHECK_FALSE(parse_page_size("50% 50%"));
}

TEST_CASE("line heights as multiplier or length", "[layout][values]") {
    CHECK(std::get<double>(*parse_line_height("1.4")) == Approx(1.4));
    CHECK(std::get<double>(*parse_line_height("140%")) == Approx(1.4));
    CHECK(std::get<Length>(*parse_line_height("14pt")).value == 14);
    CHECK_FALSE(parse_line_height("0"));
    CHECK_FALSE(parse_line_height("2fr"));
}

TEST_CASE("names, paths and filters", "[layout][values]") {
    CHECK(is_name("kop-1"));
    CHECK(is_name("één"));
    CHECK_FALSE(is_name("1st"));
    CHECK_FALSE(is_name("a b"));
    CHECK(is_data_path("project.phases.0.name"));
    CHECK_FALSE(is_data_path("project..phases"));
    CHECK_FALSE(is_data_path(""));
    auto filter = parse_filter("status != done");
    REQUIRE(filter);
    CHECK(filter->field == "status");
    CHECK(filter->negated);
    CHECK(filter->value == "done");
    auto equals = parse_filter("theme=2");
    REQUIRE(equals);
    CHECK_FALSE(equals->negated);
    CHECK_FALSE(parse_filter("theme"));
}

TEST_CASE("expressions must be closed and non-empty", "[layout][values]") {
    CHECK_FALSE(check_expressions("{{a}} en {{b | upper}}"));
    CHECK_FALSE(check_expressions("geen expressie }}"));
    CHECK(check_expressions("{{a} en")->message == "unterminated expression '{{a} en'");
    CHECK(check_expressions("{{a {{b}}"));
    CHECK(check_expressions("{{ }}")->message == "empty expression '{{}}'");
}

TEST_CASE("value checks follow the declared type", "[layout][values]") {
    const ElementSpec& column = *find_element("column");
    const AttrSpec& width = *find_attribute(column, "width");
    CHECK_FALSE(check_value(width, "2fr"));
    CHECK_FALSE(check_value(width, "40%"));
    CHECK_FALSE(check_value(width, "40mm"));
    const AttrSpec& bookmark = *find_attribute(*find_element("text"), "bookmark");
    CHECK_FALSE(check_value(bookmark, "3"));
    CHECK(check_value(bookmark, "4")->hint == "expected a whole number 1..3");
    const AttrSpec& src = *find_attribute(*find_element("image"), "src");
    CHECK(check_value(src, "logo.gif"));
    CHECK_FALSE(check_value(src, "logo.SVG"));
}

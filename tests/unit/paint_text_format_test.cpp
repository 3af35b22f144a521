#include <catch2/catch.hpp>
#include <cmath>

#include "paint/pdf_attributes.h"
#include "paint/svg_ids.h"
#include "paint/text_format.h"

using namespace dw;
using namespace dw::paint;

TEST_CASE("numbers get fixed decimals without a negative zero", "[paint][format]") {
    CHECK(fixed(595.276) == "595.28");
    CHECK(fixed(841.89, 0) == "842");
    CHECK(fixed(-0.001) == "0.00");
    CHECK(fixed(-1.005, 1) == "-1.0");
    CHECK(fixed(NAN) == "nan");
}

TEST_CASE("colours are #rrggbb, with alpha only when not opaque", "[paint][format]") {
    CHECK(hex_color({1, 0, 0, 1}) == "#ff0000");
    CHECK(hex_color({0, 0, 0, 0.5}) == "#00000080");
    CHECK(hex_color({2, -1, NAN, 1}) == "#ff0000");  // out of range is clamped, NaN is 0
}

TEST_CASE("quoted text escapes quotes, backslashes and control characters", "[paint][format]") {
    CHECK(quoted_text("a\"b\\c") == R"("a\"b\\c")");
    CHECK(quoted_text("x\ny\x01") == R"("x\ny\x01")");
    CHECK(quoted_text("café") == "\"café\"");
}

TEST_CASE("UTF-8 check rejects what Cairo rejects", "[paint][format]") {
    CHECK(is_valid_utf8("Hallo, coördinatie 🎉"));
    CHECK(is_valid_utf8(""));
    CHECK_FALSE(is_valid_utf8("\xc3"));              // truncated
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("ab\xff"));
}

TEST_CASE("link attributes escape quotes and make URIs ASCII", "[paint][attributes]") {
    typeset::Link link{
        {{10, 20, 30, 40}, {0, 0, 0, 5}, {1, 2, 3, 4}}, "https://x.org/o'brien\\ café", ""};
    CHECK(link_attributes(link) == R"(uri='https://x.org/o\'brien\\%20caf%C3%A9' )"
                                   R"(rect=[10.000 20.000 30.000 40.000 1.000 2.000 3.000 4.000])");
    CHECK(has_drawable_rect(link));
    typeset::Link internal{{{1, 2, 3, 4}}, "", "sectie-'2'"};
    CHECK(link_attributes(internal) == R"(dest='sectie-\'2\'' rect=[1.000 2.000 3.000 4.000])");
    typeset::Link empty{{{0, 0, 0, 0}, {NAN, 0, 1, 1}}, "https://x.org", ""};
    CHECK_FALSE(has_drawable_rect(empty));
}

TEST_CASE("destination and outline attributes", "[paint][attributes]") {
    CHECK(dest_attributes({"a'b", 1.5, NAN}) == R"(name='a\'b' x=1.500 y=0.000)");
    CHECK(outline_link_attributes("top") == "dest='top'");
}

TEST_CASE("metadata dates are ISO 8601 as Cairo reads them", "[paint][attributes]") {
    CHECK(is_pdf_metadata_date("2024-11-12T00:00:00Z"));
    CHECK(is_pdf_metadata_date("2024-11-12T09:30:00"));
    CHECK(is_pdf_metadata_date("2024-11-12T09:30:00+01:00"));
    CHECK_FALSE(is_pdf_metadata_date("2024-11-12"));
    CHECK_FALSE(is_pdf_metadata_date("12-11-2024T00:00:00Z"));
    CHECK_FALSE(is_pdf_metadata_date("2024-11-12T00:00:00 CET"));
}

TEST_CASE("structure tag names", "[paint][attributes]") {
    CHECK(is_structure_tag_name("H1"));
    CHECK(is_structure_tag_name("LBody"));
    CHECK_FALSE(is_structure_tag_name(""));
    CHECK_FALSE(is_structure_tag_name("Link"));
    CHECK_FALSE(is_structure_tag_name("cairo.dest"));
    CHECK_FALSE(is_structure_tag_name("a b"));
    CHECK_FALSE(is_structure_tag_name("Kop"));  // not a standard type: Cairo would fail
    CHECK_FALSE(is_structure_tag_name("h1"));
}

TEST_CASE("SVG ids from Cairo's global counters are renumbered per document", "[paint][svg]") {
    CHECK(
        renumber_svg_ids(R"(<g id="surface295"><image id="image299"/><use xlink:href="#image299"/>)"
                         R"(<use xlink:href="#image301"/><use xlink:href="#glyph0-1"/></g>)") ==
        R"(<g id="surface1"><image id="image1"/><use xlink:href="#image1"/>)"
        R"(<use xlink:href="#image2"/><use xlink:href="#glyph0-1"/></g>)");
    CHECK(renumber_svg_ids("#surface id=\"imagex\" #image") == "#surface id=\"imagex\" #image");
}

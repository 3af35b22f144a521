#include <catch2/catch.hpp>

#include "bind/card_binder.h"
#include "layout/layout_reader.h"

using namespace dw;

namespace {

layout::Node face(const std::string& inner) {
    Diagnostics diags;
    auto l = layout::parse_layout("<layout><cards><front>" + inner + "</front></cards></layout>",
                                  "t.xml", diags);
    REQUIRE(l);
    REQUIRE(l->cards);
    return l->cards->front;
}

}  // namespace

TEST_CASE("a face that shows only its theme is recognised, conservatively", "[bind][cards]") {
    CHECK(bind::face_uses_only(face("<box fill=\"{{theme.color}}\"><text>{{ theme.name | upper }}"
                                    "</text></box>"),
                               "theme"));
    CHECK(bind::face_uses_only(face("<if test=\"theme.icon\"><image src=\"{{theme.icon}}\"/></if>"),
                               "theme"));
    CHECK_FALSE(bind::face_uses_only(face("<text>{{theme.name}} {{titel}}</text>"), "theme"));
    CHECK_FALSE(bind::face_uses_only(face("<if test=\"plaats\"><text>x</text></if>"), "theme"));
    CHECK_FALSE(bind::face_uses_only(face("<box fill=\"{{kleur}}\"/>"), "theme"));
}

// Every length-valued attribute of the layout language has a range, and a value outside it is
// a problem that names the range in the unit it was written in.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "layout/length_range.h"
#include "layout/schema.h"
#include "layout/value_check.h"

namespace {

using namespace dw::layout;

const AttrSpec& attribute(const std::string& element, const std::string& name) {
    for (const ElementSpec& e : schema()) {
        if (e.name != element) continue;
        for (const AttrSpec& a : e.attributes)
            if (a.name == name) return a;
    }
    FAIL("no attribute " << name << " on <" << element << ">");
    throw;
}

std::string problem(const std::string& element, const std::string& name, const std::string& value) {
    auto p = check_value(attribute(element, name), value);
    return p ? p->message + " | " + p->hint : "";
}

bool is_length_type(AttrType t) {
    return t == AttrType::Length || t == AttrType::LengthOrPercent || t == AttrType::Extent ||
           t == AttrType::Lengths || t == AttrType::PageSize || t == AttrType::LineHeight;
}

}  // namespace

TEST_CASE("lengths in range pass, negative and absurd ones name their range", "[layout][range]") {
    CHECK(problem("style", "size", "12pt").empty());
    CHECK(problem("style", "size", "120%").empty());
    CHECK(problem("style", "size", "10000pt") ==
          "'10000pt' is out of range for attribute 'size' | allowed: from 1pt to 1000pt");
    CHECK(problem("style", "size", "0.1mm") ==
          "'0.1mm' is out of range for attribute 'size' | allowed: from 0.35mm to 352.78mm");
    CHECK(problem("page-master", "margin", "10mm 5mm").empty());
    CHECK(problem("page-master", "margin", "10mm -5mm") ==
          "'10mm -5mm' is out of range for attribute 'margin' | allowed: from 0mm to 5080mm");
    CHECK(problem("page-master", "size", "2000in 10in") ==
          "'2000in 10in' is out of range for attribute 'size' | allowed: from 0.04in to 200in");
    CHECK(problem("spacer", "height", "-1pt") ==
          "'-1pt' is out of range for attribute 'height' | allowed: from 0pt to 14400pt");
    CHECK(problem("rule", "width", "100%").empty());
    CHECK(problem("rule", "width", "101%") ==
          "'101%' is out of range for attribute 'width' | allowed: from 0% to 100%");
    CHECK(problem("style", "letter-spacing", "-0.5pt").empty());
    CHECK(problem("style", "letter-spacing", "-80%") ==
          "'-80%' is out of range for attribute 'letter-spacing' | allowed: from -50% to 100%");
    CHECK(problem("sheet", "back-offset-x", "-2mm").empty());
    CHECK(problem("sheet", "back-offset-x", "60mm") ==
          "'60mm' is out of range for attribute 'back-offset-x' | allowed: from -50mm to 50mm");
    CHECK(problem("style", "line-height", "1.4").empty());
    CHECK(problem("style", "line-height", "14pt").empty());
    CHECK(problem("style", "line-height", "2000pt") ==
          "'2000pt' is out of range for attribute 'line-height' | allowed: from 1pt to 1000pt");
    CHECK(problem("style", "line-height", "20") ==
          "'20' is out of range for attribute 'line-height' | allowed: a multiple of the size from "
          "0.1 to 10, or a length");
    CHECK(problem("column", "width", "2fr").empty());
    CHECK(problem("column", "width", "0fr") ==
          "'0fr' is out of range for attribute 'width' | allowed: a share larger than 0fr, up to "
          "1000fr");
}

TEST_CASE(
    "every length-valued attribute rejects a negative value unless it is a correction or a hanging "
    "indent",
    "[layout][range]") {
    const std::set<std::string> may_be_negative = {"letter-spacing", "back-offset-x",
                                                   "back-offset-y", "indent"};
    for (const ElementSpec& e : schema()) {
        for (const AttrSpec& a : e.attributes) {
            if (!is_length_type(a.type)) continue;
            INFO("<" << e.name << " " << a.name << ">");
            const std::string negative = a.type == AttrType::PageSize ? "-10mm 10mm" : "-1mm";
            CHECK(check_value(a, negative).has_value() != bool(may_be_negative.count(a.name)));
            const std::string huge = a.type == AttrType::PageSize ? "10000mm 10mm" : "10000mm";
            CHECK(check_value(a, huge).has_value());
        }
    }
}

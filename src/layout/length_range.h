#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "layout/schema.h"
#include "layout/value_check.h"

namespace dw::layout {

// Every length a layout writes lies within a range, checked where it is written, so that a
// negative margin or a 10000pt font is an error at its attribute rather than pages of nothing.
// No length may exceed the largest page PDF allows (14,400 units: 200 in), nor a page be smaller
// than the smallest (3 units). An attribute narrows that range in the schema table (min and max
// in points, min_percent and max_percent).
inline constexpr double kLargestLengthPt = 14400;
inline constexpr double kSmallestPagePt = 3;

struct LengthRange {
    double min_pt = 0, max_pt = kLargestLengthPt;
    double min_percent = 0, max_percent = 100;
};

// The range of a length-valued attribute (its schema entry, else the default).
LengthRange length_range(const AttrSpec& attr);

// A well-formed value of a length-valued attribute outside its range: the problem names the
// range in the unit the value was written in. nullopt when in range or not a length type.
std::optional<ValueProblem> check_length_range(const AttrSpec& attr, std::string_view value);

}  // namespace dw::layout

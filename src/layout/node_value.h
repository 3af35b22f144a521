#pragma once
#include <array>
#include <string_view>
#include <variant>

#include "layout/color.h"
#include "layout/length.h"
#include "layout/schema.h"

namespace dw::layout {

// An attribute value without {{expressions}} converted, when the layout is read, to the type its
// schema entry declares: a card template's lengths, paddings and colours (most of them defaults)
// are the same for every card, and converting them again for each card was a large share of
// binding it. monostate when the type is text (names, choices, paths...) or the value does not
// convert: the binder then converts the text itself and reports the problem where it is written.
// Colours are hex colours only, as palette names are known once the whole layout is read.
// Each conversion is the one the binder would make (parse_length, parse_box_lengths,
// parse_number, parse_bool, parse_hex_color), so a converted value is exactly what it would get.
using StaticValue =
    std::variant<std::monostate, Length, std::array<Length, 4>, double, bool, Color>;

StaticValue convert_static_value(const AttrSpec& attr, std::string_view text);

// The schema default of `attr` converted as above; from a table made once for the layout
// language (immutable afterwards, so safe to share between threads).
const StaticValue& converted_default(const AttrSpec& attr);

}  // namespace dw::layout

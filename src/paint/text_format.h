#pragma once
#include <string>
#include <string_view>

#include "layout/color.h"

// Locale-independent text for numbers, colours and strings. printf would write "1,50" under a
// Dutch LC_NUMERIC; std::to_chars never does, so logs and PDF attributes stay the same everywhere.
namespace dw::paint {

// `value` with a fixed number of decimals; "-0.00" becomes "0.00".
std::string fixed(double value, int decimals = 2);

// "#rrggbb", or "#rrggbbaa" when the colour is not opaque.
std::string hex_color(const Color& c);

// `s` in double quotes, with \" \\ and control characters escaped (\n, \xNN).
std::string quoted_text(std::string_view s);

bool is_valid_utf8(std::string_view s);

}  // namespace dw::paint

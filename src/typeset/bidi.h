#pragma once
#include <string_view>

namespace dw::typeset {

// Whether a paragraph is right-to-left: its first strong character, outside isolates, is
// Arabic, Hebrew or another right-to-left letter (Unicode bidi rules P2 and P3).
bool starts_right_to_left(std::string_view text);

}  // namespace dw::typeset

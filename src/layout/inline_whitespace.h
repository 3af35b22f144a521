#pragma once
#include "layout/layout.h"

namespace dw::layout {

// Applies XML/HTML whitespace rules to the inline content of a block element such as <text>:
// every run of spaces, tabs and line breaks in "#text" children becomes one space, also across
// inline elements (`a <b> b</b>` keeps one space); whitespace at the start and end of the block
// and around <br> disappears, and "#text" nodes left empty are removed. Non-breaking spaces
// (U+00A0) are content and stay.
void normalise_inline_whitespace(Node& block);

}  // namespace dw::layout

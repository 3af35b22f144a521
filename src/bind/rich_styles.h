#pragma once
// The styles a <richtext> sets its Markdown blocks in; shared by the rich text binders
// (richtext_binder.cpp, footnote_binder.cpp).
#include <optional>
#include <string>

#include "bind/binder_internal.h"

namespace dw::bind {

struct Binder::RichStyles {
    layout::Style h[3], paragraph, bullet[3], numbered, task, quote, table, table_header, code;
    layout::Style caption;
    std::optional<Color> link_color;
    int bookmark_levels = 2;
    std::string continued;
    layout::Style continued_style;
    std::optional<Length> table_width;
    layout::Style footnote;
    int footnote_base = 0;  // the document's number of this text's note 1, minus one
};

}  // namespace dw::bind

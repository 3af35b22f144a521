#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "diag/source_loc.h"

namespace dw::layout {

// A text of the layout with {{expressions}}, split into its parts once, when the layout is read:
// a card deck binds the same template for every card, and finding the braces and working out
// where each part starts was a large share of that work.
struct TemplatePart {
    enum class Kind {
        Literal,     // text as written
        Expression,  // what stands between "{{" and "}}", untrimmed
        Unclosed,    // a "{{" without "}}": binding reports it; nothing follows this part
    };
    Kind kind = Kind::Literal;
    std::string text;
    SourceLoc loc;  // the literal's first character, or the expression's "{{"
};

using TextTemplate = std::vector<TemplatePart>;

// Splits `text`, which starts at `loc`. A part's column is `loc`'s plus its byte offset, as long
// as no line break comes before it (after one, the part keeps `loc`).
TextTemplate split_template(std::string_view text, const SourceLoc& loc);

// Where the value of an attribute written at `attribute_loc` starts: after `name="`.
SourceLoc attribute_value_loc(const SourceLoc& attribute_loc, std::string_view name);

}  // namespace dw::layout

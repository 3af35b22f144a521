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

// Where a whitespace-collapsed text continues in its source: from byte `offset` of the collapsed
// text on, the text stands at `line`:`col` of the file. Collapsing records one after each run of
// whitespace it shortened or that held a line break (see inline_whitespace.h).
struct TextAnchor {
    size_t offset = 0;
    int line = 0;
    int col = 0;
};

// Splits `text`, which starts at `loc`. A part's column is `loc`'s plus its byte offset, counted
// from the last anchor before it when there is one; without anchors, a part after a line break
// keeps `loc`.
TextTemplate split_template(std::string_view text, const SourceLoc& loc,
                            const std::vector<TextAnchor>& anchors = {});

// Where the value of an attribute written at `attribute_loc` starts: after `name="`.
SourceLoc attribute_value_loc(const SourceLoc& attribute_loc, std::string_view name);

}  // namespace dw::layout

#include "layout/node_template.h"

namespace dw::layout {
namespace {

SourceLoc offset_loc(const SourceLoc& loc, std::string_view text, size_t offset,
                     const std::vector<TextAnchor>& anchors) {
    SourceLoc at = loc;
    const TextAnchor* last = nullptr;
    for (const TextAnchor& anchor : anchors) {
        if (anchor.offset > offset) break;
        last = &anchor;
    }
    if (last) {
        at.line = last->line;
        at.col = last->col + int(offset - last->offset);
        return at;
    }
    std::string_view before = text.substr(0, offset);
    if (before.find('\n') == std::string_view::npos && at.col > 0) at.col += int(offset);
    return at;
}

// An upper bound of the expressions in `text`: its "{{"s.
size_t expression_count(std::string_view text) {
    size_t count = 0;
    for (size_t open = text.find("{{"); open != std::string_view::npos;
         open = text.find("{{", open + 2))
        ++count;
    return count;
}

}  // namespace

TextTemplate split_template(std::string_view text, const SourceLoc& loc,
                            const std::vector<TextAnchor>& anchors) {
    using Kind = TemplatePart::Kind;
    TextTemplate parts;
    parts.reserve(2 * expression_count(text) + 1);
    size_t pos = 0;
    while (pos < text.size()) {
        size_t open = text.find("{{", pos);
        if (open == std::string_view::npos) {
            parts.push_back(
                {Kind::Literal, std::string(text.substr(pos)), offset_loc(loc, text, pos, anchors)});
            break;
        }
        if (open > pos)
            parts.push_back({Kind::Literal, std::string(text.substr(pos, open - pos)),
                             offset_loc(loc, text, pos, anchors)});
        size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) {
            parts.push_back({Kind::Unclosed, std::string(), offset_loc(loc, text, open, anchors)});
            break;
        }
        parts.push_back({Kind::Expression, std::string(text.substr(open + 2, close - open - 2)),
                         offset_loc(loc, text, open, anchors)});
        pos = close + 2;
    }
    return parts;
}

SourceLoc attribute_value_loc(const SourceLoc& attribute_loc, std::string_view name) {
    SourceLoc value_loc = attribute_loc;
    if (value_loc.col > 0) value_loc.col += int(name.size()) + 2;
    return value_loc;
}

}  // namespace dw::layout

#include "data/rich_text.h"

namespace dw::data {

namespace {

void append_plain(const std::vector<Inline>& inlines, std::string& out) {
    for (const auto& in : inlines) {
        switch (in.kind) {
            case Inline::Kind::Text:
            case Inline::Kind::Code:
                out += in.text;
                break;
            case Inline::Kind::SoftBreak:
                out += ' ';
                break;  // a soft break is a space
            case Inline::Kind::LineBreak:
                out += '\n';
                break;
            default:
                append_plain(in.children, out);
                break;
        }
    }
}

}  // namespace

std::string plain_text(const std::vector<Inline>& inlines) {
    std::string out;
    append_plain(inlines, out);
    return out;
}

}  // namespace dw::data

#include "layout/inline_whitespace.h"

#include <algorithm>

namespace dw::layout {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// One entry per "#text" node or <br>, in reading order.
struct InlinePiece {
    Node* text = nullptr;  // nullptr for a <br>
};

void flatten(Node& node, std::vector<InlinePiece>& pieces) {
    for (auto& child : node.children) {
        if (child.element == "#text") {
            pieces.push_back({&child});
        } else if (child.element == "br") {
            pieces.push_back({nullptr});
        } else {
            flatten(child, pieces);
        }
    }
}

// Collapses runs; `after_space` carries over between pieces so a run split by a tag still
// yields a single space, and starts true so leading whitespace goes.
std::string collapse(const std::string& text, bool& after_space) {
    std::string out;
    for (char c : text) {
        if (!is_space(c)) {
            out += c;
            after_space = false;
        } else if (!after_space) {
            out += ' ';
            after_space = true;
        }
    }
    return out;
}

// Removes the space that ends each line: before a <br> and at the end of the block. Walking
// backwards, a piece that is empty after trimming passes the duty on to the one before it.
void trim_line_ends(std::vector<InlinePiece>& pieces) {
    bool trim = true;
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
        if (!it->text) {
            trim = true;
            continue;
        }
        std::string& text = it->text->text;
        if (trim && !text.empty() && text.back() == ' ') text.pop_back();
        if (!text.empty()) trim = false;
    }
}

void remove_empty_text(Node& node) {
    auto& kids = node.children;
    kids.erase(std::remove_if(kids.begin(), kids.end(),
                              [](const Node& n) { return n.element == "#text" && n.text.empty(); }),
               kids.end());
    for (auto& child : kids) remove_empty_text(child);
}

}  // namespace

void normalise_inline_whitespace(Node& block) {
    std::vector<InlinePiece> pieces;
    flatten(block, pieces);
    bool after_space = true;
    for (auto& piece : pieces) {
        if (piece.text) {
            piece.text->text = collapse(piece.text->text, after_space);
        } else {
            after_space = true;  // a line starts after <br>: no leading space
        }
    }
    trim_line_ends(pieces);
    remove_empty_text(block);
}

}  // namespace dw::layout

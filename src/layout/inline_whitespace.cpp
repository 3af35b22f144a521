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

// Where the reader is in the source of a "#text" node. Its location is the first character that
// is not whitespace (the reader skips leading whitespace), so the position starts moving there.
struct SourceCursor {
    int line = 0;
    int col = 0;
    bool started = false;

    void pass(char c) {
        if (!started) return;
        if (c == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
};

// Collapses runs of `piece`'s text; `after_space` carries over between pieces so a run split by a
// tag still yields a single space, and starts true so leading whitespace goes. Records an anchor
// after each run that changed length or held a line break, so that positions in the collapsed
// text can be traced back to the file.
void collapse(Node& piece, bool& after_space) {
    std::string out;
    std::vector<TextAnchor> anchors;
    SourceCursor at{piece.loc.line, piece.loc.col, false};
    size_t run_length = 0, run_written = 0;
    bool run_has_newline = false;
    for (char c : piece.text) {
        if (!is_space(c)) {
            const bool first = !at.started;
            at.started = true;
            const bool shortened = run_length != run_written;
            if (piece.loc.line > 0 && (first || run_has_newline || shortened))
                anchors.push_back({out.size(), at.line, at.col});
            out += c;
            after_space = false;
            run_length = run_written = 0;
            run_has_newline = false;
        } else {
            ++run_length;
            run_has_newline = run_has_newline || c == '\n';
            if (!after_space) {
                out += ' ';
                ++run_written;
                after_space = true;
            }
        }
        at.pass(c);
    }
    piece.text = std::move(out);
    piece.text_anchors = std::move(anchors);
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
            collapse(*piece.text, after_space);
        } else {
            after_space = true;  // a line starts after <br>: no leading space
        }
    }
    trim_line_ends(pieces);
    remove_empty_text(block);
}

}  // namespace dw::layout

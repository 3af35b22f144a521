#include "data/line_index.h"

namespace dw::data {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_starts_.push_back(i + 1);
}

int LineIndex::char_column(int line, int byte_col) const {
    if (line < 1 || byte_col < 1 || static_cast<size_t>(line) > line_starts_.size())
        return byte_col;
    size_t start = line_starts_[line - 1];
    size_t end = start + static_cast<size_t>(byte_col - 1);
    if (end > text_.size()) return byte_col;
    int col = 1;
    for (size_t i = start; i < end; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;  // skip continuations
    return col;
}

}  // namespace dw::data

#pragma once
#include <string_view>
#include <vector>

namespace dw::data {

// yaml-cpp and cmark-gfm count columns in bytes; editors count characters. This turns a parser's
// byte column into a character column, so "é" in a Dutch name does not shift the caret.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    // Character column (1-based) of the byte column `byte_col` (1-based) on line `line`
    // (1-based, counted within the indexed text). Out-of-range input is returned unchanged.
    int char_column(int line, int byte_col) const;

private:
    std::string_view text_;
    std::vector<size_t> line_starts_;  // byte offset of each line's first byte
};

}  // namespace dw::data

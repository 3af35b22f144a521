#pragma once
#include <optional>
#include <string_view>

namespace dw::data {

// yaml-cpp 0.7 loops forever, allocating, on a ',' where a document's root node starts or
// after a root-level sequence or scalar (",a", "- x\n,\ny"; found by fuzz_yaml). Such a comma
// is never valid YAML in a data file, so it is found here first and reported. Returns the
// 0-based line and column of the comma.
struct TextPosition {
    int line = 0, col = 0;
};
std::optional<TextPosition> find_root_level_comma(std::string_view yaml);

}  // namespace dw::data

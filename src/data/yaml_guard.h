#pragma once
#include <optional>
#include <string_view>

namespace dw::data {

// yaml-cpp 0.7 loops forever, allocating, on some malformed input: a ',' where a node should
// start outside [ ] and { } (",a", "- x\n,\ny", "!tag,"), found by fuzz_yaml. Its LoadAll then
// produces one empty document after another without consuming the token. This drives the
// parser document by document and reports where it stops making progress: the 0-based line and
// column of the token it is stuck on. nullopt when the text parses, or fails in a normal way.
struct TextPosition {
    int line = 0, col = 0;
};
std::optional<TextPosition> find_parser_stall(std::string_view yaml);

}  // namespace dw::data

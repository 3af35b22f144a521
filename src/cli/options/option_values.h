#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/options/options.h"

namespace dw::cli {

// The option values that are more than a word: each returns false (or nullopt) when `text` is
// not a valid value; the parser words the message.

// A whole decimal number from `min` to `max`.
std::optional<int> parse_whole_number(const std::string& text, int min, int max);
// A number, e.g. "1.5" or "-0.5".
bool parse_number(const std::string& text, double& out);
// "1,3-4" → {1, 3, 4}
bool parse_pages(const std::string& text, std::vector<int>& out);
// "no-print,no-copy" → the matching deny_ flags of `o`.
bool parse_permissions(const std::string& text, Options& o);
// "1.5,-0.5" → millimetres, each from -50 to 50.
std::optional<std::pair<double, double>> parse_back_offset(const std::string& text);

}  // namespace dw::cli

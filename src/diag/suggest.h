#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dw {

// The candidate closest to `word` by edit distance, or "" when none is close enough to be a
// plausible typo. Used for "did you mean" hints everywhere.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'x'?" or, with no close match, "expected one of: a, b, c".
std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace dw

#pragma once
#include <string>
#include <vector>

namespace dw::batch {

// Whether a job's data= is a pattern (`verslag-*.md`: *, ? or [...]) for a collection layout.
bool is_data_pattern(const std::string& path);

// The files a pattern matches, in path order (the render orders them by date); empty when none.
std::vector<std::string> expand_data_pattern(const std::string& pattern);

}  // namespace dw::batch

#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace dw::data {

// A Markdown file cut into its YAML front matter and its body, with the file line each starts on.
struct FrontMatterSplit {
    bool present = false;   // the file starts with a "---" line
    std::string_view yaml;  // between the fences
    int yaml_line = 0;
    std::string_view body;  // after the closing fence (the whole text without front matter)
    int body_line = 1;
};

// Front matter is optional: it starts with a "---" first line and ends at the next "---" or
// "..." line. An opening fence without a closing one is an error (nullopt).
std::optional<FrontMatterSplit> split_front_matter(std::string_view text, const std::string& file,
                                                   Diagnostics& diags);

}  // namespace dw::data

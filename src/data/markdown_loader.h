#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/text_encoding.h"
#include "data/value.h"
#include "diag/diagnostics.h"

namespace dw::data {

// A Markdown file (CommonMark + GFM tables, autolinks, strikethrough, task lists) with optional
// YAML front matter, as a Map: the front matter's fields plus "body", a Rich value holding the
// parsed text. A fenced block named after one of `component_names` (```postits) becomes a
// Component block carrying its YAML as data; any other name is reported as unknown.
// nullopt when the file cannot be read, is not UTF-8 or has unclosed front matter; otherwise a
// value, possibly with errors reported in `diags`.
std::optional<Value> load_markdown_file(const std::string& path,
                                        const std::vector<std::string>& component_names,
                                        Diagnostics& diags,
                                        TextEncoding encoding = TextEncoding::Automatic);

std::optional<Value> parse_markdown(std::string_view text, const std::string& file,
                                    const std::vector<std::string>& component_names,
                                    Diagnostics& diags);

}  // namespace dw::data

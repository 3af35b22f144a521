#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "data/text_encoding.h"
#include "data/value.h"
#include "diag/diagnostics.h"

namespace dw::data {

// Every loader returns nullopt when nothing usable could be read (missing file, invalid UTF-8,
// malformed YAML). Otherwise it returns a value even when it reported errors (e.g. a duplicate
// key), so one run can report every problem: check diags.has_errors() before rendering.

// Loads a whole YAML file (e.g. project data for the blueprint).
std::optional<Value> load_yaml_file(const std::string& path, Diagnostics& diags,
                                    TextEncoding encoding = TextEncoding::Automatic);

// Parses YAML text that starts on line `first_line` of `file`, so YAML embedded in a Markdown
// file reports the outer file's lines. Scalars stay strings as written ("2024-11-12"); null,
// "~" and empty values become Null; maps keep source order.
std::optional<Value> parse_yaml(std::string_view text, const std::string& file, int first_line,
                                Diagnostics& diags);

// As above, for text whose every line starts at column `origin.col` of the file (the YAML of a
// component fenced block indented inside a list item or block quote).
std::optional<Value> parse_yaml(std::string_view text, const SourceLoc& origin, Diagnostics& diags);

}  // namespace dw::data

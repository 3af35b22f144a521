#pragma once
#include <string>

#include "layout/layout.h"

namespace dw::layout {

// What a layout's <data> declaration is turned into for its users. Each expects a layout that
// declares its data (layout.data.declared).

// JSON Schema (draft 2020-12) of the data, for editors: the front matter of a Markdown file, a
// YAML file, or a CSV file's rows; a component's data under $defs.
std::string data_json_schema(const Layout& layout);

// A data file that renders as written and passes `check`: commented Markdown with front
// matter, a CSV header with two example rows, or a commented YAML file.
std::string data_starter_file(const Layout& layout);

// A Markdown page listing the fields (docs/data-NAME.md).
std::string data_reference_markdown(const Layout& layout, const std::string& layout_path);

}  // namespace dw::layout

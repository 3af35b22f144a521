#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"
#include "layout/layout.h"
#include "layout/schema.h"

namespace dw::layout {

// Reads a file of an XML language (layout, manifest) into memory; a missing or unreadable file
// is a diagnostic and nullopt.
std::optional<std::string> read_xml_file(const std::string& path, const XmlLanguage& language,
                                         Diagnostics& diags);

// Parses XML text and checks it against `language`: the template tree, or nullopt after a
// syntax error (one diagnostic, from tinyxml2), a NUL byte, or a wrong root element. Schema
// problems inside are all reported; the elements that break the schema are left out.
std::optional<Node> parse_xml_tree(std::string_view xml, const std::string& file,
                                   const XmlLanguage& language, Diagnostics& diags);

}  // namespace dw::layout

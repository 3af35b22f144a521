#pragma once
#include <string>
#include <string_view>

namespace dw::data {

// A hint for a yaml-cpp parser message, in terms of what the user most likely typed wrong.
std::string yaml_error_hint(std::string_view parser_message);

// Whether the last meaningful line before 0-based line `line` of `text` is a document marker
// ("---" or "..."): tells a deliberate second document from a badly indented line.
bool follows_document_marker(std::string_view text, int line);

}  // namespace dw::data

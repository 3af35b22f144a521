#pragma once
#include <optional>
#include <string>

#include "data/text_encoding.h"
#include "diag/diagnostics.h"

namespace dw::data {

// The bytes of a whole input file, or nullopt after reporting why it cannot be read (missing,
// a directory, no permission), with a "did you mean" hint for a misspelt file name. The bytes
// are returned as they are; the parsers check UTF-8 and strip a BOM themselves.
std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags);

// The file's text decoded to UTF-8 as `encoding` says (text_encoding.h).
std::optional<std::string> read_text_file(const std::string& path, TextEncoding encoding,
                                          Diagnostics& diags);

}  // namespace dw::data

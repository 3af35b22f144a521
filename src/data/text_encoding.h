#pragma once
#include <optional>
#include <string>

#include "diag/diagnostics.h"

namespace dw::data {

// How the bytes of a data file are to be read. Automatic: a byte order mark decides (UTF-8,
// UTF-16 LE or BE); without one, valid UTF-8 is UTF-8, and a file that is not but is valid
// Windows-1252 (what Excel and Notepad save on a Dutch Windows) is read as Windows-1252 with a
// note. The others force one encoding (--encoding); a byte that does not fit is an error.
enum class TextEncoding { Automatic, Utf8, Windows1252, Utf16 };

// Parses "utf-8", "windows-1252" (or "cp1252"), "utf-16"; nullopt for anything else.
std::optional<TextEncoding> parse_text_encoding(const std::string& name);

// The file's text as UTF-8, without a byte order mark. Lines and columns of the result are the
// lines and characters of the file as its editor shows them, so diagnostics about the decoded
// text point into the user's file. Nullopt after reporting where the bytes do not decode.
// A file with bytes that no encoding explains is left for check_utf8 to report (Automatic).
std::optional<std::string> decode_text(std::string bytes, const std::string& file,
                                       TextEncoding encoding, Diagnostics& diags);

}  // namespace dw::data

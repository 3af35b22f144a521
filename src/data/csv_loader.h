#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "data/text_encoding.h"
#include "data/value.h"
#include "diag/diagnostics.h"

namespace dw::data {

// CSV as spreadsheets write it: a header row naming the columns, UTF-8 with or without a BOM,
// fields separated by ',' or ';' (Dutch Excel writes ';'; the separator is the one of the two
// that occurs most often outside quotes in the header line), RFC 4180 quoting ("a ""b""",
// separators and newlines inside quotes). Lines that are empty are skipped.
//
// The result is a list with one map per data row, keys in header order, every field a string
// with the file:line:col where it starts (the column counts characters). An empty field is an
// empty string. Problems (no header, an unclosed quote, a row with too few or too many fields,
// a duplicate or empty column name, text after a closing quote) are reported as errors; a row
// with an error is left out, so with diags.has_errors() the caller decides whether to go on
// with the good rows (--keep-going) or to stop.
std::optional<Value> parse_csv(std::string_view text, const std::string& file, Diagnostics& diags);

std::optional<Value> load_csv_file(const std::string& path, Diagnostics& diags,
                                   TextEncoding encoding = TextEncoding::Automatic);

}  // namespace dw::data

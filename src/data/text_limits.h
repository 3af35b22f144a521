#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "data/value.h"
#include "diag/diagnostics.h"

namespace dw::data {

// What one Markdown body may hold, so that setting it has a bounded cost: a paragraph is set
// whole (shaped, broken into lines, laid out) and a document's pages are kept until it is
// written. Minutes and reports are tens of kilobytes; these limits leave room for far more and
// stop a runaway file (a generated dump, a paste without line breaks) at the line where it
// passes them, before it is parsed.
inline constexpr size_t kMaxParagraphBytes = 64 * 1024;
inline constexpr size_t kMaxBodyBytes = 1024 * 1024;

// Checks `body` (which starts at line `first_line` of `file`): no paragraph (a run of non-blank
// lines) longer than kMaxParagraphBytes, no more than kMaxBodyBytes in all. Reports the first
// excess at the line where it starts and returns false.
bool check_body_limits(std::string_view body, const std::string& file, int first_line,
                       Diagnostics& diags);

// YAML (a data file, front matter, a component's block) and CSV: at most kMaxBodyBytes in all,
// checked before parsing (an error at the line that passes it; `what` names the data in it:
// "YAML data"), and no text value longer than kMaxParagraphBytes (an error at the value), as
// each is set as one paragraph.
bool check_data_size(std::string_view text, const SourceLoc& start, const char* what,
                     Diagnostics& diags);
bool check_text_values(const Value& value, Diagnostics& diags);

}  // namespace dw::data

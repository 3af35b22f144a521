#pragma once
#include <string>

#include "bind/box.h"
#include "data/rich_text.h"

namespace dw::bind {

// The decoration of table cells set in `style`: padding, the rule under the row, the fill
// (the style's background).
TableCells table_cells(const layout::Style& style);

// Per column of a GFM table: 'l', 'c' or 'r' from the delimiter row; a column without one whose
// body cells are all numbers (amounts, percentages, dates written with digits) gets 'r'; else ' '.
std::string table_alignment(const data::Block& table);

// Whether `text` reads as a number: digits with separators, an optional sign, currency or unit.
bool looks_numeric(std::string_view text);

}  // namespace dw::bind

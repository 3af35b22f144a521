#pragma once
#include <string_view>

#include "diag/diagnostics.h"
#include "diag/source_loc.h"

namespace dw::data {

// The text without a leading UTF-8 byte order mark (Windows editors and Excel write one).
std::string_view strip_bom(std::string_view text);

// Checks that `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF) and holds no NUL byte. On the first bad byte reports
// "file:line:col: error: invalid UTF-8 byte 0xNN" and returns false. `origin` is where `text`
// sits in its file: the line it starts on, and the column every one of its lines starts at (text
// cut out of a larger file reports the outer file's lines). Columns count characters, as editors
// do.
bool check_utf8(std::string_view text, const SourceLoc& origin, Diagnostics& diags);

}  // namespace dw::data

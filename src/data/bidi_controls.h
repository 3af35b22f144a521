#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace dw::data {

struct RichText;
struct Value;

// Explicit bidirectional controls in a text: embeddings and overrides (U+202A, U+202B, U+202D,
// U+202E) end at U+202C; isolates (U+2066..U+2068) end at U+2069, which also ends every
// embedding opened inside the isolate (the Unicode bidi algorithm, rules X1-X8).
struct BidiBalance {
    struct Control {
        size_t offset = 0;   // byte offset in the text
        char32_t code_point = 0;
    };
    std::vector<Control> unclosed;  // opened and never closed, outermost first
    std::vector<Control> stray;     // closers that close nothing (the algorithm ignores them)
    std::string closers;            // UTF-8: what closes `unclosed`, innermost first
};
BidiBalance balance_bidi_controls(std::string_view text);

// Whether `text` holds any explicit bidi control.
bool has_bidi_controls(std::string_view text);

// A text value holds its bidi controls to itself: the controls a text leaves open are closed at
// its end, so a name with a stray right-to-left override cannot reverse the rest of the line it
// is put in. Each unclosed or stray control is a warning at its place in `source` (the text the
// values were parsed from, starting at `origin`; at the value's start when it cannot be found
// there, e.g. when YAML wrote it as an escape).
void close_bidi_controls(Value& value, std::string_view source, const SourceLoc& origin,
                         Diagnostics& diags);
// The same for every paragraph, heading, table cell and image caption of a Markdown body.
void close_bidi_controls(RichText& text, std::string_view source, const SourceLoc& origin,
                         Diagnostics& diags);

}  // namespace dw::data

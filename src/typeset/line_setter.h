#pragma once
#include <span>
#include <string>
#include <vector>

#include "typeset/page.h"
#include "typeset/paragraph_items.h"

namespace dw::typeset {

// One line of a broken paragraph: pieces [first, last) and, when the line ends at a soft
// hyphen, the hyphen piece `hyphen` (else -1).
struct LineSpan {
    size_t first = 0, last = 0;
    long hyphen = -1;
    bool justify = false;  // stretch or shrink the spaces to fill the width (not the last line)
};

// The lines the breaks make: each starts at the first word after a break (a line never starts
// with a space) and ends before its trailing spaces.
std::vector<LineSpan> line_spans(const ParagraphItems& items, const std::vector<size_t>& breaks,
                                 bool justify);

struct LineMeasure {
    double natural = 0, stretch = 0, shrink = 0;
    double ascent = 0, descent = 0;  // of the fonts on the line; 0 when it has nothing on it
};

LineMeasure measure_line(const ParagraphItems& items, const LineSpan& line);

// How much the spaces of a line of a paragraph set `justify` (or not) are stretched (> 0) or
// shrunk (< 0), as a fraction of their stretch or shrink: a justified line fills `width`; the
// last line keeps natural spaces unless the breaker counted on shrinking them to fit.
double justification_ratio(const LineMeasure& m, const LineSpan& line, double width, bool justify);

// Where a character landed: for links and underlines drawn over a byte range.
struct PlacedCluster {
    int start = 0, end = 0;  // bytes of the paragraph text
    double x0 = 0, x1 = 0;
};

// Appends the line's glyph runs (one per font, size and colour in a row) with the pen starting at
// `x`, spaces widened by `ratio` of their stretch (shrunk when negative), and the baseline at
// `baseline`. Strike-through lines are drawn too; `placed` receives every cluster's extent.
// `run_breaks` (ascending bytes of the paragraph text): a piece starting at or after one starts
// a new run, so that a link's text has runs of its own.
void set_line(const ParagraphItems& items, const LineSpan& line, const std::string& text, double x,
              double baseline, double ratio, std::vector<Item>& out,
              std::vector<PlacedCluster>& placed, std::span<const int> run_breaks = {});

}  // namespace dw::typeset

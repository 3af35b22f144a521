#pragma once
#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

namespace dw::typeset {

// The paragraph as the line breaker sees it (Knuth and Plass, "Breaking paragraphs into lines",
// 1981): boxes are unbreakable material, glue is stretchable space where a line may end, and a
// penalty is a possible break with a cost (a hyphenation point, a forced break). Plain data, so
// the breaker is tested without fonts.
struct BreakItem {
    enum class Kind { Box, Glue, Penalty };
    Kind kind = Kind::Box;
    double width = 0;    // Penalty: the width added when the line ends here (the hyphen)
    double stretch = 0;  // Glue only
    double shrink = 0;   // Glue only
    double penalty = 0;  // Penalty only: kForcedBreak forces a break, kNoBreak forbids one
    bool flagged = false;  // Penalty only: a hyphen; two flagged breaks in a row cost extra

    static constexpr double kForcedBreak = -10000;
    static constexpr double kNoBreak = 10000;

    static BreakItem box(double width) { return {Kind::Box, width}; }
    static BreakItem glue(double width, double stretch, double shrink) {
        return {Kind::Glue, width, stretch, shrink};
    }
    static BreakItem break_at(double cost, double width = 0, bool flagged = false) {
        return {Kind::Penalty, width, 0, 0, cost, flagged};
    }
};

struct BreakSettings {
    double tolerance = 200;          // the largest badness accepted before the last-resort pass
    double line_penalty = 10;        // added to every line's badness: fewer lines are better
    double double_hyphen = 3000;     // demerits for two hyphenated lines in a row
    double fitness_mismatch = 100;   // demerits for a tight line next to a loose one
    // Extra stretch every line has, invisible: ragged (not justified) text sets it, so a short
    // line is not "bad" and breaks are chosen for an even right edge and few hyphens.
    double line_stretch = 0;
};

// The indices of the items where lines end (each a Glue or Penalty; the last is the paragraph's
// final forced break), choosing the breaks with the fewest total demerits. `line_width(n)` is
// the width available to line n (0-based). Never fails: when no set of lines fits within the
// tolerance, a second pass accepts any badness, and a box wider than its line gets a line to
// itself (overfull) rather than no layout at all. A paragraph whose optimal breaking would weigh
// too many candidate lines (a long word that may break between any two characters) is broken
// first fit instead: each line ends at the last break that fits, so the cost stays linear in the
// items. `items` must end with a forced break.
std::vector<size_t> break_lines(const std::vector<BreakItem>& items,
                                const std::function<double(int)>& line_width,
                                const BreakSettings& settings = {});

// The narrowest a paragraph can be set without overflowing (its widest unbreakable piece, e.g.
// a word, with the hyphen where it may break) and its width set without breaks other than
// forced ones: CSS's min-content and max-content widths.
struct ContentWidths {
    double min = 0, max = 0;
};
ContentWidths content_widths(const std::vector<BreakItem>& items);

// How far a line of natural width `natural`, with `stretch` and `shrink`, must be stretched
// (> 0) or shrunk (< 0) to fill `width`: the fraction of its stretch or shrink, as in TeX.
double adjustment_ratio(double natural, double stretch, double shrink, double width);

}  // namespace dw::typeset

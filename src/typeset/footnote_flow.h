#pragma once
#include <set>
#include <vector>

#include "layout/color.h"
#include "typeset/fragment.h"

namespace dw::typeset {

// The footnotes of a document, laid out, and how their area at the foot of a page looks.
struct FootnoteArea {
    std::vector<std::vector<Fragment>> notes;  // notes[i]: the lines of note i + 1
    double gap = 0;          // space above and below the rule that separates them from the body
    double rule_length = 0;  // the short rule; 0: none
    double rule_width = 0.5;
    Color rule_color;
};

// Which footnote lines go on which page. A page holds the notes marked on it, in the order of
// their marks; a note is set once, at its first mark. Lines that do not fit continue at the foot
// of the next page, before that page's own notes.
class FootnoteFlow {
public:
    explicit FootnoteFlow(const FootnoteArea& area) : area_(area) {}

    // Whether lines are waiting for the next page.
    bool pending() const { return !carried_.empty(); }

    // Appends the notes `frag` marks that no earlier page holds and `notes` does not yet list.
    void collect(const Fragment& frag, std::vector<int>& notes) const;

    // The least height the foot of a page needs for `notes` (collected from its body): the rule,
    // the lines carried from the page before, every note but the last whole and the last's first
    // line, so a mark's line and the start of its note share a page. 0 when there is nothing.
    double least_height(const std::vector<int>& notes) const;

    // Sets the page's note lines (carried first, then `notes`) as a block whose bottom is at
    // `bottom`, as many as fit in `room` (at least one line); the rest is carried to the next
    // page. Each note's part is a Note structure element. Returns the block's height.
    double place(const std::vector<int>& notes, double room, double x, double bottom,
                 std::vector<Item>& out);

private:
    struct NoteLine {
        int note;     // 1-based
        size_t line;  // index into its note's fragments
    };
    const Fragment& line_of(const NoteLine& l) const {
        return area_.notes[size_t(l.note - 1)][l.line];
    }
    double separator() const { return 2 * area_.gap; }
    void emit(const std::vector<NoteLine>& lines, double top, double x, std::vector<Item>& out);

    const FootnoteArea& area_;
    std::vector<NoteLine> carried_;
    std::set<int> started_;  // notes set (at least in part) on an earlier page
    // The elements inside the last note placed, open at its last line: where a note goes on
    // on the next page, its parts continue them (TagBegin::continues).
    std::vector<OpenStructure::Open> left_open_;
};

}  // namespace dw::typeset

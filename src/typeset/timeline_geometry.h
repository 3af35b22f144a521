#pragma once
#include <optional>
#include <vector>

// The geometry of a <timeline> on plain numbers: where a day lies on the axis and where labels
// go so that none overlaps another or another's leader line. Kept apart from shaping so that it
// can be tested without fonts.
namespace dw::typeset {

struct TimelineScale {
    double x = 0, width = 0;  // the axis on the page
    int start = 0, end = 1;   // its first and last day

    double x_of(double day) const { return x + (day - start) / double(end - start) * width; }
};

struct LabelRequest {
    double anchor = 0;  // x of the item's marker: the label's leader line runs up from here
    double width = 0;   // of the label's text
};

struct LabelPlacement {
    double x = 0;          // left edge of the label's text
    int lane = 0;          // 0 is next to the axis, higher lanes further away
    bool flipped = false;  // the text hangs left of the leader (near the right end)
};

// Places labels as flags in lanes above the axis; returns one placement per request, in order.
// A flag's text starts `pad` right of its leader, or ends `pad` left of it (flipped). Each label
// goes into the nearest lane, and there the first orientation (right, else left; only left
// where right would run past `right`), where it keeps `gap` from the labels in that lane, does
// not cover the leader of a label further out, and its own leader does not run through the text
// of a label nearer the axis. Labels at (nearly) the same date share one leader. When no lane
// meets all three rules (crowded dates), the lane with the fewest crossing leaders is taken.
std::vector<LabelPlacement> place_labels(const std::vector<LabelRequest>& requests, double left,
                                         double right, double pad, double gap);

}  // namespace dw::typeset

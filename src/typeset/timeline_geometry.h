#pragma once
#include <optional>
#include <vector>

// The geometry of a <timeline> on plain numbers: where a day lies on the axis, which row each
// marker takes so that none overlaps another, and which lane each label takes so that no
// leader line runs through or touches another label. Kept apart from shaping so that it can
// be tested without fonts.
namespace dw::typeset {

struct TimelineScale {
    double x = 0, width = 0;  // the axis on the page
    int start = 0, end = 1;   // its first and last day

    double x_of(double day) const { return x + (day - start) / double(end - start) * width; }
};

// What a marker covers along the axis: a disc its diameter, a bar its period.
struct MarkerSpan {
    double left = 0, right = 0;
};

// Stacks markers into rows: row 0 on the axis, higher rows above it. Each marker, in order of
// its left end, goes into the lowest row where it keeps `gap` from every marker of that row, so
// no marker overlaps another or a bar. Returns one row per span, in order.
std::vector<int> stack_markers(const std::vector<MarkerSpan>& spans, double gap);

struct LabelRequest {
    double anchor = 0;  // x of the item's leader line, which runs up from its marker
    double width = 0;   // of the label's text
};

struct LabelPlacement {
    double x = 0;   // left edge of the label's text: `pad` right of its leader
    int lane = 0;   // 0 is next to the axis, higher lanes further away
};

// Every label hangs as a flag right of its leader: the leader runs up from the marker along
// the label's left edge to its top. Leaders this close together (`kSharedLeader`, points) are
// one leader shared by labels at the same date.
constexpr double kSharedLeader = 0.75;

struct LabelLayout {
    std::vector<LabelPlacement> places;  // one per request, in order
    // The first request (in order) whose text does not fit between its leader and `right`.
    std::optional<size_t> too_wide;
};

// Places the labels in lanes above the axis. Each label goes into the nearest lane where its
// flag (leader and text) keeps `gap` from the flags of that lane, its text keeps `gap` from the
// leaders of labels further out, and its leader keeps `gap` from the text of labels nearer the
// axis. A new lane further out always meets these rules, so every label is placed.
LabelLayout place_labels(const std::vector<LabelRequest>& requests, double right, double pad,
                         double gap);

}  // namespace dw::typeset

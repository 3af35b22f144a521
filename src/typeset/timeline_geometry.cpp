#include "typeset/timeline_geometry.h"

#include <algorithm>
#include <numeric>

namespace dw::typeset {
namespace {

struct Flag {
    double anchor, right;  // the leader, and the right end of the text
    int lane;
};

// A leader at `x` runs through (or within `gap` of) the flag's text; a leader at or left of
// the flag's own leader does not: that one stands between it and the text.
bool blocks(const Flag& flag, double x, double gap) {
    return x > flag.anchor + kSharedLeader && x < flag.right + gap;
}

bool overlaps(const Flag& a, const Flag& b, double gap) {
    return a.anchor < b.right + gap && b.anchor < a.right + gap;
}

// The lane rules of place_labels for `me` against the flags placed so far.
bool allowed(const Flag& me, const std::vector<Flag>& placed, double gap) {
    for (const Flag& p : placed) {
        if (p.lane == me.lane && overlaps(p, me, gap)) return false;
        if (p.lane > me.lane && blocks(me, p.anchor, gap)) return false;
        if (p.lane < me.lane && blocks(p, me.anchor, gap)) return false;
    }
    return true;
}

std::vector<size_t> indices(size_t n) {
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t{0});
    return order;
}

}  // namespace

std::vector<int> stack_markers(const std::vector<MarkerSpan>& spans, double gap) {
    std::vector<size_t> order = indices(spans.size());
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return spans[a].left < spans[b].left; });
    std::vector<double> row_end;  // right end of the last marker in each row
    std::vector<int> rows(spans.size(), 0);
    for (size_t index : order) {
        const MarkerSpan& s = spans[index];
        size_t row = 0;
        while (row < row_end.size() && s.left < row_end[row] + gap) ++row;
        if (row == row_end.size()) row_end.push_back(s.right);
        row_end[row] = std::max(row_end[row], s.right);
        rows[index] = int(row);
    }
    return rows;
}

LabelLayout place_labels(const std::vector<LabelRequest>& requests, double right, double pad,
                         double gap) {
    // Right to left: a flag reaches right of its leader, so the labels placed first are the
    // ones whose leaders a later label could cover. Labels sharing a leader keep their order,
    // the first nearest the axis.
    std::vector<size_t> order = indices(requests.size());
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return requests[a].anchor > requests[b].anchor; });
    LabelLayout out;
    out.places.resize(requests.size());
    std::vector<Flag> placed;
    for (size_t index : order) {
        const LabelRequest& r = requests[index];
        const double text_x = r.anchor + pad;
        if (text_x + r.width > right + 0.01 && (!out.too_wide || index < *out.too_wide))
            out.too_wide = index;
        Flag me{r.anchor, text_x + r.width, 0};
        while (!allowed(me, placed, gap)) ++me.lane;
        placed.push_back(me);
        out.places[index] = {text_x, me.lane};
    }
    return out;
}

}  // namespace dw::typeset

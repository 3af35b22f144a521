#include "typeset/timeline_geometry.h"

#include <algorithm>
#include <cmath>

namespace dw::typeset {
namespace {

struct Placed {
    double left, right;  // the flag: leader and text
    double anchor;
    int lane;
};

bool overlaps(const Placed& a, const Placed& b, double gap) {
    return a.left < b.right + gap && b.left < a.right + gap;
}

// The flag for a label hanging right of its leader, or left of it when `flipped`.
Placed flag(const LabelRequest& r, double width, double pad, bool flipped) {
    if (flipped) return {r.anchor - pad - width, r.anchor, r.anchor, 0};
    return {r.anchor, r.anchor + pad + width, r.anchor, 0};
}

}  // namespace

std::vector<LabelPlacement> place_labels(const std::vector<LabelRequest>& requests, double left,
                                         double right, double pad, double gap) {
    // Leaders this close together read as one: labels at (nearly) the same date share it.
    const double same = std::max(0.5, pad / 2);
    auto crosses = [&](const Placed& flag, double anchor) {
        if (std::abs(anchor - flag.anchor) < same) return false;
        return anchor > flag.left - same && anchor < flag.right + same;
    };
    // Right to left: a flag reaches right of its leader, so a label placed later that goes
    // further out never covers the leader of one placed earlier.
    std::vector<size_t> order(requests.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return requests[a].anchor > requests[b].anchor; });
    std::vector<LabelPlacement> out(requests.size());
    std::vector<Placed> placed;
    for (size_t position = 0; position < order.size(); ++position) {
        const size_t index = order[position];
        const LabelRequest& r = requests[index];
        double width = std::min(r.width, std::max(0.0, right - left - pad));
        bool fits_right = r.anchor + pad + width <= right + 0.01;
        bool fits_left = r.anchor - pad - width >= left - 0.01;
        std::vector<bool> sides;  // orientations to try, preferred first
        if (fits_right || !fits_left) sides.push_back(false);
        if (fits_left) sides.push_back(true);
        // Leaders this label's flag would cut, and leaders cutting it, in `lane`; -1 if it
        // overlaps a label there.
        auto crossings = [&](Placed& me, int lane) {
            me.lane = lane;
            int count = 0;
            for (const Placed& p : placed) {
                if (p.lane == lane) {
                    if (overlaps(p, me, gap)) return -1;
                } else if (p.lane < lane ? crosses(p, me.anchor) : crosses(me, p.anchor)) {
                    ++count;
                }
            }
            return count;
        };
        // Labels still to place lie left of this one; a flag hanging left over their leaders
        // would force them into crossings later, so count those as well.
        auto covered_later = [&](const Placed& me, size_t from) {
            int count = 0;
            for (size_t k = from; k < order.size(); ++k)
                if (crosses(me, requests[order[k]].anchor)) ++count;
            return count;
        };
        // The nearest lane without crossings; when every lane has some (crowded dates), the
        // lane and orientation with the fewest, nearest first.
        std::optional<Placed> chosen;
        bool chosen_flipped = false;
        int fewest = 0;
        int lanes = int(placed.size()) + 1;
        for (int lane = 0; lane < lanes && !(chosen && fewest == 0); ++lane)
            for (bool flipped : sides) {
                Placed me = flag(r, width, pad, flipped);
                int count = crossings(me, lane);
                if (count < 0) continue;
                count += covered_later(me, position + 1);
                if (chosen && count >= fewest) continue;
                chosen = me;
                chosen_flipped = flipped;
                fewest = count;
                if (count == 0) break;
            }
        placed.push_back(*chosen);
        double text_x = chosen_flipped ? chosen->left : chosen->left + pad;
        out[index] = {std::clamp(text_x, left, std::max(left, right - width)), chosen->lane,
                      chosen_flipped};
    }
    return out;
}

}  // namespace dw::typeset

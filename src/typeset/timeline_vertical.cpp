// <timeline orientation="vertical">: for narrow screens. The items in date order down a line,
// each marker on the line with its label to the right of it, and the "now" line before the
// first item of a month after the state of affairs (an item dated "2024-11" is as current as
// the 12th of November). Distances do not follow the dates: on a phone
// a reader scrolls a list; the labels carry the dates. One unbreakable fragment.
#include <algorithm>
#include <numeric>

#include "typeset/block_layout.h"
#include "typeset/timeline_marks.h"

namespace dw::typeset {
namespace {

using namespace timeline_marks;

std::vector<size_t> date_order(const bind::Timeline& t) {
    std::vector<size_t> order(t.items.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return t.items[a].start < t.items[b].start; });
    return order;
}

}  // namespace

void BlockLayout::vertical_timeline(const bind::Box& box, double x, double width,
                                    std::vector<Fragment>& out) {
    const bind::Timeline& t = *box.timeline;
    const double marker = t.marker_size, pad = std::max(4.0, marker * 0.6);
    const double axis_x = x + marker / 2, text_x = x + marker + pad;
    const double text_width = std::max(10.0, width - marker - pad);
    Fragment f, marks;
    double y = 0;
    if (t.legend == bind::Timeline::Legend::Top) {
        Fragment legend = timeline_legend(t, x);
        emit_items(f, legend, y);
        y += legend.height + 1.5 * t.gap;
    }
    std::optional<double> first_centre, last_centre;
    bool now_drawn = !t.now;
    auto now_row = [&] {
        // The state of affairs: a dashed line across the axis, its label beside it.
        std::vector<bind::Span> spans{plain(t.now_label, 700)};
        Fragment text = text_block(t.tick_style, spans, text_x, text_width);
        double h = std::max(text.height, marker * 0.6);
        f.items.push_back(Line{x, y + h / 2, text_x - pad / 2, y + h / 2, 0.8, t.axis_color,
                               {2.5, 1.5}});
        emit_items(f, text, y + (h - text.height) / 2);
        y += h + t.gap;
    };
    for (size_t i : date_order(t)) {
        const bind::TimelineItem& item = t.items[i];
        if (!now_drawn && item.start > std::max(*t.now, t.now_month_end)) {
            now_row();
            now_drawn = true;
        }
        std::vector<Fragment> inner;
        layout_all(box.children[i].children, text_x, text_width, inner);
        Fragment label = merge(std::move(inner));
        const double h = std::max(label.height, marker);
        const double centre = y + marker / 2;
        marks.items.push_back(disc(axis_x, centre, marker, t.statuses[size_t(item.status)]));
        first_centre = first_centre.value_or(centre);
        last_centre = centre;
        emit_items(f, label, y);
        y += h + t.gap;
    }
    if (!now_drawn) now_row();
    if (first_centre && *last_centre > *first_centre)
        f.items.insert(f.items.begin(), Line{axis_x, *first_centre, axis_x, *last_centre,
                                             t.axis_thickness, t.axis_color, {}});
    f.items.insert(f.items.end(), marks.items.begin(), marks.items.end());
    f.height = std::max(0.0, y - t.gap);
    if (box.space_before > 0) out.push_back(glue(box.space_before));
    out.push_back(std::move(f));
    if (box.space_after > 0) out.push_back(glue(box.space_after));
}

}  // namespace dw::typeset

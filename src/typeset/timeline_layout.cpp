// <timeline>: the axis with its ticks, a marker (or bar) per item, labels as flags placed by
// timeline_geometry, the "now" line and the legend. One unbreakable fragment.
#include <algorithm>
#include <numeric>

#include "typeset/block_layout.h"
#include "typeset/timeline_geometry.h"

namespace dw::typeset {
namespace {

const Color kWhite{1, 1, 1, 1};

bind::Span plain(std::string text, std::optional<int> weight = std::nullopt) {
    bind::Span s;
    s.text = std::move(text);
    s.weight = weight;
    return s;
}

Shape disc(double cx, double cy, double diameter, const bind::TimelineStatus& status) {
    Shape s;
    s.rect = {cx - diameter / 2, cy - diameter / 2, diameter, diameter};
    s.radius = diameter / 2;
    s.has_fill = true;
    // A ring is white inside; a disc gets a thin white edge so that neighbours stay apart.
    s.fill = status.outline ? kWhite : status.color;
    s.stroke = status.outline ? status.color : kWhite;
    s.stroke_width = status.outline ? std::max(1.2, diameter * 0.16) : std::max(0.8, diameter * 0.08);
    return s;
}

Shape bar(double x1, double x2, double cy, double height, const bind::TimelineStatus& status) {
    Shape s = disc(0, cy, height, status);
    s.rect = {x1, cy - height / 2, std::max(height, x2 - x1), height};
    return s;
}

void emit_items(Fragment& into, Fragment part, double y) {
    translate_items(part.items, 0, y);
    into.items.insert(into.items.end(), part.items.begin(), part.items.end());
}

// How far right the text of a laid-out block reaches: the last glyph's origin plus an
// allowance for its advance (glyph runs keep origins only).
double text_extent(const Fragment& f) {
    double right = 0;
    for (const auto& item : f.items)
        if (const auto* run = std::get_if<GlyphRun>(&item); run && !run->glyphs.empty())
            right = std::max(right, run->glyphs.back().x + run->size * 0.6);
    return right;
}

struct Label {
    size_t item;
    double anchor;
    Fragment text;
};

}  // namespace

Fragment BlockLayout::text_block(const layout::Style& style, const std::vector<bind::Span>& spans,
                                 double x, double width) {
    bind::Box para;
    para.kind = bind::Box::Kind::Paragraph;
    para.style = style;
    para.style.space_before = para.style.space_after = 0;
    para.spans = spans;
    para.tag.clear();
    std::vector<Fragment> lines = layout_paragraph(para, x, width, ctx_);
    return merge(lines);
}

// The natural width of a one-line text: set flush right in a wide measure, it starts where the
// measure's right edge minus its width is.
double BlockLayout::text_width(const layout::Style& style, const std::vector<bind::Span>& spans) {
    constexpr double kWide = 2000;
    layout::Style right = style;
    right.align = layout::Align::Right;
    Fragment f = text_block(right, spans, 0, kWide);
    double first = kWide;
    for (const auto& item : f.items)
        if (const auto* run = std::get_if<GlyphRun>(&item))
            for (const auto& g : run->glyphs) first = std::min(first, g.x);
    return kWide - first;
}

void BlockLayout::timeline(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    const bind::Timeline& t = box.timeline;
    const double marker = t.marker_size, gap = t.gap, pad = std::max(3.0, marker * 0.45);
    const TimelineScale scale{x + marker / 2, width - marker, t.start, t.end};
    Fragment f;
    double y = 0;

    // Legend: a marker and its text per status, in a line.
    Fragment legend;
    if (t.legend != bind::Timeline::Legend::None) {
        double lx = x, size = marker * 0.8;
        for (const auto& status : t.statuses) {
            std::vector<bind::Span> spans{plain(status.label)};
            double w = text_width(t.legend_style, spans);
            Fragment text = text_block(t.legend_style, spans, lx + size + 4, w + 2);
            double h = std::max(size, text.height);
            translate_items(text.items, 0, (h - text.height) / 2);
            legend.items.push_back(disc(lx + size / 2, h / 2, size, status));
            legend.items.insert(legend.items.end(), text.items.begin(), text.items.end());
            legend.height = std::max(legend.height, h);
            lx += size + 4 + w + 4 * gap;
        }
    }
    if (t.legend == bind::Timeline::Legend::Top && !legend.items.empty()) {
        emit_items(f, legend, y);
        y += legend.height + 2 * gap;
    }

    // Labels: shaped at their width, then placed as flags in lanes above the axis.
    std::vector<size_t> order(t.items.size());
    std::iota(order.begin(), order.end(), 0);
    auto anchor_of = [&](const bind::TimelineItem& item) {
        return scale.x_of((double(item.start) + double(item.end)) / 2);
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return anchor_of(t.items[a]) < anchor_of(t.items[b]);
    });
    std::vector<Label> labels;
    std::vector<LabelRequest> requests;
    for (size_t i : order) {
        std::vector<Fragment> inner;
        layout_all(box.children[i].children, 0, t.label_width, inner);
        labels.push_back({i, anchor_of(t.items[i]), merge(inner)});
        double width = std::min(t.label_width, text_extent(labels.back().text));
        requests.push_back({labels.back().anchor, width});
    }
    std::vector<LabelPlacement> places = place_labels(requests, x, x + width, pad, gap);
    int lanes = 0;
    for (const auto& p : places) lanes = std::max(lanes, p.lane + 1);
    std::vector<double> lane_height(size_t(lanes), 0);
    for (size_t k = 0; k < labels.size(); ++k)
        lane_height[size_t(places[k].lane)] = std::max(lane_height[size_t(places[k].lane)], labels[k].text.height);
    // lane_bottom[k]: y of the bottom of lane k, counted upwards from the axis area's top.
    double lanes_height = 0;
    for (double h : lane_height) lanes_height += h + gap;
    const double axis_y = y + lanes_height + marker / 2 + gap / 2;
    std::vector<double> lane_bottom(size_t(lanes), 0);
    double bottom = axis_y - marker / 2 - gap;
    for (int k = 0; k < lanes; ++k) {
        lane_bottom[size_t(k)] = bottom;
        bottom -= lane_height[size_t(k)] + gap;
    }

    // Axis and ticks, drawn first so that markers sit on top.
    f.items.push_back(Line{x, axis_y, x + width, axis_y, t.axis_thickness, t.axis_color, {}});
    const double tick_len = marker * 0.55;
    double ticks_bottom = axis_y + marker / 2;
    for (size_t i = 0; i < t.ticks.size(); ++i) {
        const auto& tick = t.ticks[i];
        double tx = scale.x_of(tick.day);
        double next = i + 1 < t.ticks.size() ? scale.x_of(t.ticks[i + 1].day) : x + width;
        f.items.push_back(Line{tx, axis_y, tx, axis_y + tick_len, t.axis_thickness * 0.6, t.axis_color, {}});
        std::vector<bind::Span> spans{plain(tick.label)};
        if (!tick.year.empty()) {
            spans.push_back(plain("\u2028"));
            spans.push_back(plain(tick.year, 700));
        }
        Fragment text = text_block(t.tick_style, spans, tx + 2, std::max(10.0, next - tx - 2));
        double top = axis_y + tick_len * 0.35;
        emit_items(f, text, top);
        ticks_bottom = std::max(ticks_bottom, top + text.height);
    }

    // Leaders, markers and labels.
    for (size_t k = 0; k < labels.size(); ++k) {
        const bind::TimelineItem& item = t.items[labels[k].item];
        const bind::TimelineStatus& status = t.statuses[size_t(item.status)];
        double label_top = lane_bottom[size_t(places[k].lane)] - labels[k].text.height;
        f.items.push_back(Line{labels[k].anchor, axis_y, labels[k].anchor, label_top,
                               std::max(0.6, t.axis_thickness * 0.5), status.color, {}});
        Fragment text = labels[k].text;
        translate_items(text.items, places[k].x, 0);
        emit_items(f, text, label_top);
    }
    for (const auto& item : t.items) {
        const bind::TimelineStatus& status = t.statuses[size_t(item.status)];
        if (item.end > item.start)
            f.items.push_back(bar(scale.x_of(item.start), scale.x_of(item.end), axis_y, marker * 0.6, status));
        else
            f.items.push_back(disc(scale.x_of(item.start), axis_y, marker, status));
    }
    y = ticks_bottom;

    // The state of affairs: a dashed line down from the axis to its label under the ticks.
    if (t.now) {
        double nx = scale.x_of(*t.now);
        std::vector<bind::Span> spans{plain(t.now_label, 700)};
        double w = t.now_label.empty() ? 0 : text_width(t.tick_style, spans);
        double label_top = ticks_bottom + gap / 2;
        f.items.push_back(Line{nx, axis_y - marker, nx, label_top + (w > 0 ? 2 : 0), 0.8, t.axis_color,
                               {2.5, 1.5}});
        if (w > 0) {
            double lx = std::clamp(nx - w / 2, x, x + width - w);
            Fragment text = text_block(t.tick_style, spans, lx, w + 1);
            emit_items(f, text, label_top + 3);
            y = label_top + 3 + text.height;
        }
    }
    if (t.legend == bind::Timeline::Legend::Bottom && !legend.items.empty()) {
        y += 2 * gap;
        emit_items(f, legend, y);
        y += legend.height;
    }
    f.height = y;
    if (box.space_before > 0) out.push_back(glue(box.space_before));
    out.push_back(std::move(f));
    if (box.space_after > 0) out.push_back(glue(box.space_after));
}

}  // namespace dw::typeset

// <timeline>: the axis with its ticks, a marker (or bar) per item, labels as flags placed by
// timeline_geometry, the "now" line and the legend. One unbreakable fragment, built top down:
// legend, lanes of labels, axis with ticks, now label, (legend at the bottom).
#include <algorithm>

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

double anchor_of(const bind::TimelineItem& item, const TimelineScale& scale) {
    return scale.x_of((double(item.start) + double(item.end)) / 2);
}

}  // namespace

// The part of a timeline that depends on its labels: where each goes and how tall the lanes are.
struct BlockLayout::TimelineLabels {
    std::vector<Fragment> text;  // per item, laid out at x = 0
    std::vector<LabelPlacement> places;
    std::vector<double> lane_height;

    double height(double gap) const {
        double h = 0;
        for (double lane : lane_height) h += lane + gap;
        return h;
    }
};

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

// A marker and its text per status, in a line.
Fragment BlockLayout::timeline_legend(const bind::Timeline& t, double x) {
    Fragment legend;
    double lx = x, size = t.marker_size * 0.8;
    for (const auto& status : t.statuses) {
        std::vector<bind::Span> spans{plain(status.label)};
        double w = text_width(t.legend_style, spans);
        Fragment text = text_block(t.legend_style, spans, lx + size + 4, w + 2);
        double h = std::max(size, text.height);
        translate_items(text.items, 0, (h - text.height) / 2);
        legend.items.push_back(disc(lx + size / 2, h / 2, size, status));
        legend.items.insert(legend.items.end(), text.items.begin(), text.items.end());
        legend.height = std::max(legend.height, h);
        lx += size + 4 + w + 4 * t.gap;
    }
    return legend;
}

// Labels shaped at the label width, then placed as flags by their text's real width.
BlockLayout::TimelineLabels BlockLayout::timeline_labels(const bind::Box& box,
                                                         const TimelineScale& scale, double x,
                                                         double width) {
    const bind::Timeline& t = *box.timeline;
    TimelineLabels labels;
    std::vector<LabelRequest> requests;
    for (size_t i = 0; i < t.items.size(); ++i) {
        std::vector<Fragment> inner;
        layout_all(box.children[i].children, 0, t.label_width, inner);
        labels.text.push_back(merge(inner));
        requests.push_back({anchor_of(t.items[i], scale),
                            std::min(t.label_width, text_extent(labels.text.back()))});
    }
    const double pad = std::max(3.0, t.marker_size * 0.45);
    labels.places = place_labels(requests, x, x + width, pad, t.gap);
    for (size_t i = 0; i < labels.places.size(); ++i) {
        size_t lane = size_t(labels.places[i].lane);
        if (labels.lane_height.size() <= lane) labels.lane_height.resize(lane + 1, 0);
        labels.lane_height[lane] = std::max(labels.lane_height[lane], labels.text[i].height);
    }
    return labels;
}

// The axis line and a tick with its month (and year) label per tick; returns the y below them.
double BlockLayout::timeline_axis(const bind::Timeline& t, const TimelineScale& scale, double x,
                                  double width, double axis_y, Fragment& f) {
    f.items.push_back(Line{x, axis_y, x + width, axis_y, t.axis_thickness, t.axis_color, {}});
    const double tick_len = t.marker_size * 0.55;
    double bottom = axis_y + t.marker_size / 2;
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
        bottom = std::max(bottom, top + text.height);
    }
    return bottom;
}

// The state of affairs: a dashed line down from the axis to its label under the ticks; returns
// the y below it.
double BlockLayout::timeline_now(const bind::Timeline& t, const TimelineScale& scale, double x,
                                 double width, double axis_y, double below, Fragment& f) {
    if (!t.now) return below;
    double nx = scale.x_of(*t.now);
    std::vector<bind::Span> spans{plain(t.now_label, 700)};
    double w = t.now_label.empty() ? 0 : text_width(t.tick_style, spans);
    double label_top = below + t.gap / 2;
    f.items.push_back(Line{nx, axis_y - t.marker_size, nx, label_top + (w > 0 ? 2 : 0), 0.8,
                           t.axis_color, {2.5, 1.5}});
    if (w <= 0) return below;
    double lx = std::clamp(nx - w / 2, x, x + width - w);
    Fragment text = text_block(t.tick_style, spans, lx, w + 1);
    emit_items(f, text, label_top + 3);
    return label_top + 3 + text.height;
}

void BlockLayout::timeline(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    if (!box.timeline) return;
    const bind::Timeline& t = *box.timeline;
    const double marker = t.marker_size;
    // The axis runs inside half a marker at each end so that end markers stay in the column.
    const TimelineScale scale{x + marker / 2, width - marker, t.start, t.end};
    Fragment f;
    double y = 0;

    Fragment legend = t.legend == bind::Timeline::Legend::None ? Fragment{} : timeline_legend(t, x);
    if (t.legend == bind::Timeline::Legend::Top && !legend.items.empty()) {
        emit_items(f, legend, y);
        y += legend.height + 2 * t.gap;
    }

    TimelineLabels labels = timeline_labels(box, scale, x, width);
    const double axis_y = y + labels.height(t.gap) + marker / 2 + t.gap / 2;
    double below = timeline_axis(t, scale, x, width, axis_y, f);

    // Leaders and labels: lane k sits above lane k-1, its labels' bottoms on one line.
    std::vector<double> lane_bottom;
    for (double bottom = axis_y - marker / 2 - t.gap; double h : labels.lane_height) {
        lane_bottom.push_back(bottom);
        bottom -= h + t.gap;
    }
    for (size_t i = 0; i < t.items.size(); ++i) {
        const bind::TimelineStatus& status = t.statuses[size_t(t.items[i].status)];
        const LabelPlacement& place = labels.places[i];
        double anchor = anchor_of(t.items[i], scale);
        double label_top = lane_bottom[size_t(place.lane)] - labels.text[i].height;
        f.items.push_back(Line{anchor, axis_y, anchor, label_top, std::max(0.6, t.axis_thickness * 0.5),
                               status.color, {}});
        Fragment text = labels.text[i];
        translate_items(text.items, place.x, 0);
        emit_items(f, text, label_top);
    }
    // Markers last, on top of axis, ticks and leaders.
    for (const auto& item : t.items) {
        const bind::TimelineStatus& status = t.statuses[size_t(item.status)];
        if (item.end > item.start)
            f.items.push_back(bar(scale.x_of(item.start), scale.x_of(item.end), axis_y, marker * 0.6, status));
        else
            f.items.push_back(disc(scale.x_of(item.start), axis_y, marker, status));
    }
    y = timeline_now(t, scale, x, width, axis_y, below, f);

    if (t.legend == bind::Timeline::Legend::Bottom && !legend.items.empty()) {
        y += 2 * t.gap;
        emit_items(f, legend, y);
        y += legend.height;
    }
    f.height = y;
    if (box.space_before > 0) out.push_back(glue(box.space_before));
    out.push_back(std::move(f));
    if (box.space_after > 0) out.push_back(glue(box.space_after));
}

}  // namespace dw::typeset

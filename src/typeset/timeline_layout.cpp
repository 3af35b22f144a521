// <timeline>: the axis with its ticks, a marker (or bar) per item, labels as flags placed by
// timeline_geometry, the "now" line and the legend. One unbreakable fragment, built top down:
// legend, lanes of labels, axis with ticks, now label, (legend at the bottom).
#include <algorithm>

#include "typeset/block_layout.h"
#include "typeset/timeline_geometry.h"
#include "typeset/timeline_marks.h"

namespace dw::typeset {
namespace {

using namespace timeline_marks;

// How far right the text of a laid-out block reaches: the last glyph's origin plus an
// allowance for its advance (glyph runs keep origins only).
double text_extent(const Fragment& f) {
    double right = 0;
    for (const auto& item : f.items)
        if (const auto* run = std::get_if<GlyphRun>(&item); run && !run->glyphs.empty())
            right = std::max(right, run->glyphs.back().x + run->size * 0.6);
    return right;
}

// Where each item's marker goes: its row above the axis and the x of its leader (a disc's
// centre, a bar's rounded left end, so that the label starts where the period starts). Items
// with the same dates and status share one marker.
struct TimelineMarkers {
    std::vector<double> anchor;
    std::vector<int> row;
    std::vector<bool> own;  // false: the item shares the marker of an earlier one
    int rows = 1;
};

bool same_marker(const bind::TimelineItem& a, const bind::TimelineItem& b) {
    return a.start == b.start && a.end == b.end && a.status == b.status;
}

TimelineMarkers place_markers(const bind::Timeline& t, const TimelineScale& scale) {
    const double bar_height = t.marker_size * 0.6;
    std::vector<MarkerSpan> spans;
    std::vector<size_t> marker_of;  // item -> span
    TimelineMarkers m;
    for (size_t i = 0; i < t.items.size(); ++i) {
        const bind::TimelineItem& item = t.items[i];
        size_t same = 0;
        while (same < i && !same_marker(t.items[same], item)) ++same;
        m.own.push_back(same == i);
        if (same < i) {
            marker_of.push_back(marker_of[same]);
            m.anchor.push_back(m.anchor[same]);
            continue;
        }
        double x1 = scale.x_of(item.start), x2 = scale.x_of(item.end);
        marker_of.push_back(spans.size());
        if (item.end > item.start) {
            spans.push_back({x1, std::max(x2, x1 + bar_height)});
            m.anchor.push_back(x1 + bar_height / 2);
        } else {
            spans.push_back({x1 - t.marker_size / 2, x1 + t.marker_size / 2});
            m.anchor.push_back(x1);
        }
    }
    std::vector<int> rows = stack_markers(spans, t.gap / 4);
    for (size_t i = 0; i < t.items.size(); ++i) {
        m.row.push_back(rows[marker_of[i]]);
        m.rows = std::max(m.rows, m.row.back() + 1);
    }
    return m;
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        if (end > at) words.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return words;
}

// Whether `narrow`, the same text set in a narrower measure, broke lines only between words
// (or at hyphens): a word cut anywhere else means the measure is narrower than the word.
bool whole_words(const Fragment& wide, const Fragment& narrow) {
    std::vector<std::string> words;
    for (const auto& item : wide.items)
        if (const auto* run = std::get_if<GlyphRun>(&item))
            for (auto& w : words_of(run->text)) words.push_back(std::move(w));
    for (const auto& item : narrow.items)
        if (const auto* run = std::get_if<GlyphRun>(&item))
            for (const auto& w : words_of(run->text))
                if (std::find(words.begin(), words.end(), w) == words.end() && w.back() != '-')
                    return false;
    return true;
}

std::string plain_text(const Fragment& f) {
    std::string text;
    for (const auto& item : f.items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) text += (text.empty() ? "" : " ") + run->text;
    return text;
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

// Labels shaped at the label width, narrowed to the room right of their leaders, then placed
// as flags by their text's real width.
BlockLayout::TimelineLabels BlockLayout::timeline_labels(const bind::Box& box,
                                                         const std::vector<double>& anchors,
                                                         double right) {
    const bind::Timeline& t = *box.timeline;
    const double pad = std::max(3.0, t.marker_size * 0.45);
    TimelineLabels labels;
    std::vector<LabelRequest> requests;
    for (size_t i = 0; i < t.items.size(); ++i) {
        double room = std::max(1.0, right - anchors[i] - pad);
        std::vector<Fragment> inner;
        layout_all(box.children[i].children, 0, t.label_width, inner);
        Fragment text = merge(std::move(inner));
        if (text_extent(text) > room) {
            // Narrowed to the room right of its leader, unless a word is wider than that:
            // then it keeps its width, and does not fit.
            inner.clear();
            layout_all(box.children[i].children, 0, room, inner);
            Fragment narrow = merge(std::move(inner));
            if (whole_words(text, narrow) && text_extent(narrow) <= room) text = std::move(narrow);
        }
        requests.push_back({anchors[i], std::min(t.label_width, text_extent(text))});
        labels.text.push_back(std::move(text));
    }
    LabelLayout placed = place_labels(requests, right, pad, t.gap);
    labels.places = std::move(placed.places);
    if (placed.too_wide)
        ctx_.diags.error(box.children[*placed.too_wide].loc,
                         "the timeline label '" + plain_text(labels.text[*placed.too_wide]) +
                             "' does not fit between its marker and the end of the timeline",
                         "move the end of the axis later (to= on the <timeline> at " +
                             box.loc.file + ":" + std::to_string(box.loc.line) +
                             "), or shorten the label");
    for (size_t i = 0; i < labels.places.size(); ++i) {
        size_t lane = size_t(labels.places[i].lane);
        if (labels.lane_height.size() <= lane) labels.lane_height.resize(lane + 1, 0);
        labels.lane_height[lane] = std::max(labels.lane_height[lane], labels.text[i].height);
    }
    return labels;
}

// A timeline does not split: when its lanes of labels make it taller than a page, the first
// item (in the data's order) whose lane is beyond the page is an error.
bool BlockLayout::check_timeline_height(const bind::Box& box, const TimelineLabels& labels,
                                        double height) {
    if (ctx_.body_height <= 0 || height <= ctx_.body_height + 0.01) return true;
    const double gap = box.timeline->gap;
    double used = height - labels.height(gap);
    size_t fitting = 0;
    while (fitting < labels.lane_height.size() &&
           used + labels.lane_height[fitting] + gap <= ctx_.body_height) {
        used += labels.lane_height[fitting] + gap;
        ++fitting;
    }
    size_t first = 0;
    while (first + 1 < labels.places.size() && size_t(labels.places[first].lane) < fitting) ++first;
    if (labels.places.empty()) return true;
    ctx_.diags.error(box.children[first].loc,
                     "the timeline does not fit on the page from the label '" +
                         plain_text(labels.text[first]) + "' on (lane " +
                         std::to_string(labels.places[first].lane + 1) + " of " +
                         std::to_string(labels.lane_height.size()) + "; the page has room for " +
                         std::to_string(fitting) + ")",
                     "leave items out, spread them over a longer axis, or give the timeline a "
                     "wider column or a narrower label-width");
    return false;
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
    if (box.timeline->vertical) return vertical_timeline(box, x, width, out);
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

    TimelineMarkers markers = place_markers(t, scale);
    TimelineLabels labels = timeline_labels(box, markers.anchor, x + width);
    const double row_step = marker + t.gap / 2;
    const double rows_height = (markers.rows - 1) * row_step;
    const double axis_y = y + labels.height(t.gap) + rows_height + marker / 2 + t.gap / 2;
    double below = timeline_axis(t, scale, x, width, axis_y, f);

    // Leaders and labels: lane k sits above lane k-1, its labels' bottoms on one line; each
    // leader runs from its marker up along its label's left edge to the label's top.
    std::vector<double> lane_bottom;
    for (double bottom = axis_y - marker / 2 - rows_height - t.gap; double h : labels.lane_height) {
        lane_bottom.push_back(bottom);
        bottom -= h + t.gap;
    }
    for (size_t i = 0; i < t.items.size(); ++i) {
        const bind::TimelineStatus& status = t.statuses[size_t(t.items[i].status)];
        const LabelPlacement& place = labels.places[i];
        double label_top = lane_bottom[size_t(place.lane)] - labels.text[i].height;
        f.items.push_back(Line{markers.anchor[i], axis_y - markers.row[i] * row_step,
                               markers.anchor[i], label_top,
                               std::max(0.6, t.axis_thickness * 0.5), status.color, {}});
        Fragment text = labels.text[i];
        translate_items(text.items, place.x, 0);
        emit_items(f, text, label_top);
    }
    // Markers last, on top of axis, ticks and leaders; a shared marker is drawn once.
    for (size_t i = 0; i < t.items.size(); ++i) {
        if (!markers.own[i]) continue;
        const bind::TimelineItem& item = t.items[i];
        const bind::TimelineStatus& status = t.statuses[size_t(item.status)];
        const double cy = axis_y - markers.row[i] * row_step;
        if (item.end > item.start)
            f.items.push_back(bar(scale.x_of(item.start), scale.x_of(item.end), cy, marker * 0.6, status));
        else
            f.items.push_back(disc(scale.x_of(item.start), cy, marker, status));
    }
    y = timeline_now(t, scale, x, width, axis_y, below, f);

    if (t.legend == bind::Timeline::Legend::Bottom && !legend.items.empty()) {
        y += 2 * t.gap;
        emit_items(f, legend, y);
        y += legend.height;
    }
    f.height = y;
    // Reported once, at the item: the page's own "taller than a page" warning would repeat it.
    if (!check_timeline_height(box, labels, f.height + box.space_before + box.space_after))
        f.height = std::max(0.0, ctx_.body_height - box.space_before - box.space_after);
    if (box.space_before > 0) out.push_back(glue(box.space_before));
    out.push_back(std::move(f));
    if (box.space_after > 0) out.push_back(glue(box.space_after));
}

}  // namespace dw::typeset

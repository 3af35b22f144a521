// <timeline>: a date axis bound from a list. Every item's date, end and status are checked here,
// where their data locations are known; typeset/ gets day numbers and status indices.
#include "bind/binder_internal.h"
#include "bind/timeline_dates.h"
#include "diag/suggest.h"

namespace dw::bind {

struct Binder::TimelineAxis {
    int start = 0, end = 0;
    SourceLoc loc;  // the <timeline>, for hints

    std::string describe() const {
        return iso_date(calendar_date(start)) + " to " + iso_date(calendar_date(end));
    }
};

std::optional<std::pair<std::string, SourceLoc>> Binder::located_attr(const layout::Node& node,
                                                                      const std::string& name) {
    const std::string* raw = node.attribute(name);
    if (!raw) return std::nullopt;
    SourceLoc value_loc = attr_loc(node, name);
    if (value_loc.col > 0) value_loc.col += int(name.size()) + 2;
    if (raw->find("{{") == std::string::npos) return std::make_pair(*raw, value_loc);
    auto ctx = expression_context();
    std::string text;
    SourceLoc from = value_loc;
    bool located = false;
    for (auto& piece : evaluate_template(*raw, value_loc, ctx)) {
        if (!located && !piece.text.empty()) {
            from = piece.loc;
            located = true;
        }
        text += piece.text;
    }
    return std::make_pair(text, from);
}

namespace {

std::optional<DateSpan> checked_date(const std::pair<std::string, SourceLoc>& value,
                                     Diagnostics& diags) {
    auto span = parse_date_span(value.first);
    if (!span)
        diags.error(value.second, "'" + value.first + "' is not a date",
                    "write YYYY-MM-DD (2024-11-12), or YYYY-MM (2025-05) for a whole month");
    return span;
}

std::vector<TimelineStatus> read_statuses(Binder& binder, const layout::Node& node) {
    std::vector<TimelineStatus> statuses;
    for (const auto& child : node.children) {
        if (child.element != "status") continue;
        TimelineStatus status;
        status.name = child.attribute_or("name", "");
        status.label = child.attribute_or("label", status.name);
        status.color = binder.color_attr(child, "color").value_or(Color{});
        status.outline = binder.bool_attr(child, "outline").value_or(false);
        statuses.push_back(std::move(status));
    }
    return statuses;
}

}  // namespace

// The item's date, when its data has one: a missing date is the data's omission, reported at
// the item rather than as an unknown field of the layout's expression.
std::optional<std::pair<std::string, SourceLoc>> Binder::timeline_item_date(
    const layout::Node& node, const SourceLoc& item_loc) {
    const std::string* raw = node.attribute("date");
    bool present = raw != nullptr;
    if (present && raw->rfind("{{", 0) == 0 && raw->find("}}") == raw->size() - 2) {
        std::string path = raw->substr(2, raw->size() - 4);
        auto ctx = expression_context();
        present = resolve_reference(path.substr(0, path.find('|')), node.loc, ctx, /*report=*/false);
    }
    auto date = present ? located_attr(node, "date") : std::nullopt;
    if (!date || date->first.empty()) {
        diags_.error(item_loc, "this timeline item has no date",
                     "give it a date (YYYY-MM-DD or YYYY-MM), or leave it out of the list");
        return std::nullopt;
    }
    return date;
}

// Where the item lies: a day (a month alone: its middle), or a period from the first day of its
// date to the last day of its end; it must lie on the axis.
bool Binder::timeline_item_days(const layout::Node& node, const SourceLoc& item_loc,
                                const TimelineAxis& axis, TimelineItem& entry) {
    auto date = timeline_item_date(node, item_loc);
    auto start = date ? checked_date(*date, diags_) : std::nullopt;
    if (!start) return false;
    entry.start = entry.end = (start->first + start->last) / 2;
    std::pair<std::string, SourceLoc> last_date = *date;
    if (auto end_text = located_attr(node, "end"); end_text && !end_text->first.empty()) {
        auto end = checked_date(*end_text, diags_);
        if (!end) return false;
        entry.start = start->first;
        entry.end = end->last;
        last_date = *end_text;
        if (entry.end < entry.start) {
            diags_.error(end_text->second, "the period ends before it starts",
                         "it starts on " + iso_date(calendar_date(entry.start)));
            return false;
        }
    }
    if (entry.start >= axis.start && entry.end <= axis.end) return true;
    const auto& outside = entry.start < axis.start ? *date : last_date;
    diags_.error(outside.second,
                 "'" + outside.first + "' lies outside the timeline (" + axis.describe() + ")",
                 "widen the axis with from= and to= on the <timeline> at " + axis.loc.file + ":" +
                     std::to_string(axis.loc.line));
    return false;
}

// The index of the item's status among the declared ones; -1 (reported) when it has none.
int Binder::timeline_item_status(const layout::Node& node, const SourceLoc& item_loc,
                                 const std::vector<TimelineStatus>& statuses) {
    auto status = located_attr(node, "status");
    std::string name = status ? status->first : "";
    for (size_t i = 0; i < statuses.size(); ++i)
        if (statuses[i].name == name) return int(i);
    std::vector<std::string> names;
    for (const auto& s : statuses) names.push_back(s.name);
    std::string hint = suggestion_hint(name, names);
    if (hint.empty()) {
        hint = "the timeline declares:";
        for (const auto& n : names) hint += " " + n;
    }
    diags_.error(status ? status->second : item_loc, "unknown status '" + name + "'", hint);
    return -1;
}

bool Binder::bind_timeline_item(const layout::Node& node, const layout::Node* label,
                                const std::vector<TimelineStatus>& statuses,
                                const TimelineAxis& axis, Timeline& timeline,
                                std::vector<Box>& labels) {
    const data::Value* item = scope_.lookup(node.attribute_or("as", "item"));
    SourceLoc item_loc = item ? item->loc : node.loc;
    TimelineItem entry;
    if (!timeline_item_days(node, item_loc, axis, entry)) return false;
    entry.status = timeline_item_status(node, item_loc, statuses);
    if (entry.status < 0) return false;

    Box text;
    text.kind = Box::Kind::Stack;
    text.loc = item_loc;
    if (label) bind_flow(label->children, text.children);
    timeline.items.push_back(entry);
    labels.push_back(std::move(text));
    return true;
}

void Binder::bind_timeline(const layout::Node& node, std::vector<Box>& out) {
    Box box;
    box.kind = Box::Kind::Timeline;
    box.loc = node.loc;
    Timeline t;
    t.statuses = read_statuses(*this, node);

    auto from = located_attr(node, "from");
    auto to = located_attr(node, "to");
    std::optional<DateSpan> first = from ? checked_date(*from, diags_) : std::nullopt;
    std::optional<DateSpan> last = to ? checked_date(*to, diags_) : std::nullopt;
    if (!first || !last) return;
    TimelineAxis axis{first->first, last->last, node.loc};
    if (axis.end <= axis.start) {
        diags_.error(to->second, "the timeline ends before it starts", "from= must be before to=");
        return;
    }
    t.start = axis.start;
    t.end = axis.end;
    t.ticks = month_ticks(t.start, t.end, text_attr(node, "ticks").value_or("month") == "quarter" ? 3 : 1);

    if (auto now = located_attr(node, "now"); now && !now->first.empty()) {
        if (auto day = checked_date(*now, diags_)) {
            t.now = day->first;
            CalendarDate month = calendar_date(day->first);
            month.day = 1;
            month.month = month.month % 12 + 1;
            if (month.month == 1) ++month.year;
            t.now_month_end = day_number(month) - 1;
            if (*t.now < t.start || *t.now > t.end)
                diags_.error(now->second, "'" + now->first + "' lies outside the timeline (" +
                                              axis.describe() + ")");
        }
    }
    t.now_label = text_attr(node, "now-label").value_or("");
    auto style_or_current = [&](const char* name) {
        auto style = text_attr(node, name);
        return style ? style_named(*style, attr_loc(node, name)) : current_style();
    };
    t.tick_style = style_or_current("tick-style");
    t.legend_style = style_or_current("legend-style");
    t.axis_color = color_attr(node, "axis-color").value_or(Color{});
    t.axis_thickness = length_attr(node, "axis-thickness").value_or(Length::pt(1.5)).to_pt();
    t.marker_size = positive_length_attr(node, "marker-size", Length::mm(4));
    t.label_width = positive_length_attr(node, "label-width", Length::mm(40));
    t.gap = length_attr(node, "gap").value_or(Length::mm(3)).to_pt();
    std::string legend = text_attr(node, "legend").value_or("top");
    t.legend = legend == "none" ? Timeline::Legend::None
               : legend == "bottom" ? Timeline::Legend::Bottom
                                    : Timeline::Legend::Top;
    t.vertical = text_attr(node, "orientation").value_or("horizontal") == "vertical";
    box.space_before = length_attr(node, "space-before").value_or(Length{}).to_pt();
    box.space_after = length_attr(node, "space-after").value_or(Length{}).to_pt();

    const layout::Node* label = nullptr;
    for (const auto& child : node.children)
        if (child.element == "label") label = &child;

    auto each = text_attr(node, "each");
    auto ctx = expression_context();
    const data::Value* list = each ? resolve_reference(*each, attr_loc(node, "each"), ctx) : nullptr;
    if (!list) return;
    if (!list->is_list()) {
        diags_.error(attr_loc(node, "each"), "'" + *each + "' is not a list");
        return;
    }
    std::string as = node.attribute_or("as", "item");
    for (const auto& item : list->items) {
        ScopedVariable var(scope_, as, &item);
        bind_timeline_item(node, label, t.statuses, axis, t, box.children);
    }
    box.timeline = std::make_shared<const Timeline>(std::move(t));
    out.push_back(std::move(box));
}

}  // namespace dw::bind

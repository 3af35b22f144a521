#include "typeset/footnote_flow.h"

#include <algorithm>

namespace dw::typeset {
namespace {

constexpr double kSlack = 0.01;  // rounding tolerance in points

}  // namespace

void FootnoteFlow::collect(const Fragment& frag, std::vector<int>& notes) const {
    for (int note : frag.notes) {
        if (note < 1 || size_t(note) > area_.notes.size() || area_.notes[size_t(note - 1)].empty())
            continue;
        if (!started_.count(note) && std::find(notes.begin(), notes.end(), note) == notes.end())
            notes.push_back(note);
    }
}

double FootnoteFlow::least_height(const std::vector<int>& notes) const {
    if (carried_.empty() && notes.empty()) return 0;
    double h = separator();
    for (const auto& l : carried_) h += line_of(l).height;
    for (size_t i = 0; i < notes.size(); ++i) {
        const auto& lines = area_.notes[size_t(notes[i] - 1)];
        if (i + 1 < notes.size()) {
            for (const auto& f : lines) h += f.height;
        } else {
            h += lines.front().height;
        }
    }
    return h;
}

double FootnoteFlow::place(const std::vector<int>& notes, double room, double x, double bottom,
                           std::vector<Item>& out) {
    std::vector<NoteLine> lines = std::move(carried_);
    carried_.clear();
    for (int note : notes) {
        started_.insert(note);
        for (size_t i = 0; i < area_.notes[size_t(note - 1)].size(); ++i) lines.push_back({note, i});
    }
    if (lines.empty()) return 0;
    double height = separator();
    size_t fit = 0;
    for (; fit < lines.size(); ++fit) {
        double h = line_of(lines[fit]).height;
        if (fit > 0 && height + h > room + kSlack) break;
        height += h;
    }
    carried_.assign(lines.begin() + long(fit), lines.end());
    // Space at the top of a continued part is left out, as at the top of a page.
    while (!carried_.empty() && line_of(carried_.front()).glue) carried_.erase(carried_.begin());
    lines.resize(fit);
    emit(lines, bottom - height, x, out);
    return height;
}

void FootnoteFlow::emit(const std::vector<NoteLine>& lines, double top, double x,
                        std::vector<Item>& out) {
    if (area_.rule_length > 0) {
        Line rule;
        rule.x1 = x;
        rule.x2 = x + area_.rule_length;
        rule.y1 = rule.y2 = top + area_.gap;
        rule.width = area_.rule_width;
        rule.color = area_.rule_color;
        out.push_back(rule);
    }
    double y = top + separator();
    OpenStructure open_structure;
    // A note carried over from the previous page goes on here: its first line is not the note's.
    const bool carried = !lines.empty() && lines.front().line > 0;
    if (carried) open_structure.continued = std::move(left_open_);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i == 0 || lines[i].note != lines[i - 1].note)
            out.push_back(TagBegin{"Note", {}, lines[i].note, i == 0 && carried});
        const Fragment& f = line_of(lines[i]);
        emit_fragment(f, y, out, open_structure);
        y += f.height;
        if (i + 1 == lines.size()) left_open_ = open_structure.open;
        if (i + 1 == lines.size() || lines[i + 1].note != lines[i].note) {
            close_structure(out, open_structure);
            out.push_back(TagEnd{});
        }
    }
}

}  // namespace dw::typeset

#pragma once
// The marks a timeline draws, shared by the horizontal and the vertical timeline: markers in a
// status's colour, plain text spans, and fragments placed into the timeline's fragment.
#include <algorithm>
#include <optional>
#include <string>

#include "bind/box.h"
#include "typeset/fragment.h"

namespace dw::typeset::timeline_marks {

inline const Color kWhite{1, 1, 1, 1};

inline bind::Span plain(std::string text, std::optional<int> weight = std::nullopt) {
    bind::Span s;
    s.text = std::move(text);
    s.weight = weight;
    return s;
}

inline Shape disc(double cx, double cy, double diameter, const bind::TimelineStatus& status) {
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

inline Shape bar(double x1, double x2, double cy, double height, const bind::TimelineStatus& status) {
    Shape s = disc(0, cy, height, status);
    s.rect = {x1, cy - height / 2, std::max(height, x2 - x1), height};
    return s;
}

inline void emit_items(Fragment& into, Fragment part, double y) {
    translate_items(part.items, 0, y);
    into.items.insert(into.items.end(), part.items.begin(), part.items.end());
}

}  // namespace dw::typeset::timeline_marks

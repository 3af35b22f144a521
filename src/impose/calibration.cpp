#include "impose/calibration.h"

#include <cstdlib>

#include "typeset/fragment.h"

namespace dw::impose {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr int kReach = 10;  // the scales run from -10 to +10 mm

typeset::Line line(double x1, double y1, double x2, double y2, double width) {
    typeset::Line l;
    l.x1 = x1, l.y1 = y1, l.x2 = x2, l.y2 = y2;
    l.width = width;
    return l;
}

double tick_length(int k) {
    if (k == 0) return 8 * kMm;
    return k % 5 == 0 ? 5 * kMm : 2.5 * kMm;
}

typeset::Page blank(const SheetPlan& plan, const char* label) {
    typeset::Page page;
    page.width = plan.width;
    page.height = plan.height;
    page.label = label;
    return page;
}

// `note`'s items placed with its top left corner at (x, y).
void place(const SheetNote& note, double x, double y, std::vector<typeset::Item>& out) {
    std::vector<typeset::Item> items = note.items;
    typeset::translate_items(items, x, y);
    out.insert(out.end(), items.begin(), items.end());
}

// The instructions, centred at the top of the sheet.
void place_instructions(const SheetNote& note, const SheetPlan& plan, std::vector<typeset::Item>& out) {
    if (note.items.empty()) return;
    place(note, (plan.width - note.width) / 2, 18 * kMm, out);
}

}  // namespace

typeset::Page calibration_front(const SheetPlan& plan, const SheetSpec&, const CalibrationText& text) {
    typeset::Page page = blank(plan, "calibration a");
    place_instructions(text.front, plan, page.items);
    double cx = plan.width / 2, cy = plan.height / 2, arm = 60 * kMm;
    page.items.push_back(line(cx, cy - arm, cx, cy + arm, 0.4));
    page.items.push_back(line(cx - arm, cy, cx + arm, cy, 0.4));
    return page;
}

typeset::Page calibration_back(const SheetPlan& plan, const SheetSpec&, const CalibrationText& text) {
    typeset::Page page = blank(plan, "calibration b");
    place_instructions(text.back, plan, page.items);
    double cx = plan.width / 2, cy = plan.height / 2, away = 25 * kMm;
    for (int k = -kReach; k <= kReach; ++k) {
        double at = k * kMm, len = tick_length(k), width = k == 0 ? 0.5 : 0.3;
        // horizontal scale below the centre: vertical ticks at cx + k mm (reads x)
        page.items.push_back(line(cx + at, cy + away, cx + at, cy + away + len, width));
        // vertical scale right of the centre: horizontal ticks at cy + k mm (reads y)
        page.items.push_back(line(cx + away, cy + at, cx + away + len, cy + at, width));
    }
    // The numbers: under the horizontal scale's long ticks, right of the vertical scale's.
    for (const auto& [mm, label] : text.numbers) {
        double at = mm * kMm, len = tick_length(mm);
        place(label, cx + at - label.width / 2, cy + away + len + 1 * kMm, page.items);
        place(label, cx + away + len + 5 * kMm - label.width / 2, cy + at - label.height / 2,
              page.items);
    }
    page.items.push_back(line(cx - kReach * kMm, cy + away, cx + kReach * kMm, cy + away, 0.3));
    page.items.push_back(line(cx + away, cy - kReach * kMm, cx + away, cy + kReach * kMm, 0.3));
    return page;
}

}  // namespace dw::impose

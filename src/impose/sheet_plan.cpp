#include "impose/sheet_plan.h"

#include <algorithm>
#include <cmath>

namespace dw::impose {
namespace {

// How many cards of `card` fit in `space` with `gutter` between them.
int fitting(double space, double card, double gutter) {
    if (card <= 0) return 0;
    return std::max(0, int(std::floor((space + gutter + 1e-6) / (card + gutter))));
}

struct Grid {
    double width, height;
    int columns, rows;
};

Grid grid_for(const SheetSpec& s, bool landscape) {
    double w = std::min(s.paper_width, s.paper_height), h = std::max(s.paper_width, s.paper_height);
    if (landscape) std::swap(w, h);
    int columns = s.columns > 0 ? s.columns
                                : fitting(w - 2 * s.margin, s.card_width, s.gutter);
    int rows = s.rows > 0 ? s.rows : fitting(h - 2 * s.margin, s.card_height, s.gutter);
    return {w, h, columns, rows};
}

Grid choose_grid(const SheetSpec& s) {
    if (s.orientation == Orientation::Portrait) return grid_for(s, false);
    if (s.orientation == Orientation::Landscape) return grid_for(s, true);
    Grid portrait = grid_for(s, false), landscape = grid_for(s, true);
    return landscape.columns * landscape.rows > portrait.columns * portrait.rows ? landscape
                                                                                  : portrait;
}

// The card's bleed shown on each side: all of it at the outside of the grid, at most half the
// gutter between cards (nothing where two cards share a cut).
Rect clip_for(const Rect& trim, int column, int row, const SheetPlan& plan, const SheetSpec& s) {
    double inner = std::min(s.bleed, s.gutter / 2);
    double left = column == 0 ? s.bleed : inner, right = column == plan.columns - 1 ? s.bleed : inner;
    double top = row == 0 ? s.bleed : inner, bottom = row == plan.rows - 1 ? s.bleed : inner;
    return {trim.x - left, trim.y - top, trim.w + left + right, trim.h + top + bottom};
}

// Backs: the sheet turns over its long or short side; seen from the back, a card sits mirrored
// across the axis of that turn. Turning about the horizontal axis also turns each card upside
// down, so those backs are drawn rotated to read upright when a card is turned like a page.
CardSlot back_of(const CardSlot& front, const SheetPlan& plan, const SheetSpec& s) {
    bool portrait = plan.width <= plan.height;
    bool about_vertical_axis = (s.flip == Flip::LongEdge) == portrait;
    CardSlot back = front;
    auto mirror = [&](Rect& r) {
        if (about_vertical_axis) r.x = plan.width - r.x - r.w;
        else r.y = plan.height - r.y - r.h;
        r.x += s.back_offset_x;
        r.y += s.back_offset_y;
    };
    mirror(back.trim);
    mirror(back.clip);
    back.rotated = !about_vertical_axis;
    return back;
}

void add_crop_marks(SheetPlan& plan, const SheetSpec& s) {
    std::vector<double> xs, ys;
    for (int c = 0; c < plan.columns; ++c) {
        double x = plan.grid.x + c * (s.card_width + s.gutter);
        xs.push_back(x);
        xs.push_back(x + s.card_width);
    }
    for (int r = 0; r < plan.rows; ++r) {
        double y = plan.grid.y + r * (s.card_height + s.gutter);
        ys.push_back(y);
        ys.push_back(y + s.card_height);
    }
    auto unique = [](std::vector<double>& v) {
        v.erase(std::unique(v.begin(), v.end(), [](double a, double b) { return std::abs(a - b) < 0.01; }),
                v.end());
    };
    unique(xs);
    unique(ys);
    const Rect& g = plan.grid;
    double reach = s.bleed + s.crop_gap;  // marks start outside the outer bleed
    auto outward = [&](double from, double direction, double limit) {
        double start = from + direction * reach;
        double end = start + direction * s.crop_length;
        return std::pair{start, direction < 0 ? std::max(end, limit) : std::min(end, limit)};
    };
    for (double x : xs) {
        auto [t0, t1] = outward(g.y, -1, 0);
        auto [b0, b1] = outward(g.y + g.h, 1, plan.height);
        plan.crop_marks.push_back({x, t0, x, t1});
        plan.crop_marks.push_back({x, b0, x, b1});
    }
    for (double y : ys) {
        auto [l0, l1] = outward(g.x, -1, 0);
        auto [r0, r1] = outward(g.x + g.w, 1, plan.width);
        plan.crop_marks.push_back({l0, y, l1, y});
        plan.crop_marks.push_back({r0, y, r1, y});
    }
}

}  // namespace

SheetPlan plan_sheet(const SheetSpec& s) {
    Grid grid = choose_grid(s);
    SheetPlan plan;
    plan.width = grid.width;
    plan.height = grid.height;
    plan.columns = grid.columns;
    plan.rows = grid.rows;
    if (grid.columns < 1 || grid.rows < 1) {
        plan.fits = false;
        plan.columns = plan.rows = 0;
        return plan;
    }
    double grid_w = grid.columns * s.card_width + (grid.columns - 1) * s.gutter;
    double grid_h = grid.rows * s.card_height + (grid.rows - 1) * s.gutter;
    plan.grid = {(grid.width - grid_w) / 2, (grid.height - grid_h) / 2, grid_w, grid_h};
    for (int r = 0; r < grid.rows; ++r)
        for (int c = 0; c < grid.columns; ++c) {
            CardSlot slot;
            slot.trim = {plan.grid.x + c * (s.card_width + s.gutter),
                         plan.grid.y + r * (s.card_height + s.gutter), s.card_width, s.card_height};
            slot.clip = clip_for(slot.trim, c, r, plan, s);
            plan.fronts.push_back(slot);
        }
    if (s.flip != Flip::None)
        for (const auto& front : plan.fronts) plan.backs.push_back(back_of(front, plan, s));
    if (s.crop_marks) add_crop_marks(plan, s);
    return plan;
}

}  // namespace dw::impose

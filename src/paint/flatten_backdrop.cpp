#include "paint/flatten_backdrop.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dw::paint {

namespace {

constexpr double epsilon = 1e-6;

double cross(Point o, Point a, Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Inside or on the edge of the convex quad, whatever its orientation.
bool contains(const Quad& q, Point p) {
    bool any_positive = false, any_negative = false;
    for (int i = 0; i < 4; ++i) {
        const double s = cross(q.corner[i], q.corner[(i + 1) % 4], p);
        if (s > epsilon) any_positive = true;
        if (s < -epsilon) any_negative = true;
    }
    return !(any_positive && any_negative);
}

bool contains(const Quad& outer, const Quad& inner) {
    return std::all_of(std::begin(inner.corner), std::end(inner.corner),
                       [&](Point p) { return contains(outer, p); });
}

// Separating axis test for two convex quads: they overlap unless an edge normal of one of
// them separates their projections. Touching edges do not count as overlap.
bool overlaps(const Quad& a, const Quad& b) {
    for (const Quad* q : {&a, &b}) {
        for (int i = 0; i < 4; ++i) {
            const Point p = q->corner[i], n = q->corner[(i + 1) % 4];
            const Point axis{-(n.y - p.y), n.x - p.x};
            auto project = [&](const Quad& s, double& lo, double& hi) {
                lo = hi = axis.x * s.corner[0].x + axis.y * s.corner[0].y;
                for (const Point& c : s.corner) {
                    const double v = axis.x * c.x + axis.y * c.y;
                    lo = std::min(lo, v), hi = std::max(hi, v);
                }
            };
            double alo, ahi, blo, bhi;
            project(a, alo, ahi);
            project(b, blo, bhi);
            if (ahi <= blo + epsilon || bhi <= alo + epsilon) return false;
        }
    }
    return true;
}

}  // namespace

Affine Affine::then(const Affine& n) const {
    return {a * n.a + b * n.c, a * n.b + b * n.d,       c * n.a + d * n.c,
            c * n.b + d * n.d, e * n.a + f * n.c + n.e, e * n.b + f * n.d + n.f};
}

Affine Affine::rotation_about(double degrees, double cx, double cy) {
    const double r = degrees * std::numbers::pi / 180, cs = std::cos(r), sn = std::sin(r);
    return {cs, sn, -sn, cs, cx - cs * cx + sn * cy, cy - sn * cx - cs * cy};
}

Quad Quad::of(const typeset::Rect& r, const Affine& m) {
    return {{m.apply({r.x, r.y}), m.apply({r.x + r.w, r.y}), m.apply({r.x + r.w, r.y + r.h}),
             m.apply({r.x, r.y + r.h})}};
}

void Backdrop::cover(const Quad& area, std::optional<Color> colour) {
    if (colour && colour->a < 1) colour.reset();
    areas_.push_back({area, colour});
}

std::optional<Color> Backdrop::colour_under(const Quad& area) const {
    for (auto it = areas_.rbegin(); it != areas_.rend(); ++it) {
        if (contains(it->quad, area)) return it->colour;
        if (overlaps(it->quad, area)) return std::nullopt;
    }
    return Color{1, 1, 1, 1};  // the paper
}

Color flatten(const Color& c, const Color& under) {
    const double a = std::clamp(std::isfinite(c.a) ? c.a : 1.0, 0.0, 1.0);
    auto mix = [a](double top, double bottom) { return top * a + bottom * (1 - a); };
    return {mix(c.r, under.r), mix(c.g, under.g), mix(c.b, under.b), 1};
}

}  // namespace dw::paint

#pragma once
#include <optional>
#include <vector>

#include "layout/color.h"
#include "typeset/page.h"

// What lies under a translucent item, so that PDF/A-1 output (which forbids transparency) can
// draw it in the opaque colour it would have shown: the painter records every opaque area it
// paints, and a translucent item is flattened against the one colour that covers it fully.
// Plain geometry in page coordinates; no PDF library involved.
namespace dw::paint {

struct Point {
    double x = 0, y = 0;
};

// An affine transform in page coordinates (y down), as PDF's [a b c d e f]:
// x' = a x + c y + e, y' = b x + d y + f.
struct Affine {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    Point apply(Point p) const { return {a * p.x + c * p.y + e, b * p.x + d * p.y + f}; }
    Affine then(const Affine& next) const;  // this transform, followed by `next`
    // Rotation by `degrees` clockwise on the page (y down) about (cx, cy).
    static Affine rotation_about(double degrees, double cx, double cy);
};

// A convex quadrilateral: a rectangle after a transform.
struct Quad {
    Point corner[4];
    static Quad of(const typeset::Rect& r, const Affine& m);
};

class Backdrop {
public:
    // A new page: white paper everywhere.
    void clear() { areas_.clear(); }
    // `area` is now covered; by `colour` when known and opaque, by something that is not one
    // colour (an image, a clipped or translucent drawing) when nullopt.
    void cover(const Quad& area, std::optional<Color> colour);
    // The one opaque colour under all of `area`, or nullopt when what is under it is not one
    // colour (part of it lies on another area, or on an image).
    std::optional<Color> colour_under(const Quad& area) const;

private:
    struct Area {
        Quad quad;
        std::optional<Color> colour;
    };
    std::vector<Area> areas_;
};

// `c` composited over the opaque `under` ("source over"), opaque.
Color flatten(const Color& c, const Color& under);

}  // namespace dw::paint

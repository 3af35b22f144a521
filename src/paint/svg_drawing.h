#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "typeset/page.h"

typedef struct _cairo cairo_t;

namespace dw::paint::svg {

// drukwerk draws the plain SVG that logos and icons are made of itself: shapes and paths filled
// and stroked with flat colours, in groups, with transforms. Anything else (text, gradients,
// <use>, clipping, CSS style sheets, filters, an attribute it does not know) makes the reader
// return nothing, and the caller hands the file to librsvg instead. So the subset never draws a
// file differently from librsvg; it only spares the process loading librsvg.

// One segment of a path in the element's own coordinates. Arcs and quadratic curves are
// converted to cubic curves when read.
struct PathOp {
    enum class Kind { Move, Line, Curve, Close } kind;
    std::array<double, 6> p{};  // Move, Line: x y; Curve: x1 y1 x2 y2 x y
};
using Path = std::vector<PathOp>;

struct Rgba {
    double r = 0, g = 0, b = 0, a = 1;
};

// An affine transform as Cairo's matrix: x' = xx x + xy y + x0, y' = yx x + yy y + y0.
struct Matrix {
    double xx = 1, yx = 0, xy = 0, yy = 1, x0 = 0, y0 = 0;
};
Matrix multiply(const Matrix& outer, const Matrix& inner);  // inner applied first

enum class LineCap { Butt, Round, Square };
enum class LineJoin { Miter, Round, Bevel };

struct Shape {
    Path path;
    Matrix transform;  // from the shape's coordinates to the viewBox's
    std::optional<Rgba> fill;
    bool even_odd = false;
    std::optional<Rgba> stroke;
    double stroke_width = 1;
    LineCap cap = LineCap::Butt;
    LineJoin join = LineJoin::Miter;
    double miter_limit = 4;
    std::vector<double> dashes;  // empty: solid
    double dash_offset = 0;
};
// Drawing between BeginGroup and its EndGroup is composited as one layer with `opacity`.
struct BeginGroup {};
struct EndGroup {
    double opacity = 1;
};
using Item = std::variant<Shape, BeginGroup, EndGroup>;

// How the viewBox is fitted into the viewport (preserveAspectRatio).
struct AspectRatio {
    enum class Align { Min, Mid, Max };
    bool none = false;  // stretched to fill, ignoring the aspect ratio
    Align x = Align::Mid, y = Align::Mid;
    bool slice = false;  // cover the viewport (cut off) instead of fitting inside it
};

struct Drawing {
    double view_x = 0, view_y = 0, view_w = 0, view_h = 0;
    AspectRatio aspect;
    std::vector<Item> items;  // in painting order
};

// The drawing in `text`, or nothing when it uses anything outside the subset (`why_not` then
// names the first such thing, for tests and for people reading a trace).
std::optional<Drawing> read_drawing(std::string_view text, std::string* why_not = nullptr);

// Draws `drawing` fitted into `viewport` (in the current user space), not clipped to it: as
// librsvg's rsvg_handle_render_document does.
void draw(cairo_t* cr, const Drawing& drawing, const typeset::Rect& viewport);

}  // namespace dw::paint::svg

#include "paint/svg_drawing.h"

#include <cairo.h>

#include <algorithm>

namespace dw::paint::svg {
namespace {

cairo_matrix_t cairo_matrix(const Matrix& m) { return {m.xx, m.yx, m.xy, m.yy, m.x0, m.y0}; }

// The viewBox → viewport transform of SVG 1.1, section 7.8 (preserveAspectRatio).
Matrix fit(const Drawing& d, const typeset::Rect& viewport) {
    double sx = viewport.w / d.view_w, sy = viewport.h / d.view_h;
    if (!d.aspect.none) sx = sy = d.aspect.slice ? std::max(sx, sy) : std::min(sx, sy);
    auto offset = [](AspectRatio::Align align, double room) {
        return align == AspectRatio::Align::Min   ? 0
               : align == AspectRatio::Align::Mid ? room / 2
                                                  : room;
    };
    const double tx = viewport.x + offset(d.aspect.x, viewport.w - d.view_w * sx) - d.view_x * sx;
    const double ty = viewport.y + offset(d.aspect.y, viewport.h - d.view_h * sy) - d.view_y * sy;
    return Matrix{sx, 0, 0, sy, tx, ty};
}

void trace(cairo_t* cr, const Path& path) {
    for (const PathOp& op : path) {
        const auto& p = op.p;
        switch (op.kind) {
            case PathOp::Kind::Move:
                cairo_move_to(cr, p[0], p[1]);
                break;
            case PathOp::Kind::Line:
                cairo_line_to(cr, p[0], p[1]);
                break;
            case PathOp::Kind::Curve:
                cairo_curve_to(cr, p[0], p[1], p[2], p[3], p[4], p[5]);
                break;
            case PathOp::Kind::Close:
                cairo_close_path(cr);
                break;
        }
    }
}

cairo_line_cap_t cairo_cap(LineCap cap) {
    switch (cap) {
        case LineCap::Butt:
            return CAIRO_LINE_CAP_BUTT;
        case LineCap::Round:
            return CAIRO_LINE_CAP_ROUND;
        case LineCap::Square:
            return CAIRO_LINE_CAP_SQUARE;
    }
    return CAIRO_LINE_CAP_BUTT;
}

cairo_line_join_t cairo_join(LineJoin join) {
    switch (join) {
        case LineJoin::Miter:
            return CAIRO_LINE_JOIN_MITER;
        case LineJoin::Round:
            return CAIRO_LINE_JOIN_ROUND;
        case LineJoin::Bevel:
            return CAIRO_LINE_JOIN_BEVEL;
    }
    return CAIRO_LINE_JOIN_MITER;
}

// Fill, then stroke (SVG's default paint order), both in the shape's own coordinates so the
// stroke width is transformed with it.
void draw_shape(cairo_t* cr, const Shape& shape, const Matrix& to_viewport) {
    const cairo_matrix_t m = cairo_matrix(multiply(to_viewport, shape.transform));
    // A singular matrix (scale(0), an empty viewport) would put `cr` in an error state for the
    // rest of the page; such a shape covers no area, and SVG does not render it.
    cairo_matrix_t inverse = m;
    if (cairo_matrix_invert(&inverse) != CAIRO_STATUS_SUCCESS) return;
    cairo_save(cr);
    cairo_transform(cr, &m);
    cairo_new_path(cr);
    trace(cr, shape.path);
    if (shape.fill) {
        const Rgba& c = *shape.fill;
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
        cairo_set_fill_rule(cr,
                            shape.even_odd ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING);
        cairo_fill_preserve(cr);
    }
    if (shape.stroke) {
        const Rgba& c = *shape.stroke;
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
        cairo_set_line_width(cr, shape.stroke_width);
        cairo_set_line_cap(cr, cairo_cap(shape.cap));
        cairo_set_line_join(cr, cairo_join(shape.join));
        cairo_set_miter_limit(cr, shape.miter_limit);
        cairo_set_dash(cr, shape.dashes.data(), int(shape.dashes.size()), shape.dash_offset);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
    cairo_restore(cr);
}

}  // namespace

void draw(cairo_t* cr, const Drawing& drawing, const typeset::Rect& viewport) {
    cairo_save(cr);
    const Matrix to_viewport = fit(drawing, viewport);
    for (const Item& item : drawing.items) {
        if (const Shape* shape = std::get_if<Shape>(&item)) {
            draw_shape(cr, *shape, to_viewport);
        } else if (std::holds_alternative<BeginGroup>(item)) {
            cairo_push_group(cr);
        } else {
            cairo_pop_group_to_source(cr);
            cairo_paint_with_alpha(cr, std::get<EndGroup>(item).opacity);
        }
    }
    cairo_restore(cr);
}

}  // namespace dw::paint::svg

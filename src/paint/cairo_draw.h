#pragma once
#include <cairo.h>

#include <string>
#include <utility>
#include <vector>

#include "typeset/page.h"

// Drawing of single items on any Cairo context (PDF, image or SVG surface). Every function checks
// its input first, because one bad number (NaN, a zero scale, an empty dash) puts a cairo_t into a
// permanent error state and silently loses the rest of the document.
namespace dw::paint {

struct DrawResult {
    std::string error;    // the item was not drawn
    std::string warning;  // the item was drawn, with a loss (e.g. text not extractable)
};

DrawResult draw_shape(cairo_t* cr, const typeset::Shape& shape);
DrawResult draw_line(cairo_t* cr, const typeset::Line& line);
// Lines of `style`'s width, colour and dash between points[0] and [1], [2] and [3], ... as one
// path, stroked once (see draw_batch.h).
DrawResult draw_lines(cairo_t* cr, const typeset::Line& style,
                      const std::vector<std::pair<double, double>>& points);
// A line draw_lines can take: finite points, a positive width, a valid dash (or none).
bool can_join_line(const typeset::Line& line);

// Sets font, size and colour and shows the glyphs with their text and clusters, so PDF readers
// can extract the words. `num_glyphs`: glyph ids at or above it are rejected.
DrawResult draw_glyph_run(cairo_t* cr, cairo_font_face_t* face, long num_glyphs,
                          const typeset::GlyphRun& run);
// A run draw_glyph_run shows with its text and no complaint, so it may join others.
bool can_join_text(const typeset::GlyphRun& run, long num_glyphs);

// cairo_save, then the clip (if any) and a rotation by `degrees` about (cx, cy). Always saves, so the matching
// cairo_restore stays balanced even when the rotation is rejected.
DrawResult begin_group(cairo_t* cr, const typeset::GroupBegin& group);

bool is_finite_rect(const typeset::Rect& r);
bool is_drawable_rect(const typeset::Rect& r);  // finite, positive width and height

}  // namespace dw::paint

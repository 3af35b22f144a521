// DrawBatch: consecutive glyph runs of one style become one glyph operation, consecutive lines
// of one style one stroke; anything else in between, or another style, starts a new one.
// Counted with a Cairo observer surface.
#include <cairo-ft.h>
#include <catch2/catch.hpp>
#include <ft2build.h>

#include <cmath>
#include FT_FREETYPE_H

#include "paint/draw_batch.h"

using namespace dw;

namespace {

struct Counts {
    int glyph_ops = 0, strokes = 0;
};

struct Canvas {
    cairo_surface_t* target = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
    cairo_surface_t* observer = cairo_surface_create_observer(target, CAIRO_SURFACE_OBSERVER_NORMAL);
    cairo_t* cr = cairo_create(observer);
    Counts counts;
    FT_Library ft = nullptr;
    FT_Face face = nullptr;
    cairo_font_face_t* font = nullptr;

    Canvas() {
        cairo_surface_observer_add_glyphs_callback(
            observer, [](cairo_surface_t*, cairo_surface_t*, void* c) { ++static_cast<Counts*>(c)->glyph_ops; },
            &counts);
        cairo_surface_observer_add_stroke_callback(
            observer, [](cairo_surface_t*, cairo_surface_t*, void* c) { ++static_cast<Counts*>(c)->strokes; },
            &counts);
        REQUIRE(FT_Init_FreeType(&ft) == 0);
        REQUIRE(FT_New_Face(ft, DRUKWERK_SOURCE_ROOT "/fonts/lato/Lato-Regular.ttf", 0, &face) == 0);
        font = cairo_ft_font_face_create_for_ft_face(face, 0);
    }
    ~Canvas() {
        cairo_destroy(cr);
        cairo_font_face_destroy(font);
        cairo_surface_destroy(observer);
        cairo_surface_destroy(target);
        FT_Done_Face(face);
        FT_Done_FreeType(ft);
    }
};

typeset::GlyphRun run(const char* text, double y, Color color = {}) {
    typeset::GlyphRun r;
    r.size = 10;
    r.color = color;
    r.text = text;
    for (size_t i = 0; text[i]; ++i) r.glyphs.push_back({36, 10.0 + 5 * double(i), y});
    return r;
}

typeset::Line line(double y, double width = 0.5) {
    typeset::Line l;
    l.x1 = 0, l.x2 = 10, l.y1 = l.y2 = y;
    l.width = width;
    return l;
}

}  // namespace

TEST_CASE("runs of one style are shown together, another style starts anew", "[paint][batch]") {
    Canvas c;
    paint::DrawBatch batch;
    std::vector<paint::DrawResult> results;
    const long glyphs = FT_Long(c.face->num_glyphs);
    for (double y : {10.0, 22.0, 34.0}) CHECK(batch.add(c.cr, c.font, glyphs, run("abc", y), results));
    CHECK(batch.add(c.cr, c.font, glyphs, run("red", 46, {1, 0, 0, 1}), results));
    batch.flush(c.cr, results);
    CHECK(c.counts.glyph_ops == 2);
    for (const auto& r : results) CHECK(r.error.empty());
}

TEST_CASE("lines of one style are stroked as one path", "[paint][batch]") {
    Canvas c;
    paint::DrawBatch batch;
    std::vector<paint::DrawResult> results;
    for (double y : {1.0, 2.0, 3.0, 4.0}) CHECK(batch.add(c.cr, line(y), results));
    CHECK(batch.add(c.cr, line(5, 2.0), results));  // thicker: a stroke of its own
    batch.flush(c.cr, results);
    CHECK(c.counts.strokes == 2);
}

TEST_CASE("a run that cannot join is left to the caller, after what is pending", "[paint][batch]") {
    Canvas c;
    paint::DrawBatch batch;
    std::vector<paint::DrawResult> results;
    const long glyphs = FT_Long(c.face->num_glyphs);
    CHECK(batch.add(c.cr, c.font, glyphs, run("abc", 10), results));
    typeset::GlyphRun bad = run("x", 20);
    bad.glyphs[0].id = glyphs + 5;  // not in the font
    CHECK_FALSE(batch.add(c.cr, c.font, glyphs, bad, results));
    CHECK(c.counts.glyph_ops == 1);  // the pending run was drawn first
    typeset::Line nan_line = line(0);
    nan_line.x2 = std::nan("");
    CHECK_FALSE(batch.add(c.cr, nan_line, results));
}

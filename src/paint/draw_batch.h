#pragma once
#include <cairo.h>

#include <optional>
#include <vector>

#include "paint/cairo_draw.h"
#include "typeset/page.h"

namespace dw::paint {

// Consecutive glyph runs in one font, size and colour (the lines of a paragraph) become one
// cairo_show_text_glyphs, and consecutive lines of one width, colour and dash (crop marks) one
// path stroked once. Cairo's PDF surface records, analyses and writes every call with
// bookkeeping of its own, which for short runs and lines costs more than their glyphs and
// points. What is drawn, and what PDF readers extract, is the same.
class DrawBatch {
public:
    // False: `run` cannot join a batch (invalid glyphs or text); draw it on its own.
    bool add(cairo_t* cr, cairo_font_face_t* face, long num_glyphs, const typeset::GlyphRun& run,
             std::vector<DrawResult>& results);
    bool add(cairo_t* cr, const typeset::Line& line, std::vector<DrawResult>& results);
    // Draws what is pending. Call before anything else is drawn, and at the end of a page.
    void flush(cairo_t* cr, std::vector<DrawResult>& results);

private:
    struct Text {
        cairo_font_face_t* face = nullptr;
        long num_glyphs = 0;
        typeset::GlyphRun run;
    };
    std::optional<Text> text_;
    std::optional<typeset::Line> line_style_;
    std::vector<std::pair<double, double>> line_points_;  // start and end of every line
};

}  // namespace dw::paint

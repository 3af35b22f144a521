#include "paint/draw_batch.h"

namespace dw::paint {
namespace {

bool same_color(const Color& a, const Color& b) {
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

void append(typeset::GlyphRun& to, const typeset::GlyphRun& run) {
    to.glyphs.insert(to.glyphs.end(), run.glyphs.begin(), run.glyphs.end());
    to.text += run.text;
    to.clusters.insert(to.clusters.end(), run.clusters.begin(), run.clusters.end());
}

}  // namespace

bool DrawBatch::add(cairo_t* cr, cairo_font_face_t* face, long num_glyphs,
                    const typeset::GlyphRun& run, std::vector<DrawResult>& results) {
    // Only runs whose text and clusters Cairo takes as they are: the others are drawn (and
    // reported) one by one.
    // A right-to-left run's clusters count from its end: joined, they would point elsewhere.
    if (run.backward || !can_join_text(run, num_glyphs)) {
        flush(cr, results);
        return false;
    }
    typeset::GlyphRun whole = run;
    if (whole.clusters.empty())
        whole.clusters.push_back({int(whole.text.size()), int(whole.glyphs.size())});
    if (text_ && text_->run.font == run.font && text_->run.size == run.size &&
        same_color(text_->run.color, run.color) && !line_style_) {
        append(text_->run, whole);
        return true;
    }
    flush(cr, results);
    text_ = Text{face, num_glyphs, std::move(whole)};
    return true;
}

bool DrawBatch::add(cairo_t* cr, const typeset::Line& line, std::vector<DrawResult>& results) {
    if (!can_join_line(line)) {
        flush(cr, results);
        return false;
    }
    if (!(line_style_ && line_style_->width == line.width && line_style_->dash == line.dash &&
          same_color(line_style_->color, line.color) && !text_)) {
        flush(cr, results);
        line_style_ = line;
    }
    line_points_.push_back({line.x1, line.y1});
    line_points_.push_back({line.x2, line.y2});
    return true;
}

void DrawBatch::flush(cairo_t* cr, std::vector<DrawResult>& results) {
    if (text_) {
        results.push_back(draw_glyph_run(cr, text_->face, text_->num_glyphs, text_->run));
        text_.reset();
    }
    if (line_style_) {
        results.push_back(draw_lines(cr, *line_style_, line_points_));
        line_style_.reset();
        line_points_.clear();
    }
}

}  // namespace dw::paint

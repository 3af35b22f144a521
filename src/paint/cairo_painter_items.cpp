#include <cairo-pdf.h>

#include "paint/cairo_painter_impl.h"
#include "paint/pdf_artifact_tags.h"
#include "paint/pdf_attributes.h"
#include "paint/text_format.h"

// The drawing of single items by CairoPainter (see cairo_painter.cpp for the life cycle).
namespace dw::paint {

void CairoPainter::Impl::glyphs(const typeset::GlyphRun& run) {
    if (skipping()) return;
    if (!can_draw() || run.glyphs.empty()) return;
    const FontCache::Font* font = fonts_->get(run.font);
    if (!font) return;  // reported by the cache
    std::vector<DrawResult> results;
    if (!batch_.add(cr_.get(), font->face, font->num_glyphs, run, results))
        results.push_back(draw_glyph_run(cr_.get(), font->face, font->num_glyphs, run));
    for (const DrawResult& result : results) report(result);
    check_cairo();
    if (link_runs_left_ > 0 && --link_runs_left_ == 0) end_link_text();
}

// The end of a link's text (typeset::Link::text_runs): its Link element ends here.
void CairoPainter::Impl::end_link_text() {
    link_runs_left_ = 0;
    flush_batch();
    if (!can_draw()) return;
    cairo_tag_end(cr_.get(), CAIRO_TAG_LINK);
    check_cairo();
}

void CairoPainter::Impl::flush_batch() {
    if (!can_draw()) return;
    std::vector<DrawResult> results;
    batch_.flush(cr_.get(), results);
    for (const DrawResult& result : results) report(result);
    check_cairo();
}

void CairoPainter::Impl::shape(const typeset::Shape& shape) {
    if (skipping()) return;
    flush_batch();
    if (!can_draw()) return;
    report(draw_shape(cr_.get(), shape));
    check_cairo();
}

void CairoPainter::Impl::line(const typeset::Line& line) {
    if (skipping()) return;
    if (!can_draw()) return;
    std::vector<DrawResult> results;
    if (!batch_.add(cr_.get(), line, results)) results.push_back(draw_line(cr_.get(), line));
    for (const DrawResult& result : results) report(result);
    check_cairo();
}

void CairoPainter::Impl::image(const typeset::Image& image) {
    if (skipping()) return;
    flush_batch();
    if (!can_draw()) return;
    if (!is_drawable_rect(image.rect)) return error("image with an empty or invalid rectangle");
    images_.draw(cr_.get(), image);  // reports its own problems
    check_cairo();
}

void CairoPainter::Impl::link(const typeset::Link& link) {
    if (skipping()) return;
    flush_batch();
    if (!is_pdf() || !can_draw()) return;
    if (link.uri.empty() && link.dest.empty()) return warning("link without a target; left out");
    if (!has_drawable_rect(link)) return warning("link without a usable rectangle; left out");
    if (link.uri.empty() && !dest_names_.count(link.dest)) {
        return warning("link to unknown destination " + quoted_text(link.dest) + "; left out");
    }
    if (link_runs_left_ > 0) end_link_text();  // links do not nest
    cairo_tag_begin(cr_.get(), CAIRO_TAG_LINK, link_attributes(link).c_str());
    if (link.text_runs > 0 && !recording_) {
        link_runs_left_ = link.text_runs;  // ended after its last run
    } else {
        cairo_tag_end(cr_.get(), CAIRO_TAG_LINK);
    }
    check_cairo();
}

void CairoPainter::Impl::dest(const typeset::Dest& dest) {
    if (skipping()) return;
    flush_batch();
    if (!is_pdf() || !can_draw()) return;
    // Invalid and duplicate names were reported in begin_document.
    if (!dest_names_.count(dest.name) || !placed_dests_.insert(dest.name).second) return;
    cairo_tag_begin(cr_.get(), CAIRO_TAG_DEST, dest_attributes(dest).c_str());
    cairo_tag_end(cr_.get(), CAIRO_TAG_DEST);
    check_cairo();
}

void CairoPainter::Impl::group_begin(const typeset::GroupBegin& group) {
    if (skipping()) {
        ++skip_depth_;
        return;
    }
    flush_batch();
    ++open_groups_;  // counted even without a context, so the matching end stays quiet
    if (!cr_) return;
    report(begin_group(cr_.get(), group));
    if (recording_) {
        ++recording_->depth;
    } else if (begin_reuse(group)) {
        skip_depth_ = 1;  // its items are in the recording already
    }
}

void CairoPainter::Impl::group_end() {
    if (skipping() && --skip_depth_ > 0) return;
    flush_batch();
    if (open_groups_ == 0) return warning("end of a group that was not begun; ignored");
    --open_groups_;
    if (recording_ && recording_->depth-- == 0) finish_recording();
    if (cr_) cairo_restore(cr_.get());
}

// True when the group is painted from an earlier recording (its items are to be skipped);
// otherwise, for the first group of its key, starts recording its items.
bool CairoPainter::Impl::begin_reuse(const typeset::GroupBegin& group) {
    const typeset::Rect& b = group.reuse_bounds;
    if (group.reuse.empty() || !is_pdf() || broken_ || !is_drawable_rect(b)) return false;
    if (reused_.count(group.reuse)) {
        paint_reused(group.reuse, b);
        return true;
    }
    // Twice the size, as for SVG drawings (cairo_images.cpp): painted as a repeating pattern,
    // Cairo writes the recording once as a Form XObject, and no neighbouring copy can show.
    cairo_rectangle_t tile{b.x, b.y, 2 * b.w, 2 * b.h};
    Recording r{group.reuse, b, SurfacePtr(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &tile)),
                std::move(cr_), 0};
    cr_.reset(cairo_create(r.surface.get()));
    cairo_set_font_options(cr_.get(), font_options_.get());
    recording_ = std::move(r);
    return false;
}

void CairoPainter::Impl::finish_recording() {
    Recording r = std::move(*recording_);
    recording_.reset();
    const bool ok = cairo_status(cr_.get()) == CAIRO_STATUS_SUCCESS;
    cr_ = std::move(r.page_cr);
    if (!ok) return error("cannot record a repeated card face");
    PatternPtr drawing(cairo_pattern_create_for_surface(r.surface.get()));
    cairo_pattern_set_extend(drawing.get(), CAIRO_EXTEND_REPEAT);
    reused_[r.key] = {std::move(drawing), r.bounds};
    paint_reused(r.key, r.bounds);
}

void CairoPainter::Impl::paint_reused(const std::string& key, const typeset::Rect& bounds) {
    const Reused& reused = reused_.at(key);
    cairo_matrix_t to_recording;  // this copy's place → the recorded copy's
    cairo_matrix_init_translate(&to_recording, reused.bounds.x - bounds.x, reused.bounds.y - bounds.y);
    cairo_pattern_set_matrix(reused.drawing.get(), &to_recording);
    cairo_save(cr_.get());
    cairo_set_source(cr_.get(), reused.drawing.get());
    cairo_rectangle(cr_.get(), bounds.x, bounds.y, bounds.w, bounds.h);
    cairo_fill(cr_.get());
    cairo_restore(cr_.get());
    check_cairo();
}

// Structure tags may span pages (a paragraph split over two pages), so they are not closed at
// the end of a page.
void CairoPainter::Impl::tag_begin(const typeset::TagBegin& tag) {
    if (skipping()) return;
    flush_batch();
    if (!is_pdf() || !cr_) return;
    if (const char* artifact = cairo_artifact_tag(tag.tag)) {
        tags_.push_back(artifact);
        cairo_tag_begin(cr_.get(), artifact, "");
        return;
    }
    if (is_reserved_for_artifacts(tag.tag)) {
        warning("structure tag " + quoted_text(tag.tag) +
                " is reserved for running headers and footers; left out");
        tags_.emplace_back();
        return;
    }
    if (!is_structure_tag_name(tag.tag)) {
        warning("structure tag " + quoted_text(tag.tag) +
                " is not a standard PDF structure type; left out");
        tags_.emplace_back();
        return;
    }
    tags_.push_back(tag.tag);
    cairo_tag_begin(cr_.get(), tag.tag.c_str(), "");
}

void CairoPainter::Impl::tag_end() {
    if (skipping()) return;
    flush_batch();
    if (!is_pdf() || !cr_) return;
    if (tags_.empty()) return warning("end of a structure tag that was not begun; ignored");
    if (!tags_.back().empty()) cairo_tag_end(cr_.get(), tags_.back().c_str());
    tags_.pop_back();
    check_cairo();
}

}  // namespace dw::paint

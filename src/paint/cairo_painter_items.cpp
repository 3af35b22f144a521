#include <cairo-pdf.h>

#include "paint/cairo_painter_impl.h"
#include "paint/pdf_attributes.h"
#include "paint/text_format.h"

// The drawing of single items by CairoPainter (see cairo_painter.cpp for the life cycle).
namespace dw::paint {

void CairoPainter::Impl::glyphs(const typeset::GlyphRun& run) {
    if (!can_draw() || run.glyphs.empty()) return;
    const FontCache::Font* font = fonts_->get(run.font);
    if (!font) return;  // reported by the cache
    std::vector<DrawResult> results;
    if (!batch_.add(cr_.get(), font->face, font->num_glyphs, run, results))
        results.push_back(draw_glyph_run(cr_.get(), font->face, font->num_glyphs, run));
    for (const DrawResult& result : results) report(result);
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
    flush_batch();
    if (!can_draw()) return;
    report(draw_shape(cr_.get(), shape));
    check_cairo();
}

void CairoPainter::Impl::line(const typeset::Line& line) {
    if (!can_draw()) return;
    std::vector<DrawResult> results;
    if (!batch_.add(cr_.get(), line, results)) results.push_back(draw_line(cr_.get(), line));
    for (const DrawResult& result : results) report(result);
    check_cairo();
}

void CairoPainter::Impl::image(const typeset::Image& image) {
    flush_batch();
    if (!can_draw()) return;
    if (!is_drawable_rect(image.rect)) return error("image with an empty or invalid rectangle");
    images_.draw(cr_.get(), image);  // reports its own problems
    check_cairo();
}

void CairoPainter::Impl::link(const typeset::Link& link) {
    flush_batch();
    if (!is_pdf() || !can_draw()) return;
    if (link.uri.empty() && link.dest.empty()) return warning("link without a target; left out");
    if (!has_drawable_rect(link)) return warning("link without a usable rectangle; left out");
    if (link.uri.empty() && !dest_names_.count(link.dest)) {
        return warning("link to unknown destination " + quoted_text(link.dest) + "; left out");
    }
    cairo_tag_begin(cr_.get(), CAIRO_TAG_LINK, link_attributes(link).c_str());
    cairo_tag_end(cr_.get(), CAIRO_TAG_LINK);
    check_cairo();
}

void CairoPainter::Impl::dest(const typeset::Dest& dest) {
    flush_batch();
    if (!is_pdf() || !can_draw()) return;
    // Invalid and duplicate names were reported in begin_document.
    if (!dest_names_.count(dest.name) || !placed_dests_.insert(dest.name).second) return;
    cairo_tag_begin(cr_.get(), CAIRO_TAG_DEST, dest_attributes(dest).c_str());
    cairo_tag_end(cr_.get(), CAIRO_TAG_DEST);
    check_cairo();
}

void CairoPainter::Impl::group_begin(const typeset::GroupBegin& group) {
    flush_batch();
    ++open_groups_;  // counted even without a context, so the matching end stays quiet
    if (cr_) report(begin_group(cr_.get(), group));
}

void CairoPainter::Impl::group_end() {
    flush_batch();
    if (open_groups_ == 0) return warning("end of a group that was not begun; ignored");
    --open_groups_;
    if (cr_) cairo_restore(cr_.get());
}

// Structure tags may span pages (a paragraph split over two pages), so they are not closed at
// the end of a page.
void CairoPainter::Impl::tag_begin(const typeset::TagBegin& tag) {
    flush_batch();
    if (!is_pdf() || !cr_) return;
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
    flush_batch();
    if (!is_pdf() || !cr_) return;
    if (tags_.empty()) return warning("end of a structure tag that was not begun; ignored");
    if (!tags_.back().empty()) cairo_tag_end(cr_.get(), tags_.back().c_str());
    tags_.pop_back();
    check_cairo();
}

}  // namespace dw::paint

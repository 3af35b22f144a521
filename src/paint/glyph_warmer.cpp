#include "paint/glyph_warmer.h"

#include <cairo-pdf.h>

#include <cmath>

#include "paint/cairo_draw.h"

namespace dw::paint {

GlyphWalk::GlyphWalk(const FontCache& fonts, const cairo_font_options_t* context_options,
                     const std::atomic<bool>* stop)
    : fonts_(fonts), options_(context_options), stop_(stop) {
    // A PDF surface of its own, never drawn on: the same surface font options and device
    // transform as the painter's, so the context picks the painter's scaled fonts.
    surface_.reset(cairo_pdf_surface_create_for_stream(nullptr, nullptr, 1, 1));
}

GlyphWalk::~GlyphWalk() = default;

void GlyphWalk::begin_page(double, double, const std::string&) {
    cr_.reset(cairo_create(surface_.get()));
    cairo_set_font_options(cr_.get(), options_);
}

void GlyphWalk::group_begin(const typeset::GroupBegin& group) {
    if (cr_) begin_group(cr_.get(), group);  // the painter's transform, the same arithmetic
}

void GlyphWalk::group_end() {
    if (cr_) cairo_restore(cr_.get());
}

void GlyphWalk::end_page() { cr_.reset(); }

void GlyphWalk::glyphs(const typeset::GlyphRun& run) {
    if (!cr_ || (stop_ && stop_->load(std::memory_order_relaxed))) return;
    const FontCache::Font* font = fonts_.loaded(run.font);
    if (!font || !std::isfinite(run.size) || run.size <= 0) return;
    all_.clear(), first_seen_.clear();
    for (const typeset::Glyph& g : run.glyphs) {
        if (g.id >= static_cast<unsigned long>(font->num_glyphs)) continue;
        all_.push_back({g.id, 0, 0});
        if (seen_.insert({font->face, g.id}).second) first_seen_.push_back({g.id, 0, 0});
    }
    if (all_.empty()) return;
    cairo_set_font_face(cr_.get(), font->face);  // as draw_glyph_run sets them
    cairo_set_font_size(cr_.get(), run.size);
    cairo_scaled_font_t* scaled = keep(cairo_get_scaled_font(cr_.get()));
    cairo_text_extents_t extents;
    // What showing the glyphs needs: their metrics in this scaled font.
    cairo_scaled_font_glyph_extents(scaled, all_.data(), int(all_.size()), &extents);
    if (!first_seen_.empty()) {
        // What the PDF surface needs the first time a glyph of a face goes into its subset:
        // the outline in the scaled font it comes with, and the metrics at size 1.
        cairo_glyph_path(cr_.get(), first_seen_.data(), int(first_seen_.size()));
        cairo_new_path(cr_.get());
        cairo_scaled_font_glyph_extents(unscaled_font(font->face), first_seen_.data(),
                                        int(first_seen_.size()), &extents);
    }
    runs_warmed_.fetch_add(1, std::memory_order_relaxed);
}

cairo_scaled_font_t* GlyphWalk::keep(cairo_scaled_font_t* font) {
    if (kept_.insert(font).second) held_.emplace_back(cairo_scaled_font_reference(font));
    return font;
}

// The font Cairo's PDF subsetting makes for a face (cairo-scaled-font-subsets.c): identity
// matrices, default options with hinting off.
cairo_scaled_font_t* GlyphWalk::unscaled_font(cairo_font_face_t* face) {
    ScaledFontPtr& font = unscaled_[face];
    if (!font) {
        cairo_matrix_t identity;
        cairo_matrix_init_identity(&identity);
        FontOptionsPtr options(cairo_font_options_create());
        cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
        font.reset(cairo_scaled_font_create(face, &identity, &identity, options.get()));
    }
    return font.get();
}

GlyphWarmer::GlyphWarmer(const typeset::Document& doc, const FontCache& fonts,
                         const cairo_font_options_t* context_options, Executor& executor)
    : doc_(doc), options_(cairo_font_options_copy(context_options)) {
    walk_ = std::make_unique<GlyphWalk>(fonts, options_.get(), &stop_);
    task_ = executor.start([this] { run(); });
}

void GlyphWarmer::wait() { task_.wait(); }

std::vector<cairo_scaled_font_t*> GlyphWarmer::scaled_fonts() const { return walk_->scaled_fonts(); }

void GlyphWarmer::stop() {
    stop_ = true;
    wait();
}

void GlyphWarmer::run() {
    for (const typeset::Page& page : doc_.pages) {
        if (stop_) break;
        paint_page(page, *walk_);
    }
}

}  // namespace dw::paint

#pragma once
#include <cairo.h>

#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include "diag/executor.h"
#include "paint/cairo_fonts.h"
#include "paint/cairo_handles.h"
#include "paint/painter.h"
#include "typeset/page.h"

namespace dw::paint {

// Walks pages like a painter, but only follows the group transforms and loads the glyphs of each
// run into the scaled font the painter's context will ask for (the same font face, font matrix,
// CTM and font options: Cairo shares scaled fonts with equal keys), and, for the first use of a
// glyph of a face, what the PDF surface's subsetting asks for (the outline, and the metrics at
// size 1). It holds the scaled fonts it made until it is destroyed, so Cairo cannot drop them
// before the painter uses them. Glyph runs of fonts `fonts` has not loaded are skipped.
class GlyphWalk final : public Painter {
public:
    // `context_options`: what the painter sets with cairo_set_font_options (not copied).
    // `stop`, if given: checked before each glyph run.
    GlyphWalk(const FontCache& fonts, const cairo_font_options_t* context_options,
              const std::atomic<bool>* stop = nullptr);
    ~GlyphWalk() override;

    int runs_warmed() const { return runs_warmed_.load(std::memory_order_relaxed); }
    std::vector<cairo_scaled_font_t*> scaled_fonts() const { return {kept_.begin(), kept_.end()}; }

    void begin_page(double, double, const std::string&) override;
    void group_begin(const typeset::GroupBegin& group) override;
    void group_end() override;
    void glyphs(const typeset::GlyphRun& run) override;
    void end_page() override;
    void begin_document(const typeset::Document&) override {}
    void shape(const typeset::Shape&) override {}
    void line(const typeset::Line&) override {}
    void image(const typeset::Image&) override {}
    void link(const typeset::Link&) override {}
    void dest(const typeset::Dest&) override {}
    void tag_begin(const typeset::TagBegin&) override {}
    void tag_end() override {}
    void end_document() override {}

private:
    struct ScaledFontDeleter {
        void operator()(cairo_scaled_font_t* p) const { cairo_scaled_font_destroy(p); }
    };
    using ScaledFontPtr = std::unique_ptr<cairo_scaled_font_t, ScaledFontDeleter>;

    cairo_scaled_font_t* keep(cairo_scaled_font_t* font);
    cairo_scaled_font_t* unscaled_font(cairo_font_face_t* face);

    const FontCache& fonts_;
    const cairo_font_options_t* options_;
    const std::atomic<bool>* stop_;
    std::atomic<int> runs_warmed_{0};
    SurfacePtr surface_;
    CairoPtr cr_;
    std::vector<cairo_glyph_t> all_, first_seen_;
    std::set<std::pair<cairo_font_face_t*, unsigned long>> seen_;  // glyphs met before
    std::set<cairo_scaled_font_t*> kept_;
    std::vector<ScaledFontPtr> held_;
    std::map<cairo_font_face_t*, ScaledFontPtr> unscaled_;
};

// Loads every glyph a document shows into Cairo's glyph caches, as a task of the driver's
// executor, while the
// painter works through the pages: its metrics in each scaled font, and for the first use of a
// glyph of a face also what the PDF surface's subsetting asks for (the outline, and the metrics
// at size 1).
//
// Why: Cairo loads a glyph through FreeType the first time a scaled font shows it. For the
// minutes that is about a quarter of painting, and painting is the last stage, so it all sat on
// the critical path while the second core idled.
//
// How: a GlyphWalk over the pages, as one task. Cairo locks a scaled font's glyph
// cache, and the FT_Face behind it, while it loads a glyph, so both threads may use one font at
// once. Which thread loads a glyph does not change what is written: the output stays
// byte-identical.
//
// For whole documents painted into one PDF. The warmer never loads a font and never reports:
// `fonts` must already hold every font of `doc` (FontCache::load_all), and a glyph id the font
// does not have is skipped (the painter reports it).
class GlyphWarmer {
public:
    // `context_options`: what the painter sets with cairo_set_font_options (copied).
    GlyphWarmer(const typeset::Document& doc, const FontCache& fonts,
                const cairo_font_options_t* context_options, Executor& executor);
    ~GlyphWarmer() { stop(); }  // then the walk lets go of its scaled fonts
    GlyphWarmer(const GlyphWarmer&) = delete;
    GlyphWarmer& operator=(const GlyphWarmer&) = delete;

    // Stops after the glyph run at hand (before the first, if the task has not begun) and
    // waits for the task.
    void stop();
    // For tests. wait(): until every page is done; then scaled_fonts() lists the scaled fonts
    // the warmer holds, and runs_warmed() counts the glyph runs it looked up.
    void wait();
    std::vector<cairo_scaled_font_t*> scaled_fonts() const;
    int runs_warmed() const { return walk_->runs_warmed(); }

private:
    void run();

    const typeset::Document& doc_;
    FontOptionsPtr options_;
    std::atomic<bool> stop_{false};
    std::unique_ptr<GlyphWalk> walk_;  // holds the scaled fonts it made until the warmer ends
    Executor::Task task_;
};

}  // namespace dw::paint

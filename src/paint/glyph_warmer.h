#pragma once
#include <cairo.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "paint/cairo_fonts.h"
#include "paint/cairo_handles.h"
#include "paint/painter.h"
#include "typeset/page.h"

namespace dw::paint {

// Loads every glyph a document shows into Cairo's glyph caches, on another thread, while the
// painter works through the pages: its metrics in each scaled font, and for the first use of a
// glyph of a face also what the PDF surface's subsetting asks for (the outline, and the metrics
// at size 1).
//
// Why: Cairo loads a glyph through FreeType the first time a scaled font shows it. For the
// minutes that is about a quarter of painting, and painting is the last stage, so it all sat on
// the critical path while the second core idled.
//
// How: the warmer walks the pages with the painter's own group transforms and asks Cairo for the
// very scaled fonts the painter's context will ask for: the same font face, font matrix, CTM
// and font options (Cairo shares scaled fonts with equal keys). Cairo locks a scaled font's glyph
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
                const cairo_font_options_t* context_options);
    ~GlyphWarmer();  // stops after the glyph run at hand and waits for the thread
    GlyphWarmer(const GlyphWarmer&) = delete;
    GlyphWarmer& operator=(const GlyphWarmer&) = delete;

    // For tests. wait(): until every page is done; then scaled_fonts() lists the scaled fonts
    // the warmer holds, and runs_warmed() counts the glyph runs it looked up.
    void wait();
    std::vector<cairo_scaled_font_t*> scaled_fonts() const;
    int runs_warmed() const { return runs_warmed_.load(); }

private:
    class Walk;
    void run();

    const typeset::Document& doc_;
    FontOptionsPtr options_;
    std::atomic<bool> stop_{false};
    std::atomic<int> runs_warmed_{0};
    std::unique_ptr<Walk> walk_;  // holds the scaled fonts it made until the warmer ends
    std::thread thread_;
};

}  // namespace dw::paint

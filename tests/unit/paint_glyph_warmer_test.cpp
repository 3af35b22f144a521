// GlyphWarmer: the scaled fonts it loads glyphs into must be the very ones a painter's context
// picks (same face, matrix, CTM and options), or the warming is wasted work on the second core.
// Pointer equality with the font a PDF context picks proves the keys are equal.
#include <cairo-pdf.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <future>

#include "paint/cairo_draw.h"
#include "paint/glyph_warmer.h"

using namespace dw;

namespace {

typeset::GlyphRun run(int font, double size, std::vector<uint32_t> ids) {
    typeset::GlyphRun r;
    r.font = font;
    r.size = size;
    for (uint32_t id : ids) r.glyphs.push_back({id, 10, 10});
    return r;
}

typeset::Document document() {
    typeset::Document doc;
    doc.fonts.push_back({DRUKWERK_SOURCE_ROOT "/fonts/lato/Lato-Regular.ttf", 0, "Lato"});
    typeset::Page page;
    page.items.push_back(run(0, 10, {36, 37, 38}));
    page.items.push_back(typeset::GroupBegin{7, 100, 100, {}});
    page.items.push_back(run(0, 12, {36, 39}));
    page.items.push_back(typeset::GroupEnd{});
    page.items.push_back(run(0, 10, {999999}));  // no such glyph: skipped
    page.items.push_back(run(3, 10, {36}));      // no such font: skipped
    doc.pages.push_back(page);
    return doc;
}

// The scaled font a painter's context on a PDF surface picks for `face` at `size`.
struct PdfContext {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(nullptr, nullptr, 595, 842);
    cairo_t* cr = cairo_create(surface);
    PdfContext() { cairo_set_font_options(cr, paint::FontCache::font_options().get()); }
    ~PdfContext() {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }
    cairo_scaled_font_t* font(cairo_font_face_t* face, double size) {
        cairo_set_font_face(cr, face);
        cairo_set_font_size(cr, size);
        return cairo_get_scaled_font(cr);
    }
};

bool holds(const std::vector<cairo_scaled_font_t*>& fonts, cairo_scaled_font_t* font) {
    return std::find(fonts.begin(), fonts.end(), font) != fonts.end();
}

}  // namespace

TEST_CASE("the glyph warmer loads glyphs into the scaled fonts the painter uses", "[paint][warm]") {
    Diagnostics diag;
    typeset::Document doc = document();
    paint::FontCache fonts(doc.fonts, diag);
    fonts.load_all();
    REQUIRE(fonts.loaded(0));
    paint::FontOptionsPtr options = paint::FontCache::font_options();
    Executor executor(1);
    paint::GlyphWarmer warmer(doc, fonts, options.get(), executor);
    warmer.wait();
    CHECK(warmer.runs_warmed() == 2);
    const std::vector<cairo_scaled_font_t*> warmed = warmer.scaled_fonts();
    CHECK(warmed.size() == 2);

    PdfContext painter;
    cairo_font_face_t* face = fonts.loaded(0)->face;
    CHECK(holds(warmed, painter.font(face, 10)));
    CHECK_FALSE(holds(warmed, painter.font(face, 11)));  // a size the document does not use
    CHECK_FALSE(holds(warmed, painter.font(face, 12)));  // unrotated: another CTM
    paint::begin_group(painter.cr, typeset::GroupBegin{7, 100, 100, {}});
    CHECK(holds(warmed, painter.font(face, 12)));
    cairo_restore(painter.cr);
    CHECK(diag.error_count() == 0);
}

TEST_CASE("a glyph warmer stopped before its task begins does nothing", "[paint][warm][threads]") {
    Diagnostics diag;
    typeset::Document doc = document();
    for (int i = 0; i < 500; ++i) doc.pages.push_back(doc.pages.front());
    paint::FontCache fonts(doc.fonts, diag);
    fonts.load_all();
    paint::FontOptionsPtr options = paint::FontCache::font_options();
    Executor executor(1);
    std::promise<void> release;
    Executor::Task busy = executor.start([done = release.get_future().share()] { done.wait(); });
    paint::GlyphWarmer warmer(doc, fonts, options.get(), executor);  // queued behind `busy`
    warmer.stop();  // taken back from the queue: it runs here and stops before the first run
    CHECK(warmer.runs_warmed() == 0);
    CHECK(warmer.scaled_fonts().empty());
    release.set_value();
}

#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "paint/cairo_draw.h"
#include "paint/cairo_fonts.h"
#include "paint/cairo_handles.h"
#include "paint/cairo_images.h"
#include "paint/draw_batch.h"
#include "paint/glyph_warmer.h"
#include "paint/cairo_painter.h"

// The state behind CairoPainter. cairo_painter.cpp holds the document and page life cycle,
// cairo_painter_items.cpp the drawing of single items.
namespace dw::paint {

class CairoPainter::Impl {
public:
    Impl(CairoOptions options, Diagnostics& diag);

    void begin_document(const typeset::Document& doc);
    void begin_page(double width, double height, const std::string& label);
    void update_fonts(const std::vector<typeset::FontFace>& fonts);
    void warm(const typeset::Page& page, const std::vector<typeset::FontFace>& fonts);
    void end_page();
    void end_document();

    void glyphs(const typeset::GlyphRun& run);
    void shape(const typeset::Shape& shape);
    void line(const typeset::Line& line);
    void image(const typeset::Image& image);
    void link(const typeset::Link& link);
    void dest(const typeset::Dest& dest);
    void group_begin(const typeset::GroupBegin& group);
    void group_end();
    void tag_begin(const typeset::TagBegin& tag);
    void tag_end();

    bool failed() const { return diag_.error_count() > errors_before_; }
    std::vector<std::string> output;

private:
    bool is_pdf() const { return options_.target == CairoTarget::Pdf; }
    bool can_draw() const { return cr_ && !broken_; }
    void collect_dests(const typeset::Document& doc);
    void open_pdf();
    void start_glyph_warmer(const typeset::Document& doc);
    void open_page_surface(double width, double height);
    void close_page_surface();
    void flush_to_sink();
    void check_cairo();
    void error(const std::string& message);
    void warning(const std::string& message);
    void report(const DrawResult& result);
    void flush_batch();  // draws what DrawBatch holds; before anything else is drawn
    // Groups marked for reuse (GroupBegin::reuse), PDF only: the first group of a key is drawn
    // into a recording, which that group and every later one with the key paint as one shared
    // Form XObject; the later groups' own items are skipped.
    bool begin_reuse(const typeset::GroupBegin& group);
    void finish_recording();
    void paint_reused(const std::string& key, const typeset::Rect& bounds);
    bool skipping() const { return skip_depth_ > 0; }
    void end_link_text();

    CairoOptions options_;
    Diagnostics& diag_;
    int errors_before_ = 0;
    std::optional<FontCache> fonts_;
    ImageCache images_;
    DrawBatch batch_;
    FontOptionsPtr font_options_;
    std::unique_ptr<GlyphWarmer> warmer_;  // declared after fonts_: stops before they go
    std::unique_ptr<GlyphWalk> warm_walk_;  // warm(): holds its scaled fonts; after fonts_ too

    std::string bytes_;  // what the current PDF or SVG stream has written so far
    SurfacePtr surface_;
    CairoPtr cr_;
    bool broken_ = false;  // Cairo reported an error; nothing more can be drawn

    struct Reused {
        PatternPtr drawing;
        typeset::Rect bounds;  // where the recorded copy lay
    };
    std::map<std::string, Reused> reused_;
    struct Recording {
        std::string key;
        typeset::Rect bounds;
        SurfacePtr surface;
        CairoPtr page_cr;  // cr_ while the group is recorded into the surface
        int depth = 0;     // groups open inside the recorded one
    };
    std::optional<Recording> recording_;
    int skip_depth_ = 0;  // > 0: inside a group painted from its recording

    int page_ = 0;                   // 1-based number of the current page
    int open_groups_ = 0;            // on the current page
    int link_runs_left_ = 0;         // > 0: inside a link's text, this many glyph runs to go
    std::vector<std::string> tags_;  // open structure tags; "" for a rejected one
    std::set<std::string> dest_names_, placed_dests_;
};

}  // namespace dw::paint

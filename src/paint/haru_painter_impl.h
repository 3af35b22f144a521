#pragma once
#include <hpdf.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "paint/flatten_backdrop.h"
#include "paint/haru_fonts.h"
#include "paint/haru_handles.h"
#include "paint/haru_images.h"
#include "paint/haru_painter.h"
#include "paint/recording_painter.h"
#include "paint/text_segments.h"

// The state behind HaruPainter. haru_painter.cpp holds the page life cycle, haru_document.cpp
// the document-level objects (metadata, outline, links, encryption), haru_pdfa.cpp the PDF/A
// parts, and haru_painter_items.cpp the drawing of single items.
//
// Pages are drawn in page coordinates (origin top-left, y down, as typeset/ hands them over):
// each page starts with a transform that flips PDF's y axis. Text and images flip back locally.
namespace dw::paint {

class HaruPainter::Impl {
public:
    Impl(HaruOptions options, Diagnostics& diag);

    void begin_document(const typeset::Document& doc);
    void begin_page(double width, double height, const std::string& label);
    void end_page();
    void end_document();

    void glyphs(const typeset::GlyphRun& run);
    void shape(const typeset::Shape& shape);
    void line(const typeset::Line& line);
    void image(const typeset::Image& image);
    void link(const typeset::Link& link);
    void group_begin(const typeset::GroupBegin& group);
    void group_end();

    bool failed() const { return diag_.error_count() > errors_before_; }
    std::string output;
    // PDF/A: every painter call is also logged, and the log's hash becomes the trailer /ID.
    std::optional<RecordingPainter> fingerprint;

    // libharu's error handler (a C callback, `self` is this Impl).
    static void handle_libharu_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);

private:
    struct PendingLink {
        size_t page;
        typeset::Link link;
    };
    struct DestTarget {
        size_t page;
        double x, y;
    };

    void on_libharu_error(HPDF_STATUS error, HPDF_STATUS detail);
    bool can_draw() const { return page_ != nullptr && !broken_; }
    bool check(const std::string& doing);  // false (after reporting) when libharu failed
    void error(const std::string& message, const std::string& hint = {});
    void warning(const std::string& message);

    // The colour to paint `c` with over `area` (page coordinates before the current transform):
    // `c` itself, or in PDF/A `c` flattened against what is under it; nullopt after reporting
    // `what` when PDF/A cannot flatten it.
    std::optional<Color> paint_colour(const Color& c, const typeset::Rect& area,
                                      const std::string& what);
    void set_fill(const Color& c);
    void set_stroke(const Color& c);
    void set_alpha(double fill_alpha, double stroke_alpha);  // plain PDF only
    void write_raw(const std::string& operators);  // content stream operators libharu lacks

    void draw_text(HaruFonts::Font& font, const typeset::GlyphRun& run);
    void draw_stand_in_text(HaruFonts::Font& carrier, HaruFonts::Font& drawn,
                            const typeset::GlyphRun& run);
    void show_segments(HaruFonts::Font& font, double size, const std::vector<TextSegment>& segments,
                       bool invisible);
    void draw_outlines(HaruFonts::Font& font, const typeset::GlyphRun& run);

    // haru_document.cpp, haru_pdfa.cpp
    void collect_dests(const typeset::Document& doc);
    void write_metadata(const typeset::Metadata& meta);
    void write_outline(const std::vector<typeset::OutlineEntry>& outline);
    void write_links();
    void write_to_unicode_maps();
    void write_cid_sets();
    void write_page_boxes();
    void write_pdfa(const typeset::Metadata& meta);
    void write_encryption();
    HPDF_Destination destination(const DestTarget& target);
    void save();

    HaruOptions options_;
    Diagnostics& diag_;
    int errors_before_ = 0;
    HaruDocPtr doc_;
    const typeset::Document* document_ = nullptr;
    std::optional<HaruFonts> fonts_;
    std::optional<HaruImages> images_;
    bool broken_ = false;  // libharu reported an error: its document is unusable
    std::string libharu_error_;

    std::vector<HPDF_Page> pages_;
    std::vector<double> page_heights_;
    HPDF_Page page_ = nullptr;
    int page_number_ = 0;             // 1-based
    std::vector<Affine> transforms_;  // current transform per open group; back() is current
    Backdrop backdrop_;
    std::map<int, HPDF_ExtGState> alpha_states_;      // by fill*1000+stroke, in thousandths
    std::optional<std::pair<int, long>> last_label_;  // previous page's numbering style, number

    std::map<std::string, DestTarget> dests_;
    std::vector<PendingLink> links_;
};

}  // namespace dw::paint

#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "typeset/page.h"

// Replaying Pango's glyph positions with a PDF library that only shows text strings (libharu):
// a run is cut into segments that are each drawn with one text-showing operator at the
// position of their first cluster. A segment grows while the font's own advances put the next
// cluster where Pango placed it; kerning, justified spaces and letter spacing start a new one.
// So every glyph lands within `tolerance` of Pango's position with as few operators as possible.
// Plain data; the painter supplies the font's advances and the text to show per cluster.
namespace dw::paint {

struct TextSegment {
    std::string text;  // UTF-8, as the font should show it
    double x = 0, y = 0;
    double scale = 1;  // horizontal scaling (stand-in text only)
};

struct SegmentFont {
    // Advance in points of `text` shown at `size` in this font.
    std::function<double(std::string_view text, double size)> advance;
    // The text to show for one cluster (its text and its glyph ids): usually the cluster's own
    // text; the painter may substitute (a soft hyphen drawn as a hyphen...). Empty: skip it.
    std::function<std::string(std::string_view text, const std::vector<uint32_t>& glyphs)>
        shown_text;
};

inline constexpr double kSegmentTolerance = 0.05;  // pt: far below a pixel at 600 dpi

// Clusters without glyphs (a soft hyphen inside a line) are not shown. A run whose clusters do
// not cover its text and glyphs exactly is shown as one segment at its first glyph.
std::vector<TextSegment> text_segments(const typeset::GlyphRun& run, const SegmentFont& font,
                                       double tolerance = kSegmentTolerance);

// Text shown invisibly in a stand-in font over glyphs that were drawn as paths, so that PDF
// readers extract and select it: one segment per word (clusters between spaces), scaled
// horizontally to span exactly the glyphs it stands for. `glyph_advance` gives the advance in
// points of a glyph of the drawn font at the run's size.
std::vector<TextSegment> stand_in_segments(const typeset::GlyphRun& run, const SegmentFont& font,
                                           const std::function<double(uint32_t)>& glyph_advance);

}  // namespace dw::paint

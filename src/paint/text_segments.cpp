#include "paint/text_segments.h"

#include <algorithm>
#include <cmath>

namespace dw::paint {

namespace {

bool clusters_cover_run(const typeset::GlyphRun& run) {
    size_t bytes = 0, glyphs = 0;
    for (auto [b, g] : run.clusters) {
        if (b < 0 || g < 0) return false;
        bytes += b, glyphs += g;
    }
    return !run.clusters.empty() && bytes == run.text.size() && glyphs == run.glyphs.size();
}

}  // namespace

std::vector<TextSegment> text_segments(const typeset::GlyphRun& run, const SegmentFont& font,
                                       double tolerance) {
    std::vector<TextSegment> segments;
    if (run.glyphs.empty()) return segments;
    if (!clusters_cover_run(run)) {
        std::string text = font.shown_text(run.text, {});
        if (!text.empty()) segments.push_back({text, run.glyphs.front().x, run.glyphs.front().y});
        return segments;
    }
    size_t byte = 0, glyph = 0;
    double next_x = 0;  // where the open segment's font advances put the next cluster
    bool open = false;
    for (auto [num_bytes, num_glyphs] : run.clusters) {
        const std::string_view text = std::string_view(run.text).substr(byte, num_bytes);
        std::vector<uint32_t> ids;
        for (int i = 0; i < num_glyphs; ++i) ids.push_back(run.glyphs[glyph + i].id);
        const std::string shown = num_glyphs > 0 ? font.shown_text(text, ids) : std::string();
        if (!shown.empty()) {
            const typeset::Glyph& first = run.glyphs[glyph];
            const bool continues = open && std::abs(first.x - next_x) <= tolerance &&
                                   std::abs(first.y - segments.back().y) <= tolerance;
            if (continues) {
                segments.back().text += shown;
                next_x += font.advance(shown, run.size);
            } else {
                segments.push_back({shown, first.x, first.y});
                next_x = first.x + font.advance(shown, run.size);
                open = true;
            }
        } else {
            open = false;  // an unshown cluster leaves a gap the next cluster must not close
        }
        byte += num_bytes, glyph += num_glyphs;
    }
    return segments;
}

std::vector<TextSegment> stand_in_segments(const typeset::GlyphRun& run, const SegmentFont& font,
                                           const std::function<double(uint32_t)>& glyph_advance) {
    std::vector<TextSegment> words;
    if (run.glyphs.empty() || !clusters_cover_run(run)) return text_segments(run, font);
    double end_x = 0;  // right edge of the open word's last glyph
    bool open = false;
    auto close = [&] {
        if (!open) return;
        open = false;
        TextSegment& w = words.back();
        const double natural = font.advance(w.text, run.size), wanted = end_x - w.x;
        if (natural > 0 && wanted > 0) w.scale = std::clamp(wanted / natural, 0.2, 5.0);
    };
    size_t byte = 0, glyph = 0;
    for (auto [num_bytes, num_glyphs] : run.clusters) {
        const std::string_view text = std::string_view(run.text).substr(byte, num_bytes);
        const std::string shown = num_glyphs > 0 ? font.shown_text(text, {}) : std::string();
        const bool space = shown.empty() || shown.find_first_not_of(' ') == std::string::npos;
        if (space) {
            close();
        } else {
            const typeset::Glyph& first = run.glyphs[glyph];
            if (!open) words.push_back({"", first.x, first.y, 1});
            open = true;
            words.back().text += shown;
            const typeset::Glyph& last = run.glyphs[glyph + num_glyphs - 1];
            end_x = last.x + glyph_advance(last.id);
        }
        byte += num_bytes, glyph += num_glyphs;
    }
    close();
    return words;
}

}  // namespace dw::paint

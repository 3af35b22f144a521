#include "typeset/glyph_runs.h"

#include <pango/pangofc-font.h>

#include <algorithm>

#include "typeset/font_handles.h"
#include "typeset/font_pattern.h"

namespace dw::typeset {

namespace {

// The FontSystem's context is at 72 dpi, so a Pango unit is 1/PANGO_SCALE of a point.
double points(long units) { return static_cast<double>(units) / PANGO_SCALE; }

double font_size(PangoFont* font) {
    FontDescriptionPtr desc(pango_font_describe_with_absolute_size(font));
    return points(pango_font_description_get_size(desc.get()));
}

}  // namespace

Color color_of_item(const PangoItem* item, const Color& fallback) {
    Color color = fallback;
    for (GSList* l = item->analysis.extra_attrs; l; l = l->next) {
        const auto* attr = static_cast<const PangoAttribute*>(l->data);
        if (attr->klass->type == PANGO_ATTR_FOREGROUND) {
            const PangoColor& c = reinterpret_cast<const PangoAttrColor*>(attr)->color;
            color.r = c.red / 65535.0;
            color.g = c.green / 65535.0;
            color.b = c.blue / 65535.0;
        } else if (attr->klass->type == PANGO_ATTR_FOREGROUND_ALPHA) {
            color.a = reinterpret_cast<const PangoAttrInt*>(attr)->value / 65535.0;
        }
    }
    return color;
}

namespace {

struct PlacedGlyph {
    PangoGlyph glyph;
    double x, y;
    int cluster_start;  // byte offset in the run's text
};

// The glyphs of a run with their pen positions, in visual order, as pango_renderer_draw_glyphs
// places them: x advances by the widths, each glyph shifted by its own offsets.
std::vector<PlacedGlyph> place_glyphs(const PangoGlyphItem* run, double x, double baseline_y) {
    std::vector<PlacedGlyph> placed;
    const PangoGlyphString* glyphs = run->glyphs;
    long pen = 0;
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
        const PangoGlyphGeometry& g = glyphs->glyphs[i].geometry;
        placed.push_back({glyphs->glyphs[i].glyph, x + points(pen + g.x_offset),
                          baseline_y - points(run->y_offset) + points(g.y_offset),
                          glyphs->log_clusters[i]});
        pen += g.width;
    }
    return placed;
}

// Glyphs in text order with clusters mapping text bytes to glyphs. Right-to-left runs come in
// visual order; their positions are explicit, so listing them in text order loses nothing and
// keeps clusters forward (GlyphRun has no "backward" flag).
void fill_glyphs_and_clusters(std::vector<PlacedGlyph> placed, bool right_to_left, int text_bytes,
                              GlyphRun& out) {
    if (right_to_left) std::reverse(placed.begin(), placed.end());
    size_t i = 0;
    int start = 0;  // the first cluster also takes any bytes before its reported start
    while (i < placed.size()) {
        const int cluster = placed[i].cluster_start;
        int visible = 0;
        for (; i < placed.size() && placed[i].cluster_start == cluster; ++i) {
            PangoGlyph id = placed[i].glyph;
            if (id == PANGO_GLYPH_EMPTY) continue;  // soft hyphen mid-line, zero-width joiners...
            if (id & PANGO_GLYPH_UNKNOWN_FLAG) id = 0;  // tofu: .notdef rather than a bogus id
            out.glyphs.push_back({id, placed[i].x, placed[i].y});
            ++visible;
        }
        const int end = i < placed.size() ? placed[i].cluster_start : text_bytes;
        out.clusters.emplace_back(end - start, visible);
        start = end;
    }
}

}  // namespace

int FontTable::index_of(PangoFont* font) {
    if (!font || !PANGO_IS_FC_FONT(font)) return -1;
    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    std::string file = pattern_string(pattern, FC_FILE);
    if (file.empty()) return -1;
    int face_index = 0;
    FcPatternGetInteger(pattern, FC_INDEX, 0, &face_index);
    auto key = std::make_pair(file, face_index);
    if (auto found = index_.find(key); found != index_.end()) return found->second;
    const int index = static_cast<int>(faces_.size());
    faces_.push_back({file, face_index, pattern_string(pattern, FC_FAMILY)});
    index_.emplace(std::move(key), index);
    return index;
}

void append_glyph_runs(PangoLayoutLine* line, double x, double baseline_y, FontTable& fonts,
                       const Color& default_color, std::vector<Item>& out) {
    const char* text = pango_layout_get_text(line->layout);
    long pen = 0;  // Pango units from the line's left end, summed as integers like Pango does
    for (GSList* l = line->runs; l; l = l->next) {
        const auto* run = static_cast<const PangoGlyphItem*>(l->data);
        const PangoItem* item = run->item;
        pen += run->start_x_offset;
        const double run_x = x + points(pen);
        pen += pango_glyph_string_get_width(run->glyphs) + run->end_x_offset;

        const int font = fonts.index_of(item->analysis.font);
        if (font < 0) continue;
        GlyphRun glyph_run;
        glyph_run.font = font;
        glyph_run.size = font_size(item->analysis.font);
        glyph_run.color = color_of_item(item, default_color);
        glyph_run.text.assign(text + item->offset, item->length);
        fill_glyphs_and_clusters(place_glyphs(run, run_x, baseline_y), item->analysis.level % 2,
                                 item->length, glyph_run);
        // A run of only invisible glyphs (a tab, an inline object) has nothing to draw.
        if (!glyph_run.glyphs.empty()) out.emplace_back(std::move(glyph_run));
    }
}

}  // namespace dw::typeset

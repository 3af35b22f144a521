#include "typeset/direct_shaping.h"

namespace dw::typeset {
namespace {

// What makes Pango's shaping of an item differ from plain HarfBuzz with the font's features.
bool is_plain(const PangoAnalysis& analysis) {
    const auto gravity = PangoGravity(analysis.gravity);
    if (!analysis.font || analysis.level % 2 != 0 || PANGO_GRAVITY_IS_VERTICAL(gravity) ||
        PANGO_GRAVITY_IS_IMPROPER(gravity) || (analysis.flags & PANGO_ANALYSIS_FLAG_NEED_HYPHEN))
        return false;
    for (GSList* l = analysis.extra_attrs; l; l = l->next) {
        switch (static_cast<const PangoAttribute*>(l->data)->klass->type) {
            case PANGO_ATTR_FONT_FEATURES:
            case PANGO_ATTR_LETTER_SPACING:  // Pango turns ligatures off under any letter spacing
            case PANGO_ATTR_SHOW:
            case PANGO_ATTR_TEXT_TRANSFORM: return false;
            default: break;
        }
    }
    return true;
}

// Resets the buffer whatever way the shaping ends, as Pango's release_buffer does.
struct BufferReset {
    hb_buffer_t* buffer;
    ~BufferReset() { hb_buffer_reset(buffer); }
};

}  // namespace

bool shape_directly(const char* text, int length, const PangoAnalysis& analysis,
                    hb_buffer_t* buffer, ShapedText& out) {
    if (!is_plain(analysis)) return false;
    hb_font_t* font = pango_font_get_hb_font(analysis.font);
    if (!font) return false;
    BufferReset reset{buffer};
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, hb_script_t(g_unicode_script_to_iso15924(GUnicodeScript(analysis.script))));
    hb_buffer_set_language(buffer,
                           hb_language_from_string(pango_language_to_string(analysis.language), -1));
    hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb_buffer_set_flags(buffer, hb_buffer_flags_t(HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT));
    hb_buffer_set_invisible_glyph(buffer, PANGO_GLYPH_EMPTY);
    hb_buffer_add_utf8(buffer, text, length, 0, length);

    hb_feature_t features[32];
    guint feature_count = 0;
    pango_font_get_features(analysis.font, features, G_N_ELEMENTS(features), &feature_count);
    hb_shape(font, buffer, features, feature_count);

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, nullptr);
    if (count == 0) return false;  // Pango falls back to its own boxes
    out.glyphs.clear();
    out.glyphs.reserve(count);
    out.width = 0;
    for (unsigned i = 0; i < count; ++i) {
        if (infos[i].codepoint == 0) return false;  // .notdef: Pango marks the character unknown
        ShapedGlyph g;
        g.glyph = infos[i].codepoint;
        g.cluster = int(infos[i].cluster);
        g.advance = positions[i].x_advance;
        g.x_offset = positions[i].x_offset;
        g.y_offset = -positions[i].y_offset;
        if (g.advance < 0) {  // as pango_shape_internal: a negative width is shifted and negated
            g.advance = -g.advance;
            g.x_offset += g.advance;
        }
        out.width += g.advance;
        out.glyphs.push_back(g);
    }
    return true;
}

}  // namespace dw::typeset

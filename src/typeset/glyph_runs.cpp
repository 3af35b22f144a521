#include "typeset/glyph_runs.h"

#include <pango/pangofc-font.h>

#include "typeset/font_handles.h"
#include "typeset/font_pattern.h"

namespace dw::typeset {

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

int FontTable::index_of(PangoFont* font) {
    if (!font || !PANGO_IS_FC_FONT(font)) return -1;
    if (auto known = by_font_.find(font); known != by_font_.end()) return known->second;
    const int index = index_of_file(font);
    held_fonts_.emplace_back(PANGO_FONT(g_object_ref(font)));  // no other font gets its address
    by_font_.emplace(font, index);
    return index;
}

int FontTable::index_of_file(PangoFont* font) {
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

}  // namespace dw::typeset

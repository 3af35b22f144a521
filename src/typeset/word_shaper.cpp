#include "typeset/word_shaper.h"

#include <cstring>

#include "typeset/direct_shaping.h"

namespace dw::typeset {

void SharedShapes::add(std::string key, ShapedText shaped) {
    std::lock_guard lock(mutex_);
    words_.emplace(std::move(key), std::move(shaped));
}

bool SharedShapes::find(const std::string& key, ShapedText& out) const {
    std::lock_guard lock(mutex_);
    auto found = words_.find(key);
    if (found == words_.end()) return false;
    out = found->second;
    return true;
}

bool SharedShapes::contains(const std::string& key) const {
    std::lock_guard lock(mutex_);
    return words_.count(key) > 0;
}

static bool changes_features(const PangoAnalysis& analysis) {
    for (GSList* l = analysis.extra_attrs; l; l = l->next) {
        const auto* attr = static_cast<const PangoAttribute*>(l->data);
        if (attr->klass->type == PANGO_ATTR_FONT_FEATURES) return true;
        if (attr->klass->type == PANGO_ATTR_LETTER_SPACING &&
            reinterpret_cast<const PangoAttrInt*>(attr)->value != 0)
            return true;
    }
    return false;
}

void WordShaper::key_of(const char* text, int length, const PangoAnalysis& analysis,
                        std::string& key) {
    key.clear();
    const void* identity[] = {analysis.font, analysis.language};
    key.append(reinterpret_cast<const char*>(identity), sizeof identity);
    key += char(analysis.level);
    key += char(changes_features(analysis));
    key.append(reinterpret_cast<const char*>(&analysis.script), sizeof analysis.script);
    key.append(text, size_t(length));
}

ShapedText WordShaper::shape_alone(const char* text, int length, const PangoAnalysis& analysis,
                                   ShapingScratch& buffers) {
    ShapedText shaped;
    if (shape_directly(text, length, analysis, buffers.buffer(), shaped)) return shaped;
    PangoGlyphString* scratch = buffers.glyphs();
    pango_shape_with_flags(text, length, text, length, &analysis, scratch, PANGO_SHAPE_NONE);
    shaped = {};
    shaped.glyphs.reserve(size_t(scratch->num_glyphs));
    for (int i = 0; i < scratch->num_glyphs; ++i) {
        const PangoGlyphInfo& g = scratch->glyphs[i];
        shaped.glyphs.push_back({g.glyph, g.geometry.x_offset, g.geometry.y_offset, g.geometry.width,
                                 scratch->log_clusters[i]});
        shaped.width += g.geometry.width;
    }
    return shaped;
}

const ShapedText& WordShaper::shape(const char* text, int length, const PangoAnalysis& analysis) {
    key_of(text, length, analysis, key_);
    if (auto found = words_.find(key_); found != words_.end()) return found->second;

    if (words_.size() >= kCapacity) words_.clear();
    if (analysis.font && !fonts_.count(analysis.font)) font_info(analysis.font);
    ShapedText shaped;
    if (shared_ && shared_->find(key_, shaped))
        ++shared_hits_;
    else
        shaped = shape_alone(text, length, analysis, scratch_);
    return words_.emplace(key_, std::move(shaped)).first->second;
}

FontInfo WordShaper::font_info(PangoFont* font) {
    if (auto found = fonts_.find(font); found != fonts_.end()) return found->second;
    held_fonts_.emplace_back(PANGO_FONT(g_object_ref(font)));
    FontInfo info;
    // Pango gives every glyph of a font the same logical rectangle (the font's ascent and
    // descent): that is what its lines are measured with, so measure a real glyph of the font.
    PangoAnalysis analysis{};
    analysis.font = font;
    analysis.script = PANGO_SCRIPT_LATIN;
    PangoGlyphString* x = scratch_.glyphs();
    pango_shape_with_flags("x", 1, "x", 1, &analysis, x, PANGO_SHAPE_NONE);
    PangoRectangle logical{};
    PangoGlyph glyph = x->num_glyphs > 0 ? x->glyphs[0].glyph : 0;
    if (glyph & PANGO_GLYPH_UNKNOWN_FLAG) glyph = 0;  // a font without "x": its .notdef
    pango_font_get_glyph_extents(font, glyph, nullptr, &logical);
    info.ascent = -logical.y / double(PANGO_SCALE);
    info.descent = (logical.height + logical.y) / double(PANGO_SCALE);
    FontDescriptionPtr desc(pango_font_describe_with_absolute_size(font));
    info.size = pango_font_description_get_size(desc.get()) / double(PANGO_SCALE);
    fonts_.emplace(font, info);
    return info;
}

}  // namespace dw::typeset

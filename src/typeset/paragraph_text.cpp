#include "typeset/paragraph_text.h"

#include <algorithm>

#include "typeset/hyphenator.h"

namespace dw::typeset {
namespace {

std::string apply_case(const std::string& text, layout::TextCase text_case) {
    if (text_case == layout::TextCase::AsIs) return text;
    gchar* converted = text_case == layout::TextCase::Upper ? g_utf8_strup(text.c_str(), -1)
                                                            : g_utf8_strdown(text.c_str(), -1);
    std::string out = converted;
    g_free(converted);
    return out;
}

std::string field_text(const bind::Span& span, const TypesetContext& ctx) {
    switch (span.field) {
        case bind::Span::Field::PageNumber: return std::to_string(ctx.page_number);
        case bind::Span::Field::PageCount: return std::to_string(ctx.page_count);
        case bind::Span::Field::None: break;
    }
    return span.text;
}

// Footnote marks: a smaller size, raised by the paragraph layout.
constexpr double kSuperscriptScale = 0.65;

std::optional<double> span_size(const layout::Style& style, const bind::Span& span) {
    if (span.superscript) return span.size.value_or(style.size) * kSuperscriptScale;
    return span.size;
}

guint16 channel(double v) { return guint16(std::clamp(v, 0.0, 1.0) * 65535.0 + 0.5); }

void insert(PangoAttrList* list, PangoAttribute* attr, int start, int end) {
    attr->start_index = guint(start);
    attr->end_index = guint(end);
    pango_attr_list_insert(list, attr);
}

void insert_color(PangoAttrList* list, const Color& c, int start, int end) {
    insert(list, pango_attr_foreground_new(channel(c.r), channel(c.g), channel(c.b)), start, end);
    if (c.a < 1) insert(list, pango_attr_foreground_alpha_new(channel(c.a)), start, end);
}

// A tab is white space between words (a paragraph has no tab stops), and a vertical tab or a
// form feed is what a word processor leaves for a line or page break in pasted text: each is a
// space (no font has a glyph for them). In code, a tab goes on to the next column of four.
std::string white_space_as_spaces(std::string text, bool code) {
    if (text.find_first_of("\t\v\f") == std::string::npos) return text;
    std::string out;
    out.reserve(text.size() + 8);
    size_t column = 0;  // in characters since the last line break
    for (char c : text) {
        if (c == '\t' && code) {
            out.append(4 - column % 4, ' ');
            column += 4 - column % 4;
            continue;
        }
        out += c == '\t' || c == '\v' || c == '\f' ? ' ' : c;
        if (c == '\n') column = 0;
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;  // not a UTF-8 tail byte
    }
    return out;
}

}  // namespace

std::string span_text(const bind::Span& span, const layout::Style& style, Hyphenator& hyphenator,
                      Diagnostics* diags) {
    std::string text = apply_case(white_space_as_spaces(span.text, span.monospace), style.text_case);
    // Links and code keep their characters exactly: a soft hyphen inside a URL would end up in
    // what readers copy.
    const bool hyphenate = !style.hyphenate.empty() && style.hyphenate != "none";
    if (hyphenate && span.link.empty() && !span.monospace) text = hyphenator.hyphenate(text, diags);
    return text;
}

ParagraphText build_paragraph_text(const bind::Box& paragraph, TypesetContext& ctx) {
    ParagraphText out;
    const layout::Style& style = paragraph.style;
    for (const auto& span : paragraph.spans) {
        std::string text = span.field == bind::Span::Field::None
                               ? span_text(span, style, ctx.hyphenator, &ctx.diags)
                               : apply_case(field_text(span, ctx), style.text_case);
        int start = int(out.text.size());
        out.text += text;
        out.ranges.push_back({start, int(out.text.size()), &span});
    }
    return out;
}

PangoFontDescription* span_font(const layout::Style& style, const bind::Span& span) {
    PangoFontDescription* desc = style_font(style);
    if (span.family) pango_font_description_set_family(desc, span.family->c_str());
    if (span.weight) pango_font_description_set_weight(desc, PangoWeight(*span.weight));
    if (span.italic)
        pango_font_description_set_style(desc, *span.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    if (auto size = span_size(style, span))
        pango_font_description_set_size(desc, int(*size * PANGO_SCALE));  // as its attribute
    return desc;
}

PangoFontDescription* style_font(const layout::Style& style) {
    PangoFontDescription* desc = pango_font_description_new();
    pango_font_description_set_family(desc, style.family.c_str());
    pango_font_description_set_weight(desc, PangoWeight(style.weight));
    pango_font_description_set_style(desc, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_size(desc, int(style.size * PANGO_SCALE + 0.5));
    return desc;
}

PangoAttrList* build_attributes(const bind::Box& paragraph, const ParagraphText& text) {
    PangoAttrList* list = pango_attr_list_new();
    const layout::Style& style = paragraph.style;
    int all = int(text.text.size());
    // The paragraph's font first, so the spans' family, weight and size override it.
    PangoFontDescription* font = style_font(style);
    insert(list, pango_attr_font_desc_new(font), 0, all);
    pango_font_description_free(font);
    insert_color(list, style.color, 0, all);
    if (style.letter_spacing != 0)
        insert(list, pango_attr_letter_spacing_new(int(style.letter_spacing * PANGO_SCALE)), 0, all);
    for (const auto& range : text.ranges) {
        const bind::Span& s = *range.span;
        if (range.start == range.end) continue;
        if (s.family) insert(list, pango_attr_family_new(s.family->c_str()), range.start, range.end);
        if (s.weight) insert(list, pango_attr_weight_new(PangoWeight(*s.weight)), range.start, range.end);
        if (s.italic)
            insert(list, pango_attr_style_new(*s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL),
                   range.start, range.end);
        if (auto size = span_size(style, s))
            insert(list, pango_attr_size_new(int(*size * PANGO_SCALE)), range.start, range.end);
        if (s.color) insert_color(list, *s.color, range.start, range.end);
        if (s.strike) insert(list, pango_attr_strikethrough_new(TRUE), range.start, range.end);
    }
    return list;
}

}  // namespace dw::typeset

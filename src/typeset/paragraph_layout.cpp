#include "typeset/paragraph_layout.h"

#include <pango/pango.h>

#include <algorithm>
#include <memory>

#include "data/rich_text.h"
#include "typeset/font_handles.h"
#include "typeset/font_system.h"
#include "typeset/glyph_runs.h"
#include "typeset/paragraph_text.h"

namespace dw::typeset {
namespace {

constexpr double kPango = PANGO_SCALE;

using LayoutPtr = GObjectPtr<PangoLayout>;

PangoAlignment pango_alignment(layout::Align a) {
    switch (a) {
        case layout::Align::Right: return PANGO_ALIGN_RIGHT;
        case layout::Align::Center: return PANGO_ALIGN_CENTER;
        default: return PANGO_ALIGN_LEFT;
    }
}

LayoutPtr make_layout(const std::string& text, PangoAttrList* attrs, const layout::Style& style,
                      double width, TypesetContext& ctx) {
    LayoutPtr layout(pango_layout_new(ctx.fonts.context()));
    FontDescriptionPtr font(style_font(style));
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_text(layout.get(), text.c_str(), int(text.size()));
    if (attrs) pango_layout_set_attributes(layout.get(), attrs);
    if (width > 0) pango_layout_set_width(layout.get(), int(width * kPango));
    // Long words and URLs break anywhere rather than overflowing the column.
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), pango_alignment(style.align));
    pango_layout_set_justify(layout.get(), style.align == layout::Align::Justify);
    pango_layout_set_indent(layout.get(), int(style.first_indent * kPango));
    return layout;
}

// Reported where the character is written: the data value or layout text of its span.
void report_missing_glyphs(PangoLayout* layout, const ParagraphText& text, const bind::Box& paragraph,
                           TypesetContext& ctx) {
    for (const auto& missing : FontSystem::find_missing_glyphs(layout)) {
        SourceLoc where = paragraph.loc;
        for (const auto& range : text.ranges)
            if (missing.byte_offset >= range.start && missing.byte_offset < range.end &&
                !range.span->loc.file.empty())
                where = range.span->loc;
        ctx.diags.error(where, missing_glyph_message(missing),
                        "add a font that has it to fonts/, or write the text without it");
    }
}

// Each font (family, weight, style) is checked once per run, and reported where the family is
// written in the layout.
void check_font(const std::string& family, int weight, bool italic, const SourceLoc& where,
                TypesetContext& ctx) {
    if (ctx.missing_families.count(family)) return;  // reported once is enough
    if (ctx.checked_fonts.insert({family, weight, italic}).second &&
        !ctx.fonts.check_family(family, weight, italic, where, ctx.diags))
        ctx.missing_families.insert(family);
}

void check_fonts(const bind::Box& paragraph, TypesetContext& ctx) {
    const layout::Style& s = paragraph.style;
    SourceLoc where = s.family_loc.file.empty() ? paragraph.loc : s.family_loc;
    check_font(s.family, s.weight, s.italic, where, ctx);
    for (const auto& span : paragraph.spans)
        if (span.family || span.weight || span.italic)
            check_font(span.family.value_or(s.family), span.weight.value_or(s.weight),
                       span.italic.value_or(s.italic), span.family ? paragraph.loc : where, ctx);
}

// The marker (bullet, number, checkbox) hangs in the left indent, right-aligned to a small gap.
void add_marker(const bind::Box& paragraph, Fragment& line, double x, double baseline,
                TypesetContext& ctx) {
    LayoutPtr marker = make_layout(paragraph.marker, nullptr, paragraph.style, 0, ctx);
    PangoRectangle logical;
    pango_layout_get_extents(marker.get(), nullptr, &logical);
    double width = logical.width / kPango;
    double gap = paragraph.style.size * 0.5;
    double marker_x = std::max(x - paragraph.style.left_indent, x - gap - width);
    append_glyph_runs(pango_layout_get_line_readonly(marker.get(), 0), marker_x, baseline,
                      ctx.font_table, paragraph.style.color, line.items);
}

void add_links(PangoLayoutLine* line, const ParagraphText& text, double x, double top,
               double height, double baseline, Fragment& out) {
    for (const auto& range : text.ranges) {
        const bind::Span& span = *range.span;
        if (span.link.empty() || range.start == range.end) continue;
        int line_start = line->start_index, line_end = line->start_index + line->length;
        int start = std::max(range.start, line_start), end = std::min(range.end, line_end);
        if (start >= end) continue;
        int* ranges = nullptr;
        int n = 0;
        pango_layout_line_get_x_ranges(line, start, end, &ranges, &n);
        Link link;
        link.uri = span.link;
        for (int i = 0; i < n; ++i) {
            double x0 = x + ranges[2 * i] / kPango, x1 = x + ranges[2 * i + 1] / kPango;
            link.rects.push_back({x0, top, x1 - x0, height});
            if (span.underline) {
                Line underline;
                underline.x1 = x0, underline.x2 = x1;
                underline.y1 = underline.y2 = baseline + 1.6;
                underline.width = 0.5;
                underline.color = span.color.value_or(Color{});
                out.items.push_back(underline);
            }
        }
        g_free(ranges);
        if (!link.rects.empty()) out.items.push_back(std::move(link));
    }
}

// The byte offset of the soft hyphen ending a line that runs past `width`, or -1.
int overflowing_soft_hyphen(PangoLayout* layout, const std::string& text, double width) {
    LayoutIterPtr iter(pango_layout_get_iter(layout));
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
        if ((logical.x + logical.width) / kPango <= width + 0.05) continue;
        PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
        int end = line->start_index + line->length;
        if (end >= 2 && text.compare(size_t(end - 2), 2, "\u00AD") == 0) return end - 2;
    } while (pango_layout_iter_next_line(iter.get()));
    return -1;
}

// Removes bytes from the paragraph text, keeping every span's range on its own text.
void remove_bytes(ParagraphText& text, int at, int count) {
    text.text.erase(size_t(at), size_t(count));
    for (auto& range : text.ranges) {
        if (range.start > at) range.start = std::max(at, range.start - count);
        if (range.end > at) range.end = std::max(at, range.end - count);
    }
}

std::string plain_text_of(const bind::Box& paragraph) {
    std::string text;
    for (const auto& span : paragraph.spans) text += span.text;
    return text;
}

void add_bookmark(const bind::Box& paragraph, Fragment& first_line, double x, TypesetContext& ctx) {
    std::string dest = "section-" + std::to_string(++ctx.next_dest);
    first_line.items.push_back(Dest{dest, x, 0});
    first_line.outline.push_back({plain_text_of(paragraph), paragraph.bookmark_level, dest});
}

}  // namespace

std::vector<Fragment> layout_paragraph(const bind::Box& paragraph, double x, double width,
                                       TypesetContext& ctx) {
    check_fonts(paragraph, ctx);
    const layout::Style& style = paragraph.style;
    double text_x = x + style.left_indent;
    double text_width = std::max(1.0, width - style.left_indent);

    ParagraphText text = build_paragraph_text(paragraph, ctx);
    AttrListPtr attrs(build_attributes(paragraph, text));
    LayoutPtr layout = make_layout(text.text, attrs.get(), style, text_width, ctx);
    // Pango 1.50 sometimes justifies a line that ends in a soft-hyphen break without counting
    // the hyphen (seen: 3.6pt past the margin). That hyphenation point is dropped and the
    // paragraph laid out again, so the line breaks elsewhere and the column stays straight.
    for (int attempt = 0; attempt < 4; ++attempt) {
        int hyphen = overflowing_soft_hyphen(layout.get(), text.text, text_width);
        if (hyphen < 0) break;
        remove_bytes(text, hyphen, 2);
        attrs.reset(build_attributes(paragraph, text));
        layout = make_layout(text.text, attrs.get(), style, text_width, ctx);
    }
    report_missing_glyphs(layout.get(), text, paragraph, ctx);

    int paragraph_id = ctx.next_paragraph++;
    int line_count = pango_layout_get_line_count(layout.get());
    double pitch = style.size * style.line_height;
    std::vector<Fragment> lines;
    LayoutIterPtr iter(pango_layout_get_iter(layout.get()));
    int index = 0;
    do {
        PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
        double natural = logical.height / kPango;
        double height = std::max(pitch, natural);
        // Half the leading above and below the line, as CSS does.
        double ascent = (pango_layout_iter_get_baseline(iter.get()) - logical.y) / kPango;
        double baseline = (height - natural) / 2 + ascent;

        Fragment f;
        f.height = height;
        f.tag = paragraph.tag;
        f.paragraph = paragraph_id;
        // Orphans: no break before the first lines; widows: none before the last lines.
        f.break_before_allowed = index == 0 || (index >= style.orphans &&
                                                line_count - index >= style.widows);
        f.keep_with_next = style.keep_with_next;  // a heading stays whole and with what follows
        double line_x = text_x + logical.x / kPango;
        append_glyph_runs(line, line_x, baseline, ctx.font_table, style.color, f.items);
        add_links(line, text, line_x - logical.x / kPango, 0, height, baseline, f);
        if (index == 0 && !paragraph.marker.empty()) add_marker(paragraph, f, text_x, baseline, ctx);
        if (index == 0 && paragraph.bookmark_level > 0) add_bookmark(paragraph, f, x, ctx);
        lines.push_back(std::move(f));
        ++index;
    } while (pango_layout_iter_next_line(iter.get()));
    if (paragraph.keep_last_line_with_next && !lines.empty()) lines.back().keep_with_next = true;
    return lines;
}

}  // namespace dw::typeset

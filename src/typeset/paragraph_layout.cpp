#include "typeset/paragraph_layout.h"

#include <pango/pango.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "typeset/font_system.h"
#include "typeset/glyph_runs.h"
#include "typeset/line_breaker.h"
#include "typeset/line_setter.h"
#include "typeset/paragraph_items.h"
#include "typeset/paragraph_text.h"

namespace dw::typeset {
namespace {

// Reported where the characters are written (the data value or layout text of their span),
// once per run of missing characters, and once per place even when the paragraph is set twice.
void report_missing_glyphs(const ParagraphItems& items, const ParagraphText& text,
                           const bind::Box& paragraph, TypesetContext& ctx) {
    for (const auto& run : missing_glyph_runs(find_missing_glyphs(items, text.text), text.text)) {
        SourceLoc where = paragraph.loc;
        for (const auto& range : text.ranges)
            if (run.front().byte_offset >= range.start && run.front().byte_offset < range.end &&
                !range.span->loc.file.empty())
                where = range.span->loc;
        Diagnostic d{Severity::Error, where, missing_glyphs_message(run), missing_glyphs_hint(run)};
        if (ctx.reported_missing_glyphs.insert(format_diagnostic(d)).second) ctx.diags.add(d);
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
    const layout::Style& style = paragraph.style;
    std::string key = ParagraphCache::style_key(style) + paragraph.marker;
    auto cached = ctx.markers.find(key);
    if (cached == ctx.markers.end()) {
        ParagraphText marker;
        marker.text = paragraph.marker;
        AttrListPtr attrs(build_attributes(paragraph, marker));
        cached = ctx.markers.emplace(key, build_paragraph_items(marker, attrs.get(), style, 1e9, ctx)).first;
    }
    const ParagraphItems& items = cached->second;
    LineSpan all{0, items.pieces.size(), -1, false};
    double width = measure_line(items, all).natural;
    double gap = paragraph.style.size * 0.5;
    double marker_x = std::max(x - paragraph.style.left_indent, x - gap - width);
    std::vector<PlacedCluster> placed;
    // Before the item's text in the content stream: readers take the marker as the item's
    // label, not as a word after its first line.
    std::vector<Item> marker;
    marker.emplace_back(std::in_place_type<TagBegin>, TagBegin{"Lbl"});
    set_line(items, all, paragraph.marker, marker_x, baseline, 0, marker, placed);
    marker.emplace_back(std::in_place_type<TagEnd>);
    line.items.insert(line.items.begin(), std::make_move_iterator(marker.begin()),
                      std::make_move_iterator(marker.end()));
    line.has_label = true;
}

// Where a span's text lies on this line, if it is on it.
std::optional<std::pair<double, double>> span_extent(const std::vector<PlacedCluster>& placed,
                                                      const ParagraphText::Range& range) {
    std::optional<std::pair<double, double>> extent;
    for (const auto& c : placed) {
        if (c.end <= range.start || c.start >= range.end) continue;
        if (!extent) extent.emplace(c.x0, c.x1);
        extent->first = std::min(extent->first, c.x0);
        extent->second = std::max(extent->second, c.x1);
    }
    return extent;
}

// The bytes where a linked span begins and ends: the runs of a line break there (set_line), so
// the link's text has runs of its own.
std::vector<int> link_run_breaks(const ParagraphText& text) {
    std::vector<int> breaks;
    for (const auto& range : text.ranges) {
        if ((range.span->link.empty() && range.span->dest.empty()) || range.start == range.end) continue;
        breaks.push_back(range.start);
        breaks.push_back(range.end);
    }
    std::sort(breaks.begin(), breaks.end());
    return breaks;
}

// Puts `link` before the line's glyph runs that lie within [x0, x1), which it then holds as its
// text (Link::text_runs): a screen reader reads the link's words inside the Link element.
void place_link(Link link, double x0, double x1, std::vector<Item>& items) {
    constexpr double slack = 0.01;
    auto inside = [&](const Item& item) {
        const auto* run = std::get_if<GlyphRun>(&item);
        return run && !run->glyphs.empty() && run->glyphs.front().x >= x0 - slack &&
               run->glyphs.front().x < x1 - slack;
    };
    const auto first = std::find_if(items.begin(), items.end(), inside);
    if (first == items.end()) {
        items.push_back(std::move(link));
        return;
    }
    const auto last = std::find_if_not(first, items.end(), inside);
    link.text_runs = int(last - first);
    items.insert(first, std::move(link));
}

// In a paragraph with links, the paragraph's own text on a line is tagged as Spans beside the
// Link elements: Cairo marks the content of leaf structure elements only, so text directly in a
// paragraph that has a Link child would be in no marked content at all.
void tag_own_text(std::vector<Item>& items) {
    std::vector<Item> out;
    out.reserve(items.size() + 4);
    int link_runs = 0;  // glyph runs still to come of the link at hand
    bool in_span = false;
    auto close_span = [&] {
        if (in_span) out.emplace_back(std::in_place_type<TagEnd>);
        in_span = false;
    };
    for (Item& item : items) {
        const bool run = std::holds_alternative<GlyphRun>(item);
        if (run && link_runs > 0) {
            --link_runs;
        } else if (run && !in_span) {
            out.emplace_back(std::in_place_type<TagBegin>, TagBegin{"Span"});
            in_span = true;
        } else if (!run) {
            close_span();
            if (const auto* link = std::get_if<Link>(&item)) link_runs = link->text_runs;
        }
        out.push_back(std::move(item));
    }
    close_span();
    items = std::move(out);
}

// Link areas (and underlines) over the clusters of every linked span on this line.
void add_links(const std::vector<PlacedCluster>& placed, const ParagraphText& text, double height,
               double baseline, Fragment& out) {
    for (const auto& range : text.ranges) {
        const bind::Span& span = *range.span;
        if ((span.link.empty() && span.dest.empty()) || range.start == range.end) continue;
        auto extent = span_extent(placed, range);
        if (!extent) continue;
        auto [x0, x1] = *extent;
        Link link;
        link.uri = span.link;
        link.dest = span.dest;
        link.rects.push_back({x0, 0, x1 - x0, height});
        place_link(std::move(link), x0, x1, out.items);
        if (span.underline) {
            Line underline;
            underline.x1 = x0, underline.x2 = x1;
            underline.y1 = underline.y2 = baseline + 1.6;
            underline.width = 0.5;
            underline.color = span.color.value_or(Color{});
            out.items.push_back(underline);
        }
    }
}

// Footnote marks on this line: the notes they call for, their raised glyphs, and the named
// destination the note links back to. A mark is a span of its own size, so its glyphs are runs
// of their own; `first_item` is the line's first item.
void add_footnote_marks(const std::vector<PlacedCluster>& placed, const ParagraphText& text,
                        const layout::Style& style, size_t first_item, Fragment& out) {
    for (const auto& range : text.ranges) {
        const bind::Span& span = *range.span;
        if (!span.superscript && span.anchor.empty()) continue;
        auto extent = span_extent(placed, range);
        if (!extent) continue;
        if (span.footnote > 0) out.notes.push_back(span.footnote);
        if (!span.anchor.empty()) out.items.push_back(Dest{span.anchor, extent->first, 0});
        if (!span.superscript) continue;
        for (size_t i = first_item; i < out.items.size(); ++i) {
            auto* run = std::get_if<GlyphRun>(&out.items[i]);
            if (!run || run->glyphs.empty() || run->size >= style.size) continue;
            const double x = run->glyphs.front().x;
            if (x < extent->first - 0.01 || x >= extent->second) continue;
            for (auto& g : run->glyphs) g.y -= style.size * 0.33;
        }
    }
}

// Letter-spaced text is drawn as single glyphs with gaps, which pdf.js (Firefox) reads as one
// word per letter; the element's /ActualText (TagBegin::alt) gives screen readers its words.
// A paragraph that a page break splits is one element in the PDF, its first part's alt the one
// written (TagBegin::continues).
void give_letter_spaced_words(const ParagraphText& text, const layout::Style& style,
                              std::vector<Fragment>& lines) {
    if (style.letter_spacing <= 0) return;
    std::string words;
    for (size_t i = 0; i < text.text.size(); ++i) {
        if (text.text.compare(i, 2, "\u00AD") == 0) ++i;  // a soft hyphen: where a word may break
        else words += text.text[i];
    }
    for (Fragment& line : lines) line.alt = words;
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
    // A positive indent shortens the first line; a negative one (hanging) all the others.
    double first_indent = std::max(0.0, style.first_indent);
    double rest_indent = std::max(0.0, -style.first_indent);
    auto line_width = [&](int line) {
        return std::max(1.0, text_width - (line == 0 ? first_indent : rest_indent));
    };

    ParagraphText text = build_paragraph_text(paragraph, ctx);
    AttrListPtr attrs(build_attributes(paragraph, text));
    ParagraphItems items = build_paragraph_items(text, attrs.get(), style,
                                                 std::min(line_width(0), line_width(1)), ctx);
    report_missing_glyphs(items, text, paragraph, ctx);

    BreakSettings settings;
    const bool justify = style.align == layout::Align::Justify;
    if (!justify) settings.line_stretch = style.size * 3;
    std::vector<LineSpan> spans = line_spans(items, break_lines(items.breaks, line_width, settings), justify);

    int paragraph_id = ctx.next_paragraph++;
    int line_count = int(spans.size());
    double pitch = style.size * style.line_height;
    std::vector<Fragment> lines;
    lines.reserve(size_t(line_count));
    const std::vector<int> run_breaks = link_run_breaks(text);
    std::vector<PlacedCluster> placed;  // one line's clusters; reused, as lines come one by one
    placed.reserve(items.glyphs.size() + 1);
    for (int index = 0; index < line_count; ++index) {
        const LineSpan& span = spans[size_t(index)];
        LineMeasure m = measure_line(items, span);
        if (m.ascent + m.descent <= 0) m.ascent = items.base_metrics.ascent, m.descent = items.base_metrics.descent;
        double natural = m.ascent + m.descent;
        double height = std::max(pitch, natural);
        // Half the leading above and below the line, as CSS does.
        double baseline = (height - natural) / 2 + m.ascent;

        Fragment f;
        f.height = height;
        f.tag = paragraph.tag;
        f.paragraph = paragraph_id;
        // Orphans: no break before the first lines; widows: none before the last lines.
        f.break_before_allowed = index == 0 || (index >= style.orphans &&
                                                line_count - index >= style.widows);
        f.keep_with_next = style.keep_with_next;  // a heading stays whole and with what follows
        double available = line_width(index);
        double line_x = text_x + (index == 0 ? first_indent : rest_indent);
        double ratio = justification_ratio(m, span, available, justify);
        // The short last line of a justified right-to-left paragraph ends at the right, where
        // its lines start. Other alignments are the layout's: a name in Hebrew in a list of
        // Dutch names stays at the left with the others.
        const bool at_right = style.align == layout::Align::Right ||
                              (items.right_to_left && justify && !span.justify);
        if (at_right) {
            line_x += std::max(0.0, available - m.natural);
        } else if (style.align == layout::Align::Center) {
            line_x += std::max(0.0, (available - m.natural) / 2);
        }
        placed.clear();
        f.items.reserve(2);  // a run, or two where the style changes; more items are rare
        set_line(items, span, text.text, line_x, baseline, ratio, f.items, placed, run_breaks);
        add_links(placed, text, height, baseline, f);
        add_footnote_marks(placed, text, style, 0, f);
        if (!run_breaks.empty()) tag_own_text(f.items);
        if (index == 0 && !paragraph.marker.empty()) add_marker(paragraph, f, text_x, baseline, ctx);
        if (index == 0 && paragraph.bookmark_level > 0) add_bookmark(paragraph, f, x, ctx);
        lines.push_back(std::move(f));
    }
    if (paragraph.keep_last_line_with_next && !lines.empty()) lines.back().keep_with_next = true;
    give_letter_spaced_words(text, style, lines);
    return lines;
}

ContentWidths measure_paragraph(const bind::Box& paragraph, TypesetContext& ctx) {
    check_fonts(paragraph, ctx);
    ParagraphText text = build_paragraph_text(paragraph, ctx);
    AttrListPtr attrs(build_attributes(paragraph, text));
    // An unlimited line: no run is split between characters to fit.
    ParagraphItems items = build_paragraph_items(text, attrs.get(), paragraph.style, 1e9, ctx);
    ContentWidths widths = content_widths(items.breaks);
    double indent = paragraph.style.left_indent + std::max(0.0, paragraph.style.first_indent);
    widths.min += indent;
    widths.max += indent;
    return widths;
}

}  // namespace dw::typeset

// <richtext source="body" h1="..." paragraph="..." .../>: Markdown blocks become paragraphs with
// a style per block kind; lists get markers hung in their indent; components are expanded.
#include <algorithm>

#include "bind/binder_internal.h"
#include "bind/rich_styles.h"
#include "bind/table_format.h"

namespace dw::bind {

void Binder::bind_richtext(const layout::Node& node, std::vector<Box>& out) {
    auto source = node.attribute("source");
    if (!source) {
        diags_.error(node.loc, "<richtext> needs source=\"field\"", "e.g. source=\"body\"");
        return;
    }
    auto ctx = expression_context();
    const data::Value* value = resolve_reference(*source, attr_loc(node, "source"), ctx);
    if (!value) return;
    if (!value->is_rich()) {
        diags_.error(attr_loc(node, "source"), "'" + *source + "' is not rich text",
                     "richtext renders the Markdown body of a .md file");
        return;
    }
    RichStyles styles;
    auto style_or = [&](const char* attr, const layout::Style& fallback) -> layout::Style {
        auto name = text_attr(node, attr);
        return name ? style_named(*name, attr_loc(node, attr)) : fallback;
    };
    styles.paragraph = style_or("paragraph", current_style());
    styles.h[0] = style_or("h1", styles.paragraph);
    styles.h[1] = style_or("h2", styles.h[0]);
    styles.h[2] = style_or("h3", styles.h[1]);
    styles.bullet[0] = style_or("bullet-1", styles.paragraph);
    styles.bullet[1] = style_or("bullet-2", styles.bullet[0]);
    styles.bullet[2] = style_or("bullet-3", styles.bullet[1]);
    styles.numbered = style_or("numbered", styles.bullet[0]);
    styles.task = style_or("task", styles.bullet[0]);
    styles.quote = style_or("quote", styles.paragraph);
    // Cells are neither justified nor hyphenated unless a table style asks for it.
    layout::Style plain_cells = styles.paragraph;
    plain_cells.align = layout::Align::Left;
    plain_cells.hyphenate.clear();
    plain_cells.first_indent = plain_cells.left_indent = 0;
    styles.table = style_or("table", plain_cells);
    styles.table_header = style_or("table-header", styles.table);
    styles.table_width = length_attr(node, "table-width");
    styles.code = style_or("code", styles.paragraph);
    layout::Style italic = styles.paragraph;
    italic.italic = true;
    styles.caption = style_or("caption", italic);
    styles.link_color = color_attr(node, "link-color");
    styles.bookmark_levels = int(number_attr(node, "bookmarks").value_or(2));
    styles.continued = text_attr(node, "continued").value_or("");
    styles.continued_style = style_or("continued-style", styles.paragraph);
    layout::Style small = styles.paragraph;
    small.size *= 0.8;
    small.first_indent = small.left_indent = 0;
    styles.footnote = style_or("footnote", small);
    bind_footnotes(*value->rich, styles);

    std::vector<Box> boxes;
    std::vector<data::Block> filtered;
    const std::vector<data::Block>* blocks = &value->rich->blocks;
    if (text_attr(node, "empty-sections").value_or("warn") != "print" &&
        drop_empty_sections(*blocks, filtered))
        blocks = &filtered;
    bind_blocks(*blocks, styles, 0, boxes);
    // section-break="h1": every such heading but the first starts a new page.
    std::string section_break = text_attr(node, "section-break").value_or("none");
    if (section_break == "h1" || section_break == "h2") {
        std::string tag = section_break == "h1" ? "H1" : "H2";
        std::vector<Box> broken;
        bool seen = false;
        for (auto& box : boxes) {
            if (box.kind == Box::Kind::Paragraph && box.tag == tag) {
                if (seen) {
                    Box page_break;
                    page_break.kind = Box::Kind::PageBreak;
                    broken.push_back(std::move(page_break));
                }
                seen = true;
            }
            broken.push_back(std::move(box));
        }
        boxes = std::move(broken);
    }
    if (!styles.continued.empty()) group_sections(boxes, styles);
    for (auto& b : boxes) out.push_back(std::move(b));
}

// Headings that have nothing under them (the next block is a heading of the same or a higher
// level, or there is none) are reported at their line. When there are any, `kept` receives the
// blocks without them and the result is true; the blocks are copied only then.
bool Binder::drop_empty_sections(const std::vector<data::Block>& blocks,
                                 std::vector<data::Block>& kept) {
    using K = data::Block::Kind;
    auto is_empty = [&](size_t i) {
        return blocks[i].kind == K::Heading &&
               (i + 1 == blocks.size() ||
                (blocks[i + 1].kind == K::Heading && blocks[i + 1].level <= blocks[i].level));
    };
    bool any = false;
    for (size_t i = 0; i < blocks.size() && !any; ++i) any = is_empty(i);
    if (!any) return false;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const data::Block& b = blocks[i];
        if (!is_empty(i)) {
            kept.push_back(b);
            continue;
        }
        diags_.warning(b.loc, "section '" + data::plain_text(b.inlines) + "' is empty",
                       "write what was said under it, remove the heading, or print empty "
                       "sections with <richtext empty-sections=\"print\">");
    }
    return true;
}

static Box paragraph_box(const layout::Style& style, std::vector<Span> spans, const SourceLoc& loc) {
    Box p;
    p.kind = Box::Kind::Paragraph;
    p.style = style;
    p.spans = std::move(spans);
    p.loc = loc;
    return p;
}

void Binder::bind_blocks(const std::vector<data::Block>& blocks, const RichStyles& styles, int depth,
                         std::vector<Box>& out) {
    using K = data::Block::Kind;
    for (const auto& block : blocks) {
        switch (block.kind) {
            case K::Heading: {
                int level = std::clamp(block.level, 1, 3);
                Box h = paragraph_box(styles.h[level - 1], rich_spans(block.inlines, styles), block.loc);
                h.tag = "H" + std::to_string(level);
                if (block.level <= styles.bookmark_levels) h.bookmark_level = block.level;
                out.push_back(std::move(h));
                break;
            }
            case K::Paragraph:
                out.push_back(paragraph_box(depth > 0 ? styles.bullet[std::min(depth, 3) - 1] : styles.paragraph,
                                            rich_spans(block.inlines, styles), block.loc));
                break;
            case K::BulletList:
            case K::OrderedList: bind_list(block, styles, depth + 1, out); break;
            case K::BlockQuote: {
                RichStyles quoted = styles;
                quoted.paragraph = styles.quote;
                bind_blocks(block.children, quoted, depth, out);
                break;
            }
            case K::Table: bind_table(block, styles, out); break;
            case K::CodeBlock: {
                Span s;
                s.text = block.text;
                s.monospace = true;
                out.push_back(paragraph_box(styles.code, {s}, block.loc));
                break;
            }
            case K::ThematicBreak: {
                Box rule;
                rule.kind = Box::Kind::Rule;
                rule.rule_color = styles.paragraph.color;
                rule.space_before = rule.space_after = styles.paragraph.size;
                out.push_back(std::move(rule));
                break;
            }
            case K::Component: bind_component(block.info, block.data.get(), block.loc, out); break;
            case K::Image: out.push_back(figure(block, styles)); break;
            default: bind_blocks(block.children, styles, depth, out); break;
        }
    }
}

static std::string bullet_marker(int depth) {
    static const char* markers[] = {"\u2022", "\u2013", "\u25E6"};  // • – ◦
    return markers[std::clamp(depth, 1, 3) - 1];
}

// Puts the boxes of one list item, from `first` on, inside the list's L, the item's LI and
// its LBody; nested lists were put inside their own elements already, which nest in these.
static void enclose_item(std::vector<Box>& out, size_t first, const StructurePath& elements) {
    for (size_t k = first; k < out.size(); ++k)
        out[k].structure.insert(out[k].structure.begin(), elements.begin(), elements.end());
}

void Binder::bind_list(const data::Block& list, const RichStyles& styles, int depth,
                       std::vector<Box>& out) {
    bool ordered = list.kind == data::Block::Kind::OrderedList;
    int number = list.start;
    const StructureElement list_element{"L", ++next_structure_id_};
    for (const auto& item : list.children) {
        const size_t first_box = out.size();
        const StructurePath elements{list_element, {"LI", ++next_structure_id_},
                                     {"LBody", ++next_structure_id_}};
        const layout::Style& item_style =
            item.task ? styles.task
                      : (ordered && depth == 1 ? styles.numbered : styles.bullet[std::min(depth, 3) - 1]);
        std::string marker = item.task ? (item.checked ? "\u2611" : "\u2610")
                             : ordered ? std::to_string(number) + "."
                                       : bullet_marker(depth);
        ++number;
        bool first = true;
        for (const auto& child : item.children) {
            if (child.kind == data::Block::Kind::Paragraph) {
                Box p = paragraph_box(item_style, rich_spans(child.inlines, styles), child.loc);
                if (first) p.marker = marker;
                else p.style.space_before = std::max(p.style.space_before, item_style.size * 0.3);
                first = false;
                out.push_back(std::move(p));
            } else {
                // The text that introduces a nested list never ends a page on its own.
                bool nested_list = child.kind == data::Block::Kind::BulletList ||
                                   child.kind == data::Block::Kind::OrderedList;
                if (nested_list && !first && !out.empty()) out.back().keep_last_line_with_next = true;
                std::vector<data::Block> one{child};
                bind_blocks(one, styles, depth, out);
                first = false;
            }
        }
        enclose_item(out, first_box, elements);
        // Space between items belongs after the item, not after each of its paragraphs.
        if (!list.tight && !out.empty()) out.back().style.space_after += item_style.size * 0.3;
    }
    // A list ends with the space of a paragraph, so the text after it does not cling to it.
    if (depth == 1 && !out.empty())
        out.back().style.space_after = std::max(out.back().style.space_after, styles.paragraph.space_after);
}

void Binder::bind_table(const data::Block& table, const RichStyles& styles, std::vector<Box>& out) {
    std::string align = table_alignment(table);
    auto format = std::make_shared<TableFormat>();
    format->header_rows = table.children.empty() ? 0 : 1;
    format->width = styles.table_width;
    format->widths.resize(align.size());
    format->header = table_cells(styles.table_header);
    format->body = table_cells(styles.table);
    Box t;
    t.kind = Box::Kind::Table;
    t.loc = table.loc;
    t.space_before = styles.table.space_before;
    t.space_after = std::max(styles.table.space_after, styles.paragraph.space_after);
    for (size_t r = 0; r < table.children.size(); ++r) {
        const data::Block& row = table.children[r];
        Box cells;
        cells.loc = row.loc;
        for (size_t c = 0; c < row.children.size(); ++c) {
            layout::Style style = r == 0 ? styles.table_header : styles.table;
            style.space_before = style.space_after = 0;
            style.background.reset();  // the cell's fill, drawn by the table
            if (c < align.size() && align[c] != ' ')
                style.align = align[c] == 'r'   ? layout::Align::Right
                              : align[c] == 'c' ? layout::Align::Center
                                                : layout::Align::Left;
            Box cell;
            cell.loc = row.children[c].loc;
            cell.children.push_back(
                paragraph_box(style, rich_spans(row.children[c].inlines, styles), row.children[c].loc));
            cells.children.push_back(std::move(cell));
        }
        t.children.push_back(std::move(cells));
    }
    t.table = std::move(format);
    out.push_back(std::move(t));
}

// An image with its caption (the title), kept together on one page; the alt text is the
// figure's alternative text.
Box Binder::figure(const data::Block& image, const RichStyles& styles) {
    Box keep;
    keep.kind = Box::Kind::Keep;
    keep.loc = image.loc;
    Box space;
    space.kind = Box::Kind::Spacer;
    space.height = styles.paragraph.space_after;
    keep.children.push_back(space);
    Box img;
    img.kind = Box::Kind::Image;
    img.loc = image.loc;
    img.image_file = image.text;
    img.alt = data::plain_text(image.inlines);
    keep.children.push_back(std::move(img));
    if (!image.info.empty()) {
        Span title;
        title.text = image.info;
        title.loc = image.loc;
        Box caption = paragraph_box(styles.caption, {title}, image.loc);
        caption.tag = "Caption";
        caption.style.space_before = std::max(caption.style.space_before, styles.caption.size * 0.4);
        keep.children.push_back(std::move(caption));
    } else {
        space.height = styles.paragraph.space_after;
        keep.children.push_back(space);
    }
    return keep;
}

std::vector<Span> Binder::rich_spans(const std::vector<data::Inline>& inlines, const RichStyles& styles) {
    std::vector<Span> out;
    struct Walker {
        Binder& binder;
        const RichStyles& styles;
        std::vector<Span>& out;
        void walk(const std::vector<data::Inline>& list, const Span& format) {
            using K = data::Inline::Kind;
            for (const auto& in : list) {
                Span s = format;
                switch (in.kind) {
                    case K::Text: s.text = in.text; out.push_back(s); break;
                    case K::Code: s.text = in.text; s.monospace = true; out.push_back(s); break;
                    case K::SoftBreak: s.text = " "; out.push_back(s); break;
                    case K::LineBreak: s.text = "\u2028"; out.push_back(s); break;
                    case K::Strong: s.weight = 700; walk(in.children, s); break;
                    case K::Emph: s.italic = true; walk(in.children, s); break;
                    case K::Strike: s.strike = true; walk(in.children, s); break;
                    case K::FootnoteRef: out.push_back(binder.footnote_mark(in, styles, s)); break;
                    case K::Link:
                        s.link = in.url;
                        if (styles.link_color) s.color = styles.link_color;
                        s.underline = true;
                        walk(in.children, s);
                        break;
                }
            }
        }
    };
    Walker{*this, styles, out}.walk(inlines, Span{});
    return out;
}

// Each h1 and what follows it up to the next h1 becomes a Section, and inside it each h2 with
// its text, so that the typesetter can print the "continued" note where a section runs over a
// page and repeat the innermost heading on the next.
void Binder::group_sections(std::vector<Box>& boxes, const RichStyles& styles) {
    group_sections_at(boxes, styles, "H1");
    for (auto& box : boxes)
        if (box.kind == Box::Kind::Section && box.children.size() > 1) {
            std::vector<Box> body(std::make_move_iterator(box.children.begin() + 1),
                                  std::make_move_iterator(box.children.end()));
            box.children.resize(1);
            group_sections_at(body, styles, "H2");
            for (auto& child : body) box.children.push_back(std::move(child));
        }
}

void Binder::group_sections_at(std::vector<Box>& boxes, const RichStyles& styles,
                               const std::string& tag) {
    std::vector<Box> grouped;
    for (auto& box : boxes) {
        bool starts_section = box.kind == Box::Kind::Paragraph && box.tag == tag;
        if (starts_section) {
            Box section;
            section.kind = Box::Kind::Section;
            section.loc = box.loc;
            section.continued_note = styles.continued;
            section.continued_style = styles.continued_style;
            section.children.push_back(std::move(box));
            grouped.push_back(std::move(section));
        } else if (!grouped.empty() && grouped.back().kind == Box::Kind::Section) {
            grouped.back().children.push_back(std::move(box));
        } else {
            grouped.push_back(std::move(box));
        }
    }
    boxes = std::move(grouped);
}

}  // namespace dw::bind

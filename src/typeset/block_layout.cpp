#include "typeset/block_layout.h"

#include <algorithm>
#include <cmath>

#include "typeset/image_check.h"
#include "typeset/image_size.h"

namespace dw::typeset {

Fragment glue(double height) {
    Fragment g;
    g.glue = true;
    g.height = height;
    return g;
}

Fragment BlockLayout::merge(const std::vector<Fragment>& fragments) {
    return merge(std::vector<Fragment>(fragments));
}

Fragment BlockLayout::merge(std::vector<Fragment>&& fragments) {
    Fragment merged;
    merged.tag.clear();
    size_t items = 0;
    for (const auto& f : fragments) items += f.items.size() + 2;  // + tags
    merged.items.reserve(items);
    OpenStructure open_structure;
    bool at_top = true;
    for (auto& f : fragments) {
        if (f.glue && at_top) continue;
        at_top = false;
        emit_fragment(std::move(f), merged.height, merged.items, open_structure);
        // Outline entries keep their Dest items; the Dest moved with the items.
        merged.outline.insert(merged.outline.end(), f.outline.begin(), f.outline.end());
        merged.notes.insert(merged.notes.end(), f.notes.begin(), f.notes.end());
        merged.height += f.height;
    }
    close_structure(merged.items, open_structure);
    // Trailing glue is not part of a box's content.
    for (auto it = fragments.rbegin(); it != fragments.rend() && it->glue; ++it)
        merged.height -= it->height;
    merged.height = std::max(0.0, merged.height);
    return merged;
}

void BlockLayout::layout_all(const std::vector<bind::Box>& boxes, double x, double width,
                             std::vector<Fragment>& out) {
    for (const auto& box : boxes) layout(box, x, width, out);
}

void BlockLayout::layout(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    const size_t first = out.size();
    layout_kind(box, x, width, out);
    if (box.structure.empty()) return;
    for (size_t k = first; k < out.size(); ++k)
        out[k].structure.insert(out[k].structure.begin(), box.structure.begin(), box.structure.end());
}

void BlockLayout::layout_kind(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    using K = bind::Box::Kind;
    switch (box.kind) {
        case K::Paragraph: paragraph(box, x, width, out); break;
        case K::Stack: layout_all(box.children, x, width, out); break;
        case K::Section: section(box, x, width, out); break;
        case K::Frame: frame(box, x, width, out); break;
        case K::Row: row(box, x, width, out); break;
        case K::Grid: grid(box, x, width, out); break;
        case K::Columns: columns(box, x, width, out); break;
        case K::Keep: {
            std::vector<Fragment> inner;
            layout_all(box.children, x, width, inner);
            out.push_back(merge(std::move(inner)));
            break;
        }
        case K::Image: image(box, x, width, out); break;
        case K::Rule: rule(box, x, width, out); break;
        case K::Arrow: arrow(box, x, width, out); break;
        case K::Timeline: timeline(box, x, width, out); break;
        case K::Table: table(box, x, width, out); break;
        case K::Spacer: out.push_back(glue(box.height)); break;
        case K::PageBreak: {
            Fragment f;
            f.forced_break = true;
            out.push_back(f);
            break;
        }
    }
}

void BlockLayout::paragraph(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    if (box.style.space_before > 0) out.push_back(glue(box.style.space_before));
    std::string key = ctx_.paragraph_cache ? ParagraphCache::key(box, x, width) : std::string();
    if (key.empty() || !ctx_.paragraph_cache->find(key, ctx_.next_paragraph++, out)) {
        auto lines = layout_paragraph(box, x, width, ctx_);
        if (!key.empty()) ctx_.paragraph_cache->store(key, lines);
        for (auto& line : lines) out.push_back(std::move(line));
    }
    if (box.style.space_after > 0) {
        Fragment g = glue(box.style.space_after);
        g.keep_with_next = box.style.keep_with_next;
        out.push_back(g);
    }
}

void BlockLayout::section(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    int id = int(sections_.size());
    sections_.emplace_back();
    size_t first = out.size();
    layout_all(box.children, x, width, out);
    // Fragments of a nested section keep theirs: the innermost heading is the one to repeat.
    for (size_t i = first; i < out.size(); ++i)
        if (out[i].section < 0) out[i].section = id;

    SectionInfo& info = sections_[size_t(id)];
    if (!box.children.empty() && box.children[0].kind == bind::Box::Kind::Paragraph)
        info.heading = repeated_heading(out, first);
    info.note = continued_note(box, x, width);
}

// What a continuation page repeats: copies of the heading's lines and the space after it, as
// already shaped, without the space before it and without its bookmark.
std::vector<Fragment> BlockLayout::repeated_heading(const std::vector<Fragment>& out, size_t first) {
    std::vector<Fragment> heading;
    size_t i = first;
    while (i < out.size() && out[i].glue) ++i;
    int paragraph_id = i < out.size() ? out[i].paragraph : -1;
    for (; i < out.size() && out[i].paragraph == paragraph_id && !out[i].glue; ++i) {
        Fragment line = out[i];
        line.outline.clear();
        line.notes.clear();  // the note goes with the mark where it first appears
        std::erase_if(line.items, [](const Item& item) { return std::holds_alternative<Dest>(item); });
        heading.push_back(std::move(line));
    }
    if (i < out.size() && out[i].glue) heading.push_back(out[i]);
    return heading;
}

// The note is the same for every section of a richtext: shaped once per text, style and column.
Fragment BlockLayout::continued_note(const bind::Box& box, double x, double width) {
    auto key = std::make_tuple(box.continued_note, box.continued_style.name, x, width);
    if (auto it = notes_.find(key); it != notes_.end()) return it->second;
    bind::Box note;
    note.kind = bind::Box::Kind::Paragraph;
    note.style = box.continued_style;
    bind::Span note_text;
    note_text.text = box.continued_note;
    note.spans.push_back(note_text);
    std::vector<Fragment> note_fragments;
    paragraph(note, x, width, note_fragments);
    Fragment merged = merge(std::move(note_fragments));
    merged.height += box.continued_style.space_before;
    translate_items(merged.items, 0, box.continued_style.space_before);
    return notes_.emplace(key, std::move(merged)).first->second;
}

Fragment BlockLayout::frame_fragment(const bind::Box& box, const Fragment& content, double x,
                                     double width, double inner_height) {
    const bind::Frame& f = box.frame;
    Fragment out;
    out.height = inner_height + f.padding[0] + f.padding[2];
    if (f.height) out.height = std::max(out.height, f.height->to_pt(0));
    double cx = x + width / 2, cy = out.height / 2;
    if (f.rotate != 0) out.items.push_back(GroupBegin{f.rotate, cx, cy, std::nullopt});
    if (f.fill || f.border_width > 0) {
        Shape s;
        s.rect = {x, 0, width, out.height};
        s.radius = f.radius;
        s.has_fill = f.fill.has_value();
        if (f.fill) s.fill = *f.fill;
        s.stroke_width = f.border_width;
        s.stroke = f.border_color;
        out.items.push_back(s);
    }
    out.items.insert(out.items.end(), content.items.begin(), content.items.end());
    out.outline = content.outline;
    out.notes = content.notes;
    if (f.rotate != 0) out.items.push_back(GroupEnd{});
    return out;
}

void BlockLayout::frame(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    const bind::Frame& f = box.frame;
    double box_width = f.width ? std::min(width, f.width->to_pt(width)) : width;
    double box_x = x;
    if (f.align == layout::Align::Center) box_x = x + (width - box_width) / 2;
    if (f.align == layout::Align::Right) box_x = x + width - box_width;
    double inner_x = box_x + f.padding[3], inner_width = box_width - f.padding[1] - f.padding[3];

    std::vector<Fragment> inner;
    layout_all(box.children, inner_x, std::max(1.0, inner_width), inner);
    if (box.space_before > 0) out.push_back(glue(box.space_before));
    if (!f.keep_together && !f.height && f.rotate == 0) {
        split_frame(box, inner, box_x, box_width, out);
    } else {
        double available = f.height ? f.height->to_pt(0) - f.padding[0] - f.padding[2] : 1e12;
        Fragment content = fitted_content(box, inner, inner_x, std::max(1.0, inner_width), available);
        double inner_height = content.height;
        double offset = f.padding[0];
        if (f.height) {
            double free = std::max(0.0, f.height->to_pt(0) - f.padding[0] - f.padding[2] - inner_height);
            if (f.valign == bind::VAlign::Middle) offset += free / 2;
            if (f.valign == bind::VAlign::Bottom) offset += free;
        }
        translate_items(content.items, 0, offset);
        out.push_back(frame_fragment(box, content, box_x, box_width, inner_height));
    }
    if (box.space_after > 0) out.push_back(glue(box.space_after));
}

namespace {

// Scales the text of paragraphs whose style has a min-size by `scale`, never below that size.
// Returns whether any text is still above its minimum (so shrinking further can help).
bool shrink_text(std::vector<bind::Box>& boxes, double scale) {
    bool room = false;
    for (auto& box : boxes) {
        room = shrink_text(box.children, scale) || room;
        layout::Style& style = box.style;
        if (box.kind != bind::Box::Kind::Paragraph || style.min_size <= 0) continue;
        double size = std::max(style.min_size, style.size * scale);
        double factor = size / style.size;
        style.size = size;
        for (auto& span : box.spans)
            if (span.size) *span.size *= factor;
        room = room || size > style.min_size + 0.01;
    }
    return room;
}

}  // namespace

// The content of a fixed-height box. With fit="shrink", text with a min-size is shrunk in 4%
// steps until it fits; whatever still does not fit is recorded in ctx_.overflows, never dropped.
Fragment BlockLayout::fitted_content(const bind::Box& box, std::vector<Fragment>& inner, double x,
                                     double width, double available) {
    Fragment content = merge(std::move(inner));
    if (content.height <= available + 0.01) return content;
    if (box.frame.shrink_to_fit) {
        bool room = true;
        for (double scale = 0.96; room && content.height > available + 0.01; scale -= 0.04) {
            std::vector<bind::Box> children = box.children;
            room = shrink_text(children, scale);
            inner.clear();
            layout_all(children, x, width, inner);
            content = merge(std::move(inner));
        }
    }
    if (content.height > available + 0.01)
        ctx_.overflows.push_back({box.loc, content.height - available});
    return content;
}

// A box that may split: its content stays breakable, each piece carries its strip of the fill
// and side borders, so the box continues on the next page.
void BlockLayout::split_frame(const bind::Box& box, std::vector<Fragment>& inner, double x,
                              double width, std::vector<Fragment>& out) {
    const bind::Frame& f = box.frame;
    auto strip = [&](Fragment& piece) {
        if (!f.fill) return;
        Shape s;
        s.rect = {x, 0, width, piece.height};
        s.has_fill = true;
        s.fill = *f.fill;
        piece.items.insert(piece.items.begin(), s);
    };
    Fragment top;
    top.height = f.padding[0];
    strip(top);
    out.push_back(std::move(top));
    for (auto& piece : inner) {
        strip(piece);
        piece.glue = false;  // coloured space inside the box is part of it
        out.push_back(std::move(piece));
    }
    Fragment bottom;
    bottom.height = f.padding[2];
    bottom.break_before_allowed = false;
    strip(bottom);
    out.push_back(std::move(bottom));
}

void BlockLayout::row(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    size_t n = box.children.size();
    if (n == 0) return;
    double available = width - box.gap * double(n - 1), fixed = 0, fractions = 0;
    for (const auto& w : box.widths) {
        if (w.unit == Length::Unit::Fraction) fractions += w.value;
        else fixed += w.to_pt(available);
    }
    double per_fraction = fractions > 0 ? std::max(0.0, available - fixed) / fractions : 0;
    std::vector<Fragment> columns;
    double column_x = x;
    for (size_t i = 0; i < n; ++i) {
        const Length& w = box.widths[i];
        double column_width = w.unit == Length::Unit::Fraction ? w.value * per_fraction : w.to_pt(available);
        std::vector<Fragment> inner;
        layout(box.children[i], column_x, std::max(1.0, column_width), inner);
        columns.push_back(merge(std::move(inner)));
        column_x += column_width + box.gap;
    }
    Fragment merged;
    for (const auto& column : columns) merged.height = std::max(merged.height, column.height);
    for (auto& column : columns) {
        double free = merged.height - column.height;
        double dy = box.frame.valign == bind::VAlign::Middle   ? free / 2
                    : box.frame.valign == bind::VAlign::Bottom ? free
                                                               : 0;
        translate_items(column.items, 0, dy);
        merged.items.insert(merged.items.end(), std::make_move_iterator(column.items.begin()),
                            std::make_move_iterator(column.items.end()));
        merged.outline.insert(merged.outline.end(), column.outline.begin(), column.outline.end());
        merged.notes.insert(merged.notes.end(), column.notes.begin(), column.notes.end());
    }
    out.push_back(std::move(merged));
}

void BlockLayout::grid(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    int columns = std::max(1, box.columns);
    double cell_width = (width - box.gap * (columns - 1)) / columns;
    for (size_t first = 0; first < box.children.size(); first += size_t(columns)) {
        Fragment row;
        for (size_t i = first; i < std::min(box.children.size(), first + size_t(columns)); ++i) {
            double cell_x = x + double(i - first) * (cell_width + box.gap);
            std::vector<Fragment> inner;
            layout(box.children[i], cell_x, cell_width, inner);
            Fragment cell = merge(std::move(inner));
            row.items.insert(row.items.end(), std::make_move_iterator(cell.items.begin()),
                             std::make_move_iterator(cell.items.end()));
            row.outline.insert(row.outline.end(), cell.outline.begin(), cell.outline.end());
            row.notes.insert(row.notes.end(), cell.notes.begin(), cell.notes.end());
            row.height = std::max(row.height, cell.height);
        }
        if (box.cell_height) row.height = std::max(row.height, *box.cell_height);
        if (first > 0) out.push_back(glue(box.row_gap));
        out.push_back(std::move(row));
    }
}

// Smallest column height at which the fragments, filled in order, fit in `count` columns.
// The height of the run of fragments that must stay in one column from fragment i on (0 when a
// column may not start at i): a paragraph's lines inside its orphan/widow zone, and a heading
// with what follows it, keep together, as they do across pages.
static std::vector<double> unbreakable_heights(const std::vector<Fragment>& fragments) {
    std::vector<double> heights(fragments.size(), 0);
    size_t start = 0;
    for (size_t i = 0; i < fragments.size(); ++i) {
        const bool joins = i > 0 && (!fragments[i].break_before_allowed || fragments[i - 1].keep_with_next);
        if (!joins) start = i;
        heights[start] += fragments[i].height;
    }
    return heights;
}

static double balanced_height(const std::vector<Fragment>& fragments,
                              const std::vector<double>& blocks, int count) {
    double total = 0, tallest = 0;
    for (double h : blocks) {
        total += h;
        tallest = std::max(tallest, h);
    }
    auto fits = [&](double limit) {
        int used = 1;
        double y = 0;
        for (size_t i = 0; i < fragments.size(); ++i) {
            if (blocks[i] == 0) continue;  // not where a column may start: counted with its block
            if (y + blocks[i] > limit + 0.01 && y > 0) {
                if (++used > count) return false;
                y = fragments[i].glue ? 0 : blocks[i];
            } else {
                y += blocks[i];
            }
        }
        return true;
    };
    double low = std::max(tallest, total / count), high = total;
    for (int i = 0; i < 30 && high - low > 0.1; ++i) {
        double mid = (low + high) / 2;
        (fits(mid) ? high : low) = mid;
    }
    return high;
}

void BlockLayout::columns(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    int count = std::max(1, box.columns);
    double column_width = (width - box.gap * (count - 1)) / count;
    std::vector<Fragment> inner;
    layout_all(box.children, x, column_width, inner);
    const std::vector<double> blocks = unbreakable_heights(inner);
    double limit = box.balance ? balanced_height(inner, blocks, count) : 1e9;

    Fragment merged;
    int column = 0;
    OpenStructure open_structure;
    double y = 0;
    for (size_t i = 0; i < inner.size(); ++i) {
        const Fragment& f = inner[i];
        if (blocks[i] > 0 && y + blocks[i] > limit + 0.01 && y > 0 && column + 1 < count) {
            ++column;
            y = 0;
            if (f.glue) continue;
        }
        if (f.glue && y == 0) continue;
        Fragment moved = f;
        translate_items(moved.items, column * (column_width + box.gap), 0);
        emit_fragment(moved, y, merged.items, open_structure);
        merged.outline.insert(merged.outline.end(), f.outline.begin(), f.outline.end());
        merged.notes.insert(merged.notes.end(), f.notes.begin(), f.notes.end());
        y += f.height;
        merged.height = std::max(merged.height, y);
    }
    close_structure(merged.items, open_structure);
    if (box.column_rule)
        for (int k = 1; k <= column && k < count; ++k) {
            Line rule;
            rule.x1 = rule.x2 = x + k * (column_width + box.gap) - box.gap / 2;
            rule.y1 = 0;
            rule.y2 = merged.height;
            rule.width = 0.5;
            rule.color = *box.column_rule;
            merged.items.push_back(rule);
        }
    out.push_back(std::move(merged));
}

// Checks an image once per file; a rejected one is reported at its first use and left out.
bool BlockLayout::rejected_image(const bind::Box& box) {
    auto [it, first_use] = ctx_.image_usable.emplace(box.image_file, true);
    if (!first_use) return !it->second;
    if (auto problem = find_image_problem(box.image_file)) {
        ctx_.diags.error(box.loc, problem->message + " ('" + box.image_file + "')", problem->hint);
        it->second = false;
    }
    return !it->second;
}

void BlockLayout::image(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    if (rejected_image(box)) return;
    auto cached = ctx_.image_sizes.find(box.image_file);
    if (cached == ctx_.image_sizes.end())
        cached = ctx_.image_sizes.emplace(box.image_file, read_image_size(box.image_file)).first;
    const std::optional<ImageSize>& intrinsic = cached->second;
    double ratio = intrinsic && intrinsic->width > 0 ? intrinsic->height / intrinsic->width : 1.0;
    if (!intrinsic && !(box.image_width && box.image_height))
        ctx_.diags.warning(box.loc, "cannot read the size of '" + box.image_file + "'",
                           "give both width and height");
    double w = box.image_width ? box.image_width->to_pt(width)
               : box.image_height ? box.image_height->to_pt(0) / ratio
               : std::min(width, intrinsic ? intrinsic->width : width);
    double h = box.image_height ? box.image_height->to_pt(0) : w * ratio;
    double ix = x;
    if (box.frame.align == layout::Align::Center) ix = x + (width - w) / 2;
    if (box.frame.align == layout::Align::Right) ix = x + width - w;
    Image img;
    std::string ext = box.image_file.substr(box.image_file.find_last_of('.') + 1);
    img.kind = ext == "svg" ? Image::Kind::Svg : (ext == "png" ? Image::Kind::Png : Image::Kind::Jpeg);
    img.file = box.image_file;
    img.rect = {ix, 0, w, h};
    Fragment f;
    f.height = h;
    // alt="" marks a decorative image: drawn outside the structure, it becomes an artifact.
    if (!box.alt || !box.alt->empty()) {
        f.tag = "Figure";
        f.alt = box.alt.value_or("");
        f.paragraph = ctx_.next_paragraph++;
    }
    f.items.push_back(img);
    out.push_back(std::move(f));
}

void BlockLayout::rule(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    double w = box.rule_width ? box.rule_width->to_pt(width) : width;
    Fragment f;
    f.height = box.space_before + box.thickness + box.space_after;
    Line line;
    line.x1 = x;
    line.x2 = x + w;
    line.y1 = line.y2 = box.space_before + box.thickness / 2;
    line.width = box.thickness;
    line.color = box.rule_color;
    line.dash = box.dash;
    f.items.push_back(line);
    out.push_back(std::move(f));
}

// A connector: a line with an open arrowhead drawn as two short strokes (page items have no
// paths). Horizontal arrows run along the middle of their height; vertical ones stand in the
// column at the arrow's alignment.
void BlockLayout::arrow(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    using D = bind::ArrowDirection;
    const D dir = box.arrow_direction;
    const bool vertical = dir == D::Down || dir == D::Up;
    const double head = box.arrow_head, spread = head * 0.55;
    const double length = vertical ? (box.rule_width ? box.rule_width->to_pt(0) : 28.35)
                                   : (box.rule_width ? box.rule_width->to_pt(width) : width);
    Fragment f;
    f.height = box.space_before + (vertical ? length : 2 * spread) + box.space_after;
    auto stroke = [&](double x1, double y1, double x2, double y2, bool dashed) {
        Line l{x1, y1, x2, y2, box.thickness, box.rule_color, dashed ? box.dash : std::vector<double>{}};
        f.items.push_back(l);
    };
    // tip at (tx, ty), pointing along (dx, dy), a unit vector
    auto head_at = [&](double tx, double ty, double dx, double dy) {
        stroke(tx, ty, tx - dx * head - dy * spread, ty - dy * head + dx * spread, false);
        stroke(tx, ty, tx - dx * head + dy * spread, ty - dy * head - dx * spread, false);
    };
    if (vertical) {
        double cx = x + width / 2;
        if (box.frame.align == layout::Align::Left) cx = x + spread;
        if (box.frame.align == layout::Align::Right) cx = x + width - spread;
        double top = box.space_before, bottom = top + length;
        stroke(cx, top, cx, bottom, true);
        if (dir == D::Down) head_at(cx, bottom, 0, 1);
        else head_at(cx, top, 0, -1);
    } else {
        double x1 = x + (width - length) / 2, x2 = x1 + length, y = box.space_before + spread;
        stroke(x1, y, x2, y, true);
        if (dir == D::Right || dir == D::Both) head_at(x2, y, 1, 0);
        if (dir == D::Left || dir == D::Both) head_at(x1, y, -1, 0);
    }
    out.push_back(std::move(f));
}

}  // namespace dw::typeset

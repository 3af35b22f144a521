// Tables: column widths from the cells' content (table_widths.h), one unbreakable fragment per
// row (a row taller than a page is cut into bands between lines), the header rows repeated where
// the table continues on a new page, and Table/TR/TH/TD structure tags around the cells.
#include <algorithm>

#include "typeset/block_layout.h"
#include "typeset/table_widths.h"

namespace dw::typeset {

struct BlockLayout::TableGeometry {
    const bind::TableFormat& format;
    double x = 0;
    std::vector<double> widths;
    int id = -1;  // the paragraph id the Table tag spans
    double width() const {
        double w = 0;
        for (double c : widths) w += c;
        return w;
    }
};

namespace {

// The cell's content widths: the widest of its paragraphs (other blocks count as nothing).
ContentWidths cell_needs(const bind::Box& cell, TypesetContext& ctx) {
    ContentWidths widths;
    for (const auto& child : cell.children) {
        if (child.kind != bind::Box::Kind::Paragraph) continue;
        ContentWidths c = measure_paragraph(child, ctx);
        widths.min = std::max(widths.min, c.min);
        widths.max = std::max(widths.max, c.max);
    }
    return widths;
}

// The fragments of one cell's content cut into the piece that fits `limit` (at least one
// fragment, so every band makes progress); glue at a cut is dropped.
std::vector<Fragment> take_band(std::vector<Fragment>& rest, double limit) {
    std::vector<Fragment> band;
    double h = 0;
    size_t n = 0;
    while (n < rest.size() && (n == 0 || h + rest[n].height <= limit)) h += rest[n++].height;
    band.assign(std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.begin() + long(n)));
    rest.erase(rest.begin(), rest.begin() + long(n));
    while (!rest.empty() && rest.front().glue) rest.erase(rest.begin());
    return band;
}

}  // namespace

std::vector<double> BlockLayout::table_columns(const bind::Box& box, double width) {
    const bind::TableFormat& format = *box.table;
    std::vector<ColumnNeed> needs(format.widths.size());
    for (size_t r = 0; r < box.children.size(); ++r) {
        const auto& cells = box.children[r].children;
        if (needs.size() < cells.size()) needs.resize(cells.size());
        const bind::TableCells& deco = int(r) < format.header_rows ? format.header : format.body;
        double padding = deco.padding[1] + deco.padding[3];
        for (size_t c = 0; c < cells.size(); ++c) {
            ContentWidths w = cell_needs(cells[c], ctx_);
            needs[c].min = std::max(needs[c].min, w.min + padding);
            needs[c].max = std::max(needs[c].max, w.max + padding);
        }
    }
    double table_width = format.width ? std::min(width, format.width->to_pt(width)) : width;
    for (size_t c = 0; c < needs.size() && c < format.widths.size(); ++c)
        if (format.widths[c]) needs[c].given = format.widths[c]->to_pt(table_width);
    return table_column_widths(needs, table_width, format.width.has_value());
}

void BlockLayout::table(const bind::Box& box, double x, double width, std::vector<Fragment>& out) {
    if (!box.table || box.children.empty()) return;
    TableGeometry geometry{*box.table, x, table_columns(box, width), ctx_.next_paragraph++};
    if (box.space_before > 0) out.push_back(glue(box.space_before));
    std::vector<Fragment> header;
    size_t r = 0;
    for (; r < box.children.size() && int(r) < geometry.format.header_rows; ++r)
        table_row(box.children[r], geometry, true, header);
    for (auto& f : header) f.keep_with_next = true;  // a header never ends a page alone
    int header_id = -1;
    if (!header.empty()) {
        header_id = int(sections_.size());
        sections_.emplace_back();
        sections_.back().heading = header;
    }
    out.insert(out.end(), header.begin(), header.end());
    for (; r < box.children.size(); ++r) {
        size_t first = out.size();
        table_row(box.children[r], geometry, false, out);
        for (size_t i = first; i < out.size(); ++i) out[i].table_header = header_id;
    }
    if (box.space_after > 0) out.push_back(glue(box.space_after));
}

// One fragment per row; a row taller than the page's body less the header is cut into bands,
// each cell going on where it stopped.
void BlockLayout::table_row(const bind::Box& row, const TableGeometry& table, bool header,
                            std::vector<Fragment>& out) {
    const bind::TableCells& deco = header ? table.format.header : table.format.body;
    const double pad_v = deco.padding[0] + deco.padding[2];
    std::vector<std::vector<Fragment>> cells(table.widths.size());
    double cx = table.x;
    for (size_t c = 0; c < table.widths.size(); ++c) {
        double inner = std::max(1.0, table.widths[c] - deco.padding[1] - deco.padding[3]);
        if (c < row.children.size())
            layout_all(row.children[c].children, cx + deco.padding[3], inner, cells[c]);
        while (!cells[c].empty() && cells[c].front().glue) cells[c].erase(cells[c].begin());
        cx += table.widths[c];
    }
    double limit = ctx_.body_height > 0 ? ctx_.body_height * 0.8 - pad_v : 1e12;
    bool first_band = true;
    for (;;) {
        Fragment f;
        f.tag = "Table";
        f.paragraph = table.id;
        f.break_before_allowed = first_band;
        f.items.emplace_back(std::in_place_type<TagBegin>, TagBegin{"TR"});
        std::vector<Fragment> contents;
        bool more = false;
        for (auto& cell : cells) {
            contents.push_back(merge(take_band(cell, limit)));
            more = more || !cell.empty();
            f.height = std::max(f.height, contents.back().height + pad_v);
        }
        if (deco.fill) {
            Shape s;
            s.rect = {table.x, 0, table.width(), f.height};
            s.has_fill = true;
            s.fill = *deco.fill;
            f.items.insert(f.items.begin(), s);
        }
        for (auto& content : contents) {
            f.items.emplace_back(std::in_place_type<TagBegin>, TagBegin{header ? "TH" : "TD"});
            translate_items(content.items, 0, deco.padding[0]);
            f.items.insert(f.items.end(), std::make_move_iterator(content.items.begin()),
                           std::make_move_iterator(content.items.end()));
            f.outline.insert(f.outline.end(), content.outline.begin(), content.outline.end());
            f.notes.insert(f.notes.end(), content.notes.begin(), content.notes.end());
            f.items.emplace_back(std::in_place_type<TagEnd>);
        }
        f.items.emplace_back(std::in_place_type<TagEnd>);
        if (!more && deco.rule_below > 0) {
            Line rule{table.x, f.height - deco.rule_below / 2, table.x + table.width(),
                      f.height - deco.rule_below / 2, deco.rule_below, deco.rule_color, {}};
            f.items.push_back(rule);
        }
        out.push_back(std::move(f));
        first_band = false;
        if (!more) break;
    }
}

}  // namespace dw::typeset

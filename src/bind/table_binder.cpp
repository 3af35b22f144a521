// <table each="list">: a table built from a data list, one row per item, one column per <cell>
// (its header text, its width, its content template). It becomes the same Table box as a GFM
// table in rich text, so it paginates, repeats its header and is tagged the same way.
#include "bind/binder_internal.h"
#include "bind/table_format.h"

namespace dw::bind {

void Binder::bind_table_element(const layout::Node& node, std::vector<Box>& out) {
    std::vector<const layout::Node*> cells;
    for (const auto& child : node.children)
        if (child.element == "cell") cells.push_back(&child);
    auto format = std::make_shared<TableFormat>();
    const layout::Style body = style_attr(node, "style");
    const layout::Style head = node.attribute("header-style") ? style_attr(node, "header-style") : body;
    format->header = table_cells(head);
    format->body = table_cells(body);
    format->width = length_attr(node, "width");
    for (const layout::Node* cell : cells) format->widths.push_back(length_attr(*cell, "width"));
    std::vector<const data::Value*> items = loop_items(node);
    if (items.empty()) return;  // no table without rows: an empty list prints nothing

    Box table;
    table.kind = Box::Kind::Table;
    table.loc = node.loc;
    table.space_before = length_attr(node, "space-before").value_or(Length{}).to_pt();
    table.space_after = length_attr(node, "space-after").value_or(Length::pt(body.space_after)).to_pt();
    Box header;
    header.loc = node.loc;
    for (const layout::Node* cell : cells) {
        layout::Style style = head;
        style.space_before = style.space_after = 0;
        style.background.reset();  // the cell's fill, drawn by the table
        Box paragraph;
        paragraph.kind = Box::Kind::Paragraph;
        paragraph.loc = cell->loc;
        paragraph.style = style;
        Span& span = paragraph.spans.emplace_back();
        span.text = text_attr(*cell, "header").value_or("");
        span.loc = cell->loc;
        Box& c = header.children.emplace_back();
        c.loc = cell->loc;
        c.children.push_back(std::move(paragraph));
    }
    table.children.push_back(std::move(header));

    std::string as = node.attribute_or("as", "item");
    std::string style_name = node.attribute_or("style", "");
    int index = 0;
    for (const data::Value* item : items) {
        data::Value index_value = data::Value::string(std::to_string(++index), item->loc);
        ScopedVariable var(scope_, as, item);
        ScopedVariable idx(scope_, "index", &index_value);
        Box& row = table.children.emplace_back();
        row.loc = item->loc;
        for (const layout::Node* cell : cells) {
            Box& c = row.children.emplace_back();
            c.loc = cell->loc;
            if (!style_name.empty()) default_styles_.push_back(style_name);
            bind_flow(cell->children, c.children);
            if (!style_name.empty()) default_styles_.pop_back();
        }
    }
    format->header_rows = 1;
    table.table = std::move(format);
    out.push_back(std::move(table));
}

}  // namespace dw::bind

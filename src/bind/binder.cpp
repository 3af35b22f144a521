#include "bind/binder.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "bind/binder_internal.h"
#include "diag/suggest.h"

namespace dw::bind {

Binder::Binder(const layout::Layout& layout, const data::Value& data, Diagnostics& diags)
    : layout_(layout), data_(data), diags_(diags), scope_(&data) {}

std::optional<BoxDocument> bind_document(const layout::Layout& layout, const data::Value& data,
                                         Diagnostics& diags) {
    Binder binder(layout, data, diags);
    return binder.bind();
}

BoxDocument Binder::bind() {
    BoxDocument doc;
    auto master = layout_.page_masters.find(layout_.first_page_master);
    if (master != layout_.page_masters.end()) doc.page = bind_page_master(master->second);
    else diags_.error(layout_.document.loc, "the document names no page master",
                      "add <page-master name=\"a4\" size=\"A4\"/> and <document page-master=\"a4\">");

    doc.body.kind = Box::Kind::Stack;
    doc.body.loc = layout_.document.loc;
    bind_flow(layout_.document.children, doc.body.children);
    doc.footnotes = std::move(footnotes_);

    auto ctx = expression_context();
    const auto& meta = layout_.metadata;
    doc.metadata.title = evaluate_string(meta.title, meta.loc, ctx);
    doc.metadata.author = evaluate_string(meta.author, meta.loc, ctx);
    doc.metadata.subject = evaluate_string(meta.subject, meta.loc, ctx);
    doc.metadata.keywords = evaluate_string(meta.keywords, meta.loc, ctx);
    doc.metadata.language = evaluate_string(meta.language, meta.loc, ctx);
    doc.metadata.fit_page = meta.fit_page;
    if (const data::Value* date = data_.find("date"); date && date->is_string())
        doc.metadata.date = date->text;
    return doc;
}

PageTemplate Binder::bind_page_master(const layout::PageMaster& master) {
    PageTemplate page;
    page.name = master.name;
    page.width = master.width;
    page.height = master.height;
    page.scale = master.scale;
    page.margin_top = master.margin_top;
    page.margin_right = master.margin_right;
    page.margin_bottom = master.margin_bottom;
    page.margin_left = master.margin_left;
    in_page_margin_ = true;
    bind_flow(master.header, page.header);
    bind_flow(master.footer, page.footer);
    bind_flow(master.background, page.background);
    in_page_margin_ = false;
    return page;
}

void Binder::bind_flow(const std::vector<layout::Node>& nodes, std::vector<Box>& out) {
    bool skip_else = false;
    for (const auto& node : nodes) {
        if (node.element == "else") {
            if (!skip_else) bind_flow(node.children, out);
            skip_else = false;
            continue;
        }
        if (node.element == "if") {
            skip_else = bind_if(node, out);
            continue;
        }
        skip_else = false;
        bind_node(node, out);
    }
}

void Binder::bind_node(const layout::Node& node, std::vector<Box>& out) {
    const std::string& e = node.element;
    if (e == "text") bind_text(node, out);
    else if (e == "richtext") bind_richtext(node, out);
    else if (e == "box") bind_box(node, out);
    else if (e == "row") bind_row(node, out);
    else if (e == "grid") bind_grid(node, out);
    else if (e == "columns") bind_columns(node, out);
    else if (e == "keep") bind_container(node, Box::Kind::Keep, out);
    else if (e == "image") bind_image(node, out);
    else if (e == "rule") bind_rule(node, out);
    else if (e == "spacer") bind_spacer(node, out);
    else if (e == "for") bind_for(node, out);
    else if (e == "table") bind_table_element(node, out);
    else if (e == "use") bind_use(node, out);
    else if (e == "timeline") bind_timeline(node, out);
    else if (e == "circle") bind_circle(node, out);
    else if (e == "arrow") bind_arrow(node, out);
    else if (e == "page-break") {
        Box b;
        b.kind = Box::Kind::PageBreak;
        b.loc = node.loc;
        out.push_back(std::move(b));
    } else if (e == "#text") {
        // stray character data between flow elements: the reader keeps it, flow ignores it
    } else {
        diags_.error(node.loc, "<" + e + "> cannot be used as flow content");
    }
}

void Binder::bind_container(const layout::Node& node, Box::Kind kind, std::vector<Box>& out) {
    Box& box = out.emplace_back();  // built in place (see bind_box)
    box.kind = kind;
    box.loc = node.loc;
    box.children.reserve(node.children.size());
    bind_flow(node.children, box.children);
}

// A rotation that looks hand-placed but is the same on every run: derived from a counter.
static double jitter_angle(int counter, double max_degrees) {
    uint32_t x = uint32_t(counter + 1) * 2654435761u;
    x ^= x >> 15;
    double unit = double(x % 1000) / 999.0;  // 0..1
    return (unit * 2 - 1) * max_degrees;
}

void Binder::bind_box(const layout::Node& node, std::vector<Box>& out) {
    // Built in place, as the other containers are: a Box is large, and moving each one into its
    // parent cost a tenth of binding a card. Binding the content fills box.children, never `out`,
    // so the reference stays valid.
    Box& box = out.emplace_back();
    box.kind = Box::Kind::Frame;
    box.loc = node.loc;
    Frame& f = box.frame;
    f.fill = color_attr(node, "fill");
    f.border_width = length_attr(node, "border").value_or(Length{}).to_pt();
    f.border_color = color_attr(node, "border-color").value_or(Color{});
    f.radius = length_attr(node, "radius").value_or(Length{}).to_pt();
    auto padding = padding_attr(node, "padding");
    for (int i = 0; i < 4; ++i) f.padding[i] = padding[i];
    f.width = length_attr(node, "width");
    f.height = length_attr(node, "height");
    f.rotate = number_attr(node, "rotate").value_or(0);
    if (auto jitter = number_attr(node, "rotate-jitter"); jitter && *jitter > 0)
        f.rotate += jitter_angle(jitter_counter_++, *jitter);
    f.keep_together = bool_attr(node, "keep-together").value_or(true);
    f.align = align_attr(node, "align").value_or(layout::Align::Left);
    f.valign = valign_attr(node);
    auto fit = attr_text(node, "fit");
    f.shrink_to_fit = fit && fit->view() == "shrink";
    bind_frame_content(node, box);
}

// What <box> and <circle> share: space around, a default style for their content, the content.
// `box` is already in its parent.
void Binder::bind_frame_content(const layout::Node& node, Box& box) {
    box.space_before = length_attr(node, "space-before").value_or(Length{}).to_pt();
    box.space_after = length_attr(node, "space-after").value_or(Length{}).to_pt();
    auto style = text_attr(node, "style");
    if (style) default_styles_.push_back(std::move(*style));
    box.children.reserve(node.children.size());
    bind_flow(node.children, box.children);
    if (style) default_styles_.pop_back();
}

void Binder::bind_row(const layout::Node& node, std::vector<Box>& out) {
    Box& row = out.emplace_back();  // built in place (see bind_box)
    row.kind = Box::Kind::Row;
    row.loc = node.loc;
    row.gap = length_attr(node, "gap").value_or(Length{}).to_pt();
    row.frame.valign = valign_attr(node);
    row.widths.reserve(node.children.size());
    row.children.reserve(node.children.size());
    for (const auto& child : node.children) {
        if (child.element == "#text") continue;
        if (child.element != "column") {
            diags_.error(child.loc, "<row> holds <column> elements, not <" + child.element + ">");
            continue;
        }
        row.widths.push_back(length_attr(child, "width").value_or(Length{1, Length::Unit::Fraction}));
        Box& column = row.children.emplace_back();
        column.kind = Box::Kind::Stack;
        column.loc = child.loc;
        column.children.reserve(child.children.size());
        bind_flow(child.children, column.children);
    }
}

void Binder::bind_grid(const layout::Node& node, std::vector<Box>& out) {
    Box& grid = out.emplace_back();  // built in place (see bind_box)
    grid.kind = Box::Kind::Grid;
    grid.loc = node.loc;
    grid.columns = std::max(1, int(number_attr(node, "columns").value_or(2)));
    grid.gap = length_attr(node, "gap").value_or(Length{}).to_pt();
    grid.row_gap = length_attr(node, "row-gap").value_or(Length::pt(grid.gap)).to_pt();
    if (auto h = length_attr(node, "cell-height")) grid.cell_height = h->to_pt();
    bind_flow(node.children, grid.children);
}

void Binder::bind_columns(const layout::Node& node, std::vector<Box>& out) {
    Box& cols = out.emplace_back();  // built in place (see bind_box)
    cols.kind = Box::Kind::Columns;
    cols.loc = node.loc;
    cols.columns = std::max(1, int(number_attr(node, "count").value_or(2)));
    cols.gap = length_attr(node, "gap").value_or(Length::mm(6)).to_pt();
    cols.balance = bool_attr(node, "balance").value_or(true);
    cols.column_rule = color_attr(node, "rule");
    bind_flow(node.children, cols.children);
}

void Binder::bind_image(const layout::Node& node, std::vector<Box>& out) {
    auto src = text_attr(node, "src");
    if (!src || src->empty()) {
        diags_.error(node.loc, "<image> needs src=\"file.svg\"");
        return;
    }
    namespace fs = std::filesystem;
    fs::path path(*src);
    if (path.is_relative()) path = fs::path(layout_.file).parent_path() / path;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        diags_.error(attr_loc(node, "src"), "image '" + *src + "' not found",
                     "looked for " + path.string() + " (paths are relative to the layout file)");
        return;
    }
    std::string ext = path.extension().string();
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".svg") {
        diags_.error(attr_loc(node, "src"), "image '" + *src + "' is not PNG, JPEG or SVG");
        return;
    }
    Box& img = out.emplace_back();  // built in place (see bind_box)
    img.kind = Box::Kind::Image;
    img.loc = node.loc;
    img.image_file = fs::absolute(path).lexically_normal().string();
    img.image_width = length_attr(node, "width");
    img.image_height = length_attr(node, "height");
    img.frame.align = align_attr(node, "align").value_or(layout::Align::Left);
    if (auto alt = text_attr(node, "alt")) img.alt = std::move(*alt);
}

void Binder::bind_rule(const layout::Node& node, std::vector<Box>& out) {
    Box& rule = out.emplace_back();  // built in place (see bind_box)
    rule.kind = Box::Kind::Rule;
    rule.loc = node.loc;
    rule.rule_color = color_attr(node, "color").value_or(current_style().color);
    rule.thickness = length_attr(node, "thickness").value_or(Length::pt(0.5)).to_pt();
    rule.rule_width = length_attr(node, "width");
    auto style = attr_text(node, "style");
    std::string_view line = style ? style->view() : "solid";
    if (line == "dashed") rule.dash = {3 * rule.thickness, 2 * rule.thickness};
    if (line == "dotted") rule.dash = {0.01, 2 * rule.thickness};
    rule.space_before = length_attr(node, "space-before").value_or(Length{}).to_pt();
    rule.space_after = length_attr(node, "space-after").value_or(Length{}).to_pt();
}

void Binder::bind_spacer(const layout::Node& node, std::vector<Box>& out) {
    Box& spacer = out.emplace_back();  // built in place (see bind_box)
    spacer.kind = Box::Kind::Spacer;
    spacer.loc = node.loc;
    spacer.height = length_attr(node, "height").value_or(Length::pt(12)).to_pt();
}

// where="theme=2" or "status!=done": a plain comparison of one field as text.
static bool matches_filter(const data::Value& item, const std::string& where) {
    if (where.empty()) return true;
    bool negate = where.find("!=") != std::string::npos;
    size_t eq = where.find(negate ? "!=" : "=");
    if (eq == std::string::npos) return true;
    std::string field = where.substr(0, eq), wanted = where.substr(eq + (negate ? 2 : 1));
    const data::Value* v = item.find(field);
    bool equal = v && v->is_string() && v->text == wanted;
    return negate ? !equal : equal;
}

// Numbers compare as numbers ("9" before "10"), everything else as text.
static bool sort_key_less(const std::string& a, const std::string& b) {
    char* end_a = nullptr;
    char* end_b = nullptr;
    double na = std::strtod(a.c_str(), &end_a), nb = std::strtod(b.c_str(), &end_b);
    bool numeric = !a.empty() && !b.empty() && *end_a == '\0' && *end_b == '\0';
    return numeric ? na < nb : a < b;
}

std::vector<const data::Value*> Binder::loop_items(const layout::Node& node) {
    auto each = text_attr(node, "each");
    auto ctx = expression_context();
    const data::Value* list = each ? resolve_reference(*each, attr_loc(node, "each"), ctx) : nullptr;
    if (!each) diags_.error(node.loc, "<" + node.element + "> needs each=\"list\"");
    if (!list) return {};
    if (!list->is_list()) {
        diags_.error(attr_loc(node, "each"), "'" + *each + "' is not a list",
                     "its value starts at " + list->loc.file + ":" + std::to_string(list->loc.line));
        return {};
    }
    std::string where = node.attribute_or("where", "");
    std::vector<const data::Value*> items;
    for (const auto& item : list->items)
        if (matches_filter(item, where)) items.push_back(&item);
    if (auto sort = node.attribute("sort")) {
        bool descending = node.attribute_or("order", "ascending") == "descending";
        std::stable_sort(items.begin(), items.end(), [&](auto* a, auto* b) {
            auto *fa = a->find(*sort), *fb = b->find(*sort);
            bool less = sort_key_less(fa ? fa->text : "", fb ? fb->text : "");
            bool greater = sort_key_less(fb ? fb->text : "", fa ? fa->text : "");
            return descending ? greater : less;
        });
    }
    if (auto limit = number_attr(node, "limit"); limit && *limit >= 0 && size_t(*limit) < items.size())
        items.resize(size_t(*limit));
    return items;
}

void Binder::bind_for(const layout::Node& node, std::vector<Box>& out) {
    std::string as = node.attribute_or("as", "item");
    int index = 0;
    for (const data::Value* item : loop_items(node)) {
        data::Value index_value = data::Value::string(std::to_string(++index), item->loc);
        ScopedVariable var(scope_, as, item);
        ScopedVariable idx(scope_, "index", &index_value);
        bind_flow(node.children, out);
    }
}

bool Binder::bind_if(const layout::Node& node, std::vector<Box>& out) {
    auto test = node.attribute("test");
    auto ctx = expression_context();
    const data::Value* value = nullptr;
    if (test) {
        value = resolve_reference(*test, attr_loc(node, "test"), ctx, /*report=*/false);
    } else {
        diags_.error(node.loc, "<if> needs test=\"field\"");
    }
    bool result = is_truthy(value);
    if (auto equals = text_attr(node, "equals")) result = value && value->is_string() && value->text == *equals;
    if (auto before = node.attribute("before")) {
        // Dates as YYYY-MM-DD (validated where declared) compare as text.
        const data::Value* limit = resolve_reference(*before, attr_loc(node, "before"), ctx);
        result = value && value->is_string() && limit && limit->is_string() &&
                 !value->text.empty() && value->text < limit->text;
    }
    if (bool_attr(node, "not").value_or(false)) result = !result;
    if (result) bind_flow(node.children, out);
    return result;
}

void Binder::bind_use(const layout::Node& node, std::vector<Box>& out) {
    std::string name = text_attr(node, "component").value_or("");
    const data::Value* value = nullptr;
    if (auto data = node.attribute("data")) {
        auto ctx = expression_context();
        value = resolve_reference(*data, attr_loc(node, "data"), ctx);
    }
    bind_component(name, value, node.loc, out);
}

void Binder::bind_component(const std::string& name, const data::Value* value, const SourceLoc& loc,
                            std::vector<Box>& out) {
    auto it = layout_.components.find(name);
    if (it == layout_.components.end()) {
        std::vector<std::string> names;
        for (const auto& [n, c] : layout_.components) names.push_back(n);
        diags_.error(loc, "unknown component '" + name + "'", suggestion_hint(name, names));
        return;
    }
    if (component_depth_ > 8) {
        diags_.error(loc, "component '" + name + "' uses itself", "components cannot nest deeper than 8");
        return;
    }
    ++component_depth_;
    data::Value empty;
    ScopedVariable var(scope_, "data", value ? value : &empty);
    bind_flow(it->second.children, out);
    --component_depth_;
}

}  // namespace dw::bind

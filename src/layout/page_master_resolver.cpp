#include "layout/page_master_resolver.h"

#include <cstdio>
#include <utility>

#include "layout/value_parse.h"

namespace dw::layout {
namespace {

void apply_size(const Node& node, PageMaster& pm) {
    auto size = parse_page_size(node.attribute_or_default("size"));
    if (!size) return;  // reported by the schema check; keep A4
    pm.width = size->width.to_pt();
    pm.height = size->height.to_pt();
    std::string orientation = node.attribute_or("orientation", "");
    bool swap = (orientation == "landscape" && pm.width < pm.height) ||
                (orientation == "portrait" && pm.width > pm.height);
    if (swap) std::swap(pm.width, pm.height);
}

void apply_margins(const Node& node, PageMaster& pm) {
    if (auto box = parse_box_lengths(node.attribute_or_default("margin"))) {
        pm.margin_top = (*box)[0].to_pt();
        pm.margin_right = (*box)[1].to_pt();
        pm.margin_bottom = (*box)[2].to_pt();
        pm.margin_left = (*box)[3].to_pt();
    }
    const std::pair<const char*, double*> sides[] = {{"margin-top", &pm.margin_top},
                                                     {"margin-right", &pm.margin_right},
                                                     {"margin-bottom", &pm.margin_bottom},
                                                     {"margin-left", &pm.margin_left}};
    for (const auto& [name, field] : sides) {
        const std::string* text = node.attribute(name);
        auto length = text ? parse_length(*text) : std::nullopt;
        if (length && !length->is_relative()) *field = length->to_pt();
    }
}

std::string mm(double pt) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", pt * 25.4 / 72.0);
    return buffer;
}

void check_content_area(const Node& node, const PageMaster& pm, Diagnostics& diags) {
    bool too_wide = pm.margin_left + pm.margin_right >= pm.width / pm.scale;
    bool too_tall = pm.margin_top + pm.margin_bottom >= pm.height / pm.scale;
    if (!too_wide && !too_tall) return;
    diags.error(node.attribute_loc("margin"),
                "the margins of page master '" + pm.name + "' leave no room for content",
                "the page is " + mm(pm.width) + " x " + mm(pm.height) + " mm");
}

}  // namespace

PageMaster default_page_master() {
    PageMaster pm;
    pm.name = "default";
    return pm;  // PageMaster's own defaults are A4 with 20 mm margins
}

PageMaster resolve_page_master(const Node& node, Diagnostics& diags) {
    PageMaster pm;
    pm.name = node.attribute_or("name", "");
    pm.loc = node.loc;
    apply_size(node, pm);
    apply_margins(node, pm);
    if (auto scale = parse_number(node.attribute_or_default("scale")); scale && *scale > 0)
        pm.scale = *scale;
    check_content_area(node, pm, diags);
    for (const auto& child : node.children) {
        if (child.element == "header") pm.header = child.children;
        if (child.element == "footer") pm.footer = child.children;
        if (child.element == "background") pm.background = child.children;
    }
    return pm;
}

}  // namespace dw::layout

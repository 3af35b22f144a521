#include "layout/image_alt_check.h"

#include "layout/card_deck.h"

namespace dw::layout {
namespace {

void check_nodes(const Node& node, bool required, Diagnostics& diags) {
    if (node.element == "image" && !node.attribute("alt")) {
        const std::string message = "image without alternative text (alt)";
        const std::string hint =
            "describe the image with alt=\"...\", or write alt=\"\" for a decorative one";
        if (required)
            diags.error(node.loc, message + ": PDF/UA-1 requires it", hint);
        else
            diags.warning(node.loc, message, hint);
    }
    for (const Node& child : node.children) check_nodes(child, required, diags);
}

void check_all(const std::vector<Node>& nodes, bool required, Diagnostics& diags) {
    for (const Node& node : nodes) check_nodes(node, required, diags);
}

}  // namespace

void check_image_alt(const Layout& layout, bool required, Diagnostics& diags) {
    check_nodes(layout.document, required, diags);
    for (const auto& [name, master] : layout.page_masters) {
        check_all(master.header, required, diags);
        check_all(master.footer, required, diags);
        check_all(master.background, required, diags);
    }
    for (const auto& [name, component] : layout.components) check_nodes(component, required, diags);
    if (layout.cards) {
        check_nodes(layout.cards->front, required, diags);
        check_nodes(layout.cards->back, required, diags);
    }
}

}  // namespace dw::layout

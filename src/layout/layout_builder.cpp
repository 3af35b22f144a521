#include "layout/layout_builder.h"

#include <filesystem>
#include <sstream>

#include "layout/card_deck.h"
#include "layout/collection_decl.h"
#include "layout/data_use_check.h"
#include "layout/email_decl.h"
#include "layout/page_master_resolver.h"
#include "layout/reference_check.h"
#include "layout/style_resolver.h"

namespace dw::layout {
namespace {

std::string where(const SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

// Adds `value` under the node's name= unless that name is taken, which is reported with the
// place of the first definition.
template <typename T>
void add_unique(std::map<std::string, T>& map, const std::string& kind, const Node& node, T value,
                const std::map<std::string, SourceLoc>& first_seen, Diagnostics& diags) {
    std::string name = node.attribute_or("name", "");
    if (map.count(name)) {
        diags.error(node.attribute_loc("name"), "duplicate " + kind + " '" + name + "'",
                    "the first is at " + where(first_seen.at(name)));
        return;
    }
    map.emplace(name, std::move(value));
}

class Builder {
public:
    Builder(const std::string& file, Diagnostics& diags) : diags_(diags) { layout_.file = file; }

    Layout build(Node root) {
        layout_.loc = root.loc;
        read_font_dir(root);
        read_fallback_fonts(root);
        std::vector<const Node*> styles;
        for (const auto& child : root.children) {
            if (child.element == "metadata") read_metadata(child);
            if (child.element == "palette") read_palette(child);
            if (child.element == "styles") collect_styles(child, styles);
        }
        layout_.styles = resolve_styles(styles, layout_.palette, diags_);
        ensure_default_style();
        for (const auto& child : root.children) {
            if (child.element == "page-master") add_page_master(child);
            if (child.element == "component") add_component(child);
        }
        if (layout_.page_masters.empty()) {
            layout_.page_masters.emplace("default", default_page_master());
            first_master_ = "default";
        }
        check_references(root, layout_, diags_);
        layout_.data = read_data_decls(root, diags_);
        read_collection_decl(root, layout_, diags_);
        check_data_uses(root, layout_.data, diags_);
        bool has_document = false;
        for (auto& child : root.children) {
            if (child.element == "cards")
                layout_.cards = std::make_shared<CardDeck>(resolve_card_deck(child, diags_));
            if (child.element == "document") {
                layout_.document = std::move(child);
                has_document = true;
            }
            if (child.element == "variant") add_variant(child);
            if (child.element == "email")
                layout_.email =
                    std::make_shared<EmailDecl>(read_email_decl(child, layout_.palette, diags_));
        }
        if (has_document == bool(layout_.cards))
            diags_.error(root.loc,
                         has_document ? "a layout has <document> or <cards>, not both"
                                      : "<layout> needs a <document> element",
                         "The flow content of the document; a card deck has <cards> instead.");
        const std::string* chosen = layout_.document.attribute("page-master");
        layout_.first_page_master = chosen ? *chosen : first_master_;
        return std::move(layout_);
    }

private:
    void read_font_dir(const Node& root) {
        const std::string* dir = root.attribute("fonts");
        if (!dir || dir->empty()) return;
        layout_.font_dir = (std::filesystem::path(layout_.file).parent_path() / *dir).lexically_normal().string();
        layout_.font_dir_loc = root.attribute_loc("fonts");
    }

    void read_fallback_fonts(const Node& root) {
        const std::string* list = root.attribute("fallback-fonts");
        if (!list) return;
        std::stringstream families(*list);
        for (std::string family; std::getline(families, family, ',');) {
            const size_t first = family.find_first_not_of(" \t"), last = family.find_last_not_of(" \t");
            if (first != std::string::npos) layout_.fallback_fonts.push_back(family.substr(first, last - first + 1));
        }
        layout_.fallback_fonts_loc = root.attribute_loc("fallback-fonts");
    }

    void read_metadata(const Node& node) {
        Metadata& m = layout_.metadata;
        m.title = node.attribute_or("title", "");
        m.author = node.attribute_or("author", "");
        m.subject = node.attribute_or("subject", "");
        m.keywords = node.attribute_or("keywords", "");
        m.language = node.attribute_or("language", "");
        m.fit_page = node.attribute_or("initial-view", "default") == "fit-page";
        m.loc = node.loc;
    }

    void read_palette(const Node& palette) {
        for (const auto& color : palette.children) {
            auto value = parse_hex_color(color.attribute_or("value", ""));
            add_unique(layout_.palette, "colour", color, value.value_or(Color{}), seen_colors_,
                       diags_);
            seen_colors_.emplace(color.attribute_or("name", ""), color.loc);
        }
    }

    void collect_styles(const Node& node, std::vector<const Node*>& styles) {
        if (const std::string* name = node.attribute("default")) {
            layout_.default_style = *name;
            explicit_default_ = true;
        }
        for (const auto& style : node.children) styles.push_back(&style);
    }

    // Unstyled text needs a style even in a layout that declares none: an implicit "body" with
    // Style's defaults. A default named explicitly must exist (check_references reports it).
    void ensure_default_style() {
        if (explicit_default_ || layout_.styles.count(layout_.default_style)) return;
        Style body;
        body.name = layout_.default_style;
        layout_.styles.emplace(body.name, body);
    }

    void add_page_master(const Node& node) {
        add_unique(layout_.page_masters, "page master", node, resolve_page_master(node, diags_),
                   seen_masters_, diags_);
        std::string name = node.attribute_or("name", "");
        seen_masters_.emplace(name, node.loc);
        if (first_master_.empty()) first_master_ = name;
    }

    void add_variant(const Node& node) {
        std::string master = node.attribute_or("page-master", "");
        if (layout_.variants.count(master)) {
            diags_.error(node.attribute_loc("page-master"),
                         "a second <variant> for page master '" + master + "'",
                         "the first is at " + where(layout_.variants.at(master).loc));
            return;
        }
        layout_.variants.emplace(master, node);
    }

    void add_component(const Node& node) {
        add_unique(layout_.components, "component", node, node, seen_components_, diags_);
        seen_components_.emplace(node.attribute_or("name", ""), node.loc);
    }

    Diagnostics& diags_;
    Layout layout_;
    bool explicit_default_ = false;
    std::string first_master_;
    std::map<std::string, SourceLoc> seen_colors_, seen_masters_, seen_components_;
};

}  // namespace

Layout build_layout(Node root, const std::string& file, Diagnostics& diags) {
    return Builder(file, diags).build(std::move(root));
}

}  // namespace dw::layout

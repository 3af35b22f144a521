#include "layout/reference_check.h"

#include <filesystem>

#include "diag/suggest.h"
#include "layout/schema.h"
#include "layout/value_check.h"

namespace dw::layout {
namespace {

template <typename Map>
std::vector<std::string> keys(const Map& map) {
    std::vector<std::string> names;
    for (const auto& [name, value] : map) names.push_back(name);
    return names;
}

std::string list(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

class ReferenceChecker {
public:
    ReferenceChecker(const Layout& layout, Diagnostics& diags)
        : layout_(layout),
          diags_(diags),
          styles_(keys(layout.styles)),
          colors_(keys(layout.palette)),
          masters_(keys(layout.page_masters)),
          components_(keys(layout.components)) {}

    void check(const Node& node) {
        const ElementSpec* spec = find_element(node.element);
        if (!spec) return;  // "#text"
        for (const auto& [name, value] : node.attributes) {
            const AttrSpec* attr = find_attribute(*spec, name);
            if (!attr || has_expression(value)) continue;
            if (layout::check_value(*attr, value)) continue;  // malformed: reported on reading
            check_reference(*attr, value, node.attribute_loc(name));
        }
        for (const auto& child : node.children) check(child);
    }

private:
    void check_reference(const AttrSpec& attr, const std::string& value, const SourceLoc& loc) {
        switch (attr.type) {
            case AttrType::StyleRef:
                return check_name("style", value, styles_, loc);
            case AttrType::PageMasterRef:
                return check_name("page master", value, masters_, loc);
            case AttrType::ComponentRef:
                return check_name("component", value, components_, loc);
            case AttrType::Color:
                return check_color(value, loc);
            case AttrType::File:
                return check_file(value, loc);
            default:
                return;
        }
    }

    void check_name(const std::string& kind, const std::string& value,
                    const std::vector<std::string>& known, const SourceLoc& loc) {
        for (const auto& k : known) {
            if (k == value) return;
        }
        std::string hint =
            known.empty() ? "this layout declares no " + kind + "s" : suggestion_hint(value, known);
        diags_.error(loc, "unknown " + kind + " '" + value + "'", hint);
    }

    void check_color(const std::string& value, const SourceLoc& loc) {
        if (value.starts_with('#') || layout_.palette.count(value)) return;
        std::string near = closest_match(value, colors_);
        std::string hint =
            !near.empty() ? "did you mean '" + near + "'?"
            : colors_.empty()
                ? "use #rgb, #rrggbb or #rrggbbaa, or declare it in <palette>"
                : "use #rgb, #rrggbb, #rrggbbaa or a palette colour: " + list(colors_);
        diags_.error(loc, "unknown colour '" + value + "'", hint);
    }

    // Images are looked up beside the layout file, as the typesetter will look for them.
    void check_file(const std::string& value, const SourceLoc& loc) {
        namespace fs = std::filesystem;
        fs::path path = fs::path(layout_.file).parent_path() / value;
        std::error_code error;
        if (fs::is_regular_file(path, error)) return;
        diags_.error(loc, "image file not found: '" + value + "'",
                     "looked for " + path.lexically_normal().string() +
                         " (paths are relative to the layout file)");
    }

    const Layout& layout_;
    Diagnostics& diags_;
    std::vector<std::string> styles_, colors_, masters_, components_;
};

}  // namespace

void check_references(const Node& root, const Layout& layout, Diagnostics& diags) {
    ReferenceChecker(layout, diags).check(root);
}

}  // namespace dw::layout

// Attribute values of template elements: expressions are evaluated first, then the text is
// converted to its type. Static values were already type-checked by the layout reader; values
// that came from data are checked here, with the attribute's location.
#include <sstream>

#include "bind/binder_internal.h"
#include "diag/suggest.h"
#include "layout/color.h"
#include "layout/value_parse.h"

namespace dw::bind {

SourceLoc Binder::attr_loc(const layout::Node& node, const std::string& name) const {
    auto it = node.attribute_locs.find(name);
    return it != node.attribute_locs.end() ? it->second : node.loc;
}

// An attribute's text; when it is not written, the schema's default (one source of truth for
// defaults: the schema, which also documents them). nullopt when neither exists.
std::optional<std::string> Binder::text_attr(const layout::Node& node, const std::string& name) {
    const std::string* raw = node.attribute(name);
    if (!raw) {
        std::string fallback = node.attribute_or_default(name);
        if (fallback.empty()) return std::nullopt;
        return fallback;
    }
    if (raw->find("{{") == std::string::npos) return *raw;
    auto ctx = expression_context();
    // Expressions are located inside the value: after `name="`.
    SourceLoc value_loc = attr_loc(node, name);
    if (value_loc.col > 0) value_loc.col += int(name.size()) + 2;
    return evaluate_string(*raw, value_loc, ctx);
}

std::optional<Length> Binder::length_attr(const layout::Node& node, const std::string& name) {
    auto text = text_attr(node, name);
    if (!text) return std::nullopt;
    auto length = parse_length(*text);
    if (!length)
        diags_.error(attr_loc(node, name), "'" + *text + "' is not a length",
                     "write a number with a unit: 12mm, 1.5cm, 10pt, 1in, 50% or 1fr");
    return length;
}

double Binder::positive_length_attr(const layout::Node& node, const std::string& name,
                                    Length fallback) {
    auto length = length_attr(node, name);
    if (!length) return fallback.to_pt();
    if (length->is_relative() || length->to_pt() <= 0) {
        diags_.error(attr_loc(node, name), name + " must be a length larger than 0",
                     "e.g. " + name + "=\"4mm\"");
        return fallback.to_pt();
    }
    return length->to_pt();
}

std::optional<double> Binder::number_attr(const layout::Node& node, const std::string& name) {
    auto text = text_attr(node, name);
    if (!text) return std::nullopt;
    auto v = layout::parse_number(*text);
    if (!v) diags_.error(attr_loc(node, name), "'" + *text + "' is not a number");
    return v;
}

std::optional<Color> Binder::color_value(const std::string& text, const SourceLoc& loc) {
    auto color = parse_color(text, layout_.palette);
    if (!color) {
        std::vector<std::string> names;
        for (const auto& [n, c] : layout_.palette) names.push_back(n);
        diags_.error(loc, "unknown colour '" + text + "'",
                     closest_match(text, names).empty()
                         ? "use a palette name or #rrggbb"
                         : "did you mean '" + closest_match(text, names) + "'?");
    }
    return color;
}

std::optional<Color> Binder::color_attr(const layout::Node& node, const std::string& name) {
    auto text = text_attr(node, name);
    if (!text || text->empty()) return std::nullopt;
    return color_value(*text, attr_loc(node, name));
}

std::optional<bool> Binder::bool_attr(const layout::Node& node, const std::string& name) {
    auto text = text_attr(node, name);
    if (!text) return std::nullopt;
    auto v = layout::parse_bool(*text);
    if (!v) diags_.error(attr_loc(node, name), "'" + *text + "' is not true or false");
    return v;
}

std::optional<layout::Align> Binder::align_attr(const layout::Node& node, const std::string& name) {
    auto text = text_attr(node, name);
    if (!text) return std::nullopt;
    if (*text == "left") return layout::Align::Left;
    if (*text == "right") return layout::Align::Right;
    if (*text == "center") return layout::Align::Center;
    if (*text == "justify") return layout::Align::Justify;
    diags_.error(attr_loc(node, name), "unknown alignment '" + *text + "'",
                 suggestion_hint(*text, {"left", "right", "center", "justify"}));
    return std::nullopt;
}

VAlign Binder::valign_attr(const layout::Node& node) {
    std::string text = text_attr(node, "valign").value_or("top");
    if (text == "middle") return VAlign::Middle;
    if (text == "bottom") return VAlign::Bottom;
    return VAlign::Top;
}

// CSS order: one value for all sides, two for vertical/horizontal, four for top/right/bottom/left.
std::vector<double> Binder::padding_attr(const layout::Node& node, const std::string& name) {
    std::vector<double> sides(4, 0.0);
    auto text = text_attr(node, name);
    if (!text) return sides;
    auto lengths = layout::parse_box_lengths(*text);
    if (!lengths) {
        diags_.error(attr_loc(node, name), "'" + *text + "' is not 1 to 4 lengths",
                     "e.g. padding=\"4mm 6mm\"");
        return sides;
    }
    for (size_t i = 0; i < 4; ++i) sides[i] = (*lengths)[i].to_pt();
    return sides;
}

const layout::Style& Binder::style_named(const std::string& name, const SourceLoc& loc) {
    auto it = layout_.styles.find(name);
    if (it != layout_.styles.end()) return it->second;
    std::vector<std::string> names;
    for (const auto& [n, s] : layout_.styles) names.push_back(n);
    diags_.error(loc, "unknown style '" + name + "'", suggestion_hint(name, names));
    static const layout::Style fallback;
    auto def = layout_.styles.find(layout_.default_style);
    return def != layout_.styles.end() ? def->second : fallback;
}

const layout::Style& Binder::current_style() {
    const std::string& name = default_styles_.empty() ? layout_.default_style : default_styles_.back();
    return style_named(name, layout_.document.loc);
}

}  // namespace dw::bind

// Attribute values of template elements: expressions are evaluated first, then the text is
// converted to its type. Static values were already type-checked by the layout reader; values
// that came from data are checked here, with the attribute's location.
#include <array>
#include <sstream>

#include "bind/binder_internal.h"
#include "diag/suggest.h"
#include "layout/color.h"
#include "layout/length_range.h"
#include "layout/value_parse.h"

namespace dw::bind {

const SourceLoc& Binder::attr_loc(const layout::Node& node, std::string_view name) const {
    return node.attribute_loc(name);
}

// An attribute's text; when it is not written, the schema's default (one source of truth for
// defaults: the schema, which also documents them).
AttrSource Binder::find_attr(const layout::Node& node, std::string_view name) const {
    AttrSource source;
    int index = node.attribute_index(name);
    if (index < 0) {
        const layout::AttrSpec* attr = node.schema_attribute(name);
        if (attr && !attr->default_value.empty()) {
            source.text = &attr->default_value;
            source.value = &layout::converted_default(*attr);
        }
        return source;
    }
    source.text = &node.attributes[size_t(index)].second;
    if (node.prepared()) {
        const layout::PreparedAttribute& prepared = node.prepared_attributes[size_t(index)];
        if (prepared.parts.empty()) source.value = &prepared.value;
        else source.parts = &prepared.parts;
    } else {
        source.unsplit_expressions = source.text->find("{{") != std::string::npos;
    }
    return source;
}

std::optional<AttrText> Binder::attr_text(const layout::Node& node, std::string_view name) {
    return attr_text(find_attr(node, name), node, name);
}

// The text of `source` (attribute `name` of `node`) with its expressions evaluated; nullopt when
// it is neither written nor has a default.
std::optional<AttrText> Binder::attr_text(const AttrSource& source, const layout::Node& node,
                                          std::string_view name) {
    if (!source.text) return std::nullopt;
    if (!source.parts && !source.unsplit_expressions) return AttrText::in_layout(*source.text);
    auto ctx = expression_context();
    if (source.parts) return AttrText::evaluated(evaluate_string(*source.parts, ctx));
    SourceLoc value_loc = layout::attribute_value_loc(attr_loc(node, name), name);
    return AttrText::evaluated(evaluate_string(*source.text, value_loc, ctx));
}

std::optional<std::string> Binder::text_attr(const layout::Node& node, std::string_view name) {
    auto text = attr_text(node, name);
    if (!text) return std::nullopt;
    return std::move(*text).str();
}

std::optional<Length> Binder::length_attr(const layout::Node& node, std::string_view name) {
    AttrSource source = find_attr(node, name);
    if (const Length* length = source.converted<Length>()) return *length;
    auto text = attr_text(source, node, name);
    if (!text) return std::nullopt;
    auto length = parse_length(text->view());
    if (!length) {
        diags_.error(attr_loc(node, name), "'" + std::string(text->view()) + "' is not a length",
                     "write a number with a unit: 12mm, 1.5cm, 10pt, 1in, 50% or 1fr");
        return length;
    }
    // A value written in the layout was checked against its range when it was read; one that
    // came from the data is checked now.
    const layout::AttrSpec* attr = node.schema_attribute(name);
    if (attr && (source.parts || source.unsplit_expressions)) {
        if (auto problem = layout::check_length_range(*attr, text->view())) {
            diags_.error(attr_loc(node, name), problem->message, problem->hint);
            return std::nullopt;
        }
    }
    return length;
}

double Binder::positive_length_attr(const layout::Node& node, std::string_view name,
                                    Length fallback) {
    auto length = length_attr(node, name);
    if (!length) return fallback.to_pt();
    if (length->is_relative() || length->to_pt() <= 0) {
        std::string written(name);
        diags_.error(attr_loc(node, name), written + " must be a length larger than 0",
                     "e.g. " + written + "=\"4mm\"");
        return fallback.to_pt();
    }
    return length->to_pt();
}

std::optional<double> Binder::number_attr(const layout::Node& node, std::string_view name) {
    AttrSource source = find_attr(node, name);
    if (const double* number = source.converted<double>()) return *number;
    auto text = attr_text(source, node, name);
    if (!text) return std::nullopt;
    auto v = layout::parse_number(text->view());
    if (!v)
        diags_.error(attr_loc(node, name), "'" + std::string(text->view()) + "' is not a number");
    return v;
}

std::optional<Color> Binder::color_value(std::string_view text, const SourceLoc& loc) {
    auto color = parse_color(text, layout_.palette);
    if (!color) report_unknown_colour(text, loc);
    return color;
}

void Binder::report_unknown_colour(std::string_view text, const SourceLoc& loc) {
    std::vector<std::string> names;
    for (const auto& [n, c] : layout_.palette) names.push_back(n);
    std::string near = closest_match(text, names);
    diags_.error(loc, "unknown colour '" + std::string(text) + "'",
                 near.empty() ? "use a palette name or #rrggbb" : "did you mean '" + near + "'?");
}

std::optional<Color> Binder::color_attr(const layout::Node& node, std::string_view name) {
    AttrSource source = find_attr(node, name);
    if (const Color* color = source.converted<Color>()) return *color;
    auto text = attr_text(source, node, name);
    if (!text || text->view().empty()) return std::nullopt;
    auto color = parse_color(text->view(), layout_.palette);
    if (!color) report_unknown_colour(text->view(), attr_loc(node, name));  // located only then
    return color;
}

std::optional<bool> Binder::bool_attr(const layout::Node& node, std::string_view name) {
    AttrSource source = find_attr(node, name);
    if (const bool* flag = source.converted<bool>()) return *flag;
    auto text = attr_text(source, node, name);
    if (!text) return std::nullopt;
    auto v = layout::parse_bool(text->view());
    if (!v)
        diags_.error(attr_loc(node, name),
                     "'" + std::string(text->view()) + "' is not true or false");
    return v;
}

std::optional<layout::Align> Binder::align_attr(const layout::Node& node, std::string_view name) {
    auto text = attr_text(node, name);
    if (!text) return std::nullopt;
    std::string_view value = text->view();
    if (value == "left") return layout::Align::Left;
    if (value == "right") return layout::Align::Right;
    if (value == "center") return layout::Align::Center;
    if (value == "justify") return layout::Align::Justify;
    diags_.error(attr_loc(node, name), "unknown alignment '" + std::string(value) + "'",
                 suggestion_hint(value, {"left", "right", "center", "justify"}));
    return std::nullopt;
}

VAlign Binder::valign_attr(const layout::Node& node) {
    auto text = attr_text(node, "valign");
    std::string_view value = text ? text->view() : "top";
    if (value == "middle") return VAlign::Middle;
    if (value == "bottom") return VAlign::Bottom;
    return VAlign::Top;
}

// CSS order: one value for all sides, two for vertical/horizontal, four for top/right/bottom/left.
std::optional<std::array<Length, 4>> Binder::box_lengths_attr(const layout::Node& node,
                                                              std::string_view name) {
    AttrSource source = find_attr(node, name);
    if (const auto* lengths = source.converted<std::array<Length, 4>>()) return *lengths;
    auto text = attr_text(source, node, name);
    if (!text) return std::nullopt;
    auto lengths = layout::parse_box_lengths(text->view());
    if (!lengths)
        diags_.error(attr_loc(node, name),
                     "'" + std::string(text->view()) + "' is not 1 to 4 lengths",
                     "e.g. padding=\"4mm 6mm\"");
    return lengths;
}

std::array<double, 4> Binder::padding_attr(const layout::Node& node, std::string_view name) {
    std::array<double, 4> sides{0, 0, 0, 0};
    if (auto lengths = box_lengths_attr(node, name))
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

// The style attribute `name` names (an unknown one is reported there), else the current style.
const layout::Style& Binder::style_attr(const layout::Node& node, std::string_view name) {
    auto text = attr_text(node, name);
    if (!text) return current_style();
    std::string style(text->view());
    auto it = layout_.styles.find(style);
    return it != layout_.styles.end() ? it->second : style_named(style, attr_loc(node, name));
}

const layout::Style& Binder::current_style() {
    const std::string& name = default_styles_.empty() ? layout_.default_style : default_styles_.back();
    return style_named(name, layout_.document.loc);
}

}  // namespace dw::bind

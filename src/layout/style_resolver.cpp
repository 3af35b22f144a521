#include "layout/style_resolver.h"

#include <algorithm>
#include <functional>

#include "layout/value_parse.h"

namespace dw::layout {
namespace {

using Palette = std::map<std::string, Color>;

std::string where(const SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

// Length in points; a percentage is of `reference` (the font size), fr is not a style length.
std::optional<double> points(std::string_view text, double reference) {
    auto length = parse_length(text);
    if (!length || length->unit == Length::Unit::Fraction) return std::nullopt;
    return length->to_pt(reference);
}

template <typename T>
void set_if(T& field, const std::optional<T>& value) {
    if (value) field = *value;
}

Align align_of(std::string_view v) {
    if (v == "right") return Align::Right;
    if (v == "center") return Align::Center;
    if (v == "justify") return Align::Justify;
    return Align::Left;
}

TextCase case_of(std::string_view v) {
    if (v == "upper") return TextCase::Upper;
    if (v == "lower") return TextCase::Lower;
    return TextCase::AsIs;
}

using Setter = std::function<void(Style&, const std::string&, const Palette&)>;

// One setter per style attribute. `size` is applied before all others, so lengths relative to
// the font size (line-height in pt, letter-spacing in %) use this style's own size.
const std::map<std::string, Setter>& setters() {
    static const std::map<std::string, Setter> table{
        {"family", [](Style& s, const std::string& v, const Palette&) { s.family = v; }},
        {"weight", [](Style& s, const std::string& v,
                      const Palette&) { set_if(s.weight, parse_font_weight(v)); }},
        {"italic",
         [](Style& s, const std::string& v, const Palette&) { set_if(s.italic, parse_bool(v)); }},
        {"color", [](Style& s, const std::string& v,
                     const Palette& p) { set_if(s.color, parse_color(v, p)); }},
        {"background",
         [](Style& s, const std::string& v, const Palette& p) {
             if (auto c = parse_color(v, p)) s.background = c;
         }},
        {"line-height",
         [](Style& s, const std::string& v, const Palette&) {
             auto lh = parse_line_height(v);
             if (!lh) return;
             if (const double* multiple = std::get_if<double>(&*lh)) {
                 s.line_height = *multiple;
             } else if (s.size > 0) {
                 s.line_height = std::get<Length>(*lh).to_pt() / s.size;
             }
         }},
        {"space-before", [](Style& s, const std::string& v,
                            const Palette&) { set_if(s.space_before, points(v, s.size)); }},
        {"space-after", [](Style& s, const std::string& v,
                           const Palette&) { set_if(s.space_after, points(v, s.size)); }},
        {"align", [](Style& s, const std::string& v, const Palette&) { s.align = align_of(v); }},
        {"indent", [](Style& s, const std::string& v,
                      const Palette&) { set_if(s.first_indent, points(v, s.size)); }},
        {"left-indent", [](Style& s, const std::string& v,
                           const Palette&) { set_if(s.left_indent, points(v, s.size)); }},
        {"letter-spacing", [](Style& s, const std::string& v,
                              const Palette&) { set_if(s.letter_spacing, points(v, s.size)); }},
        {"case", [](Style& s, const std::string& v, const Palette&) { s.text_case = case_of(v); }},
        {"hyphenate", [](Style& s, const std::string& v,
                         const Palette&) { s.hyphenate = v == "none" ? "" : v; }},
        {"keep-with-next", [](Style& s, const std::string& v,
                              const Palette&) { set_if(s.keep_with_next, parse_bool(v)); }},
        {"widows",
         [](Style& s, const std::string& v, const Palette&) { set_if(s.widows, parse_int(v)); }},
        {"min-size", [](Style& s, const std::string& v,
                        const Palette&) { set_if(s.min_size, points(v, s.size)); }},
        {"orphans",
         [](Style& s, const std::string& v, const Palette&) { set_if(s.orphans, parse_int(v)); }},
        {"cell-padding",
         [](Style& s, const std::string& v, const Palette&) {
             if (auto sides = parse_box_lengths(v))
                 for (size_t i = 0; i < 4; ++i) s.cell_padding[i] = (*sides)[i].to_pt(s.size);
         }},
        {"rule-below", [](Style& s, const std::string& v,
                          const Palette&) { set_if(s.rule_below, points(v, s.size)); }},
        {"rule-color",
         [](Style& s, const std::string& v, const Palette& p) {
             if (auto c = parse_color(v, p)) s.rule_color = c;
         }},
    };
    return table;
}

class StyleResolver {
public:
    StyleResolver(const Palette& palette, Diagnostics& diags) : palette_(palette), diags_(diags) {}

    void add(const Node& node) {
        std::string name = node.attribute_or("name", "");
        auto [it, inserted] = nodes_.emplace(name, &node);
        if (inserted) order_.push_back(name);
        if (!inserted) {
            diags_.error(node.attribute_loc("name"), "duplicate style '" + name + "'",
                         "the first is at " + where(it->second->loc));
        }
    }

    std::map<std::string, Style> resolve_all() {
        for (const auto& name : order_) resolve(name);  // file order: cycles reported alike
        return std::move(done_);
    }

private:
    Style resolve(const std::string& name) {
        if (auto it = done_.find(name); it != done_.end()) return it->second;
        const Node& node = *nodes_.at(name);
        in_progress_.push_back(name);
        Style style = base_of(node);
        in_progress_.pop_back();
        apply(node, style);
        done_[name] = style;
        return style;
    }

    Style base_of(const Node& node) {
        const std::string* base = node.attribute("base");
        if (!base || !nodes_.count(*base)) return Style{};
        auto start = std::find(in_progress_.begin(), in_progress_.end(), *base);
        if (start == in_progress_.end()) return resolve(*base);
        std::string chain;
        for (auto it = start; it != in_progress_.end(); ++it) chain += *it + " \u2192 ";
        diags_.error(node.attribute_loc("base"), "base cycle: " + chain + *base,
                     "a style cannot inherit from itself; remove one of these base= attributes");
        return Style{};
    }

    void apply(const Node& node, Style& style) {
        style.name = node.attribute_or("name", "");
        style.loc = node.loc;
        // The font is reported where it is written, also in styles that inherit it.
        if (node.attribute("family")) style.family_loc = node.attribute_loc("family");
        else if (style.family_loc.file.empty()) style.family_loc = node.loc;
        if (const std::string* size = node.attribute("size")) {
            auto pt = points(*size, style.size);  // a percentage is of the base's size
            if (pt && *pt > 0) {
                style.size = *pt;
            } else if (pt) {
                diags_.error(node.attribute_loc("size"), "font size must be greater than 0");
            }
        }
        for (const auto& [key, value] : node.attributes) {
            auto it = setters().find(key);
            if (it != setters().end()) it->second(style, value, palette_);
        }
    }

    const Palette& palette_;
    Diagnostics& diags_;
    std::map<std::string, const Node*> nodes_;
    std::vector<std::string> order_;  // names in declaration order
    std::map<std::string, Style> done_;
    std::vector<std::string> in_progress_;
};

}  // namespace

std::map<std::string, Style> resolve_styles(const std::vector<const Node*>& styles,
                                            const Palette& palette, Diagnostics& diags) {
    StyleResolver resolver(palette, diags);
    for (const Node* node : styles) resolver.add(*node);
    return resolver.resolve_all();
}

}  // namespace dw::layout

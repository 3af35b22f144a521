#include "layout/value_check.h"

#include "diag/suggest.h"
#include "layout/color.h"
#include "layout/length_range.h"
#include "layout/value_parse.h"

namespace dw::layout {

bool has_expression(std::string_view value) { return value.find("{{") != value.npos; }

static bool in_range(const AttrSpec& attr, double v) {
    return attr.min >= attr.max || (v >= attr.min && v <= attr.max);
}

static bool has_unit_class(std::string_view value, bool percent_ok, bool fraction_ok) {
    auto length = parse_length(value);
    if (!length) return false;
    if (length->unit == Length::Unit::Percent) return percent_ok;
    if (length->unit == Length::Unit::Fraction) return fraction_ok;
    return true;
}

static bool is_image_file(std::string_view value) {
    size_t dot = value.rfind('.');
    if (dot == value.npos) return false;
    std::string ext(value.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == "png" || ext == "jpg" || ext == "jpeg" || ext == "svg";
}

static bool is_valid(const AttrSpec& attr, std::string_view v) {
    switch (attr.type) {
        case AttrType::String:
        case AttrType::ExpressionText:
            return true;
        case AttrType::Name:
        case AttrType::StyleRef:
        case AttrType::PageMasterRef:
        case AttrType::ComponentRef:
            return is_name(v);
        case AttrType::Length:
            return has_unit_class(v, false, false);
        case AttrType::LengthOrPercent:
            return has_unit_class(v, true, false);
        case AttrType::Extent:
            return has_unit_class(v, true, true);
        case AttrType::Lengths:
            return parse_box_lengths(v).has_value();
        case AttrType::Color:
            return v.starts_with('#') ? parse_hex_color(v).has_value() : is_name(v);
        case AttrType::HexColor:
            return parse_hex_color(v).has_value();
        case AttrType::Bool:
            return parse_bool(v).has_value();
        case AttrType::Int: {
            auto n = parse_int(v);
            return n && in_range(attr, *n);
        }
        case AttrType::Number: {
            auto n = parse_number(v);
            return n && in_range(attr, *n);
        }
        case AttrType::Enum:
            for (const auto& c : attr.choices) {
                if (c == v) return true;
            }
            return false;
        case AttrType::PageSize:
            return parse_page_size(v).has_value();
        case AttrType::Path:
            return is_data_path(v);
        case AttrType::File:
            return is_image_file(v);
        case AttrType::Filter:
            return parse_filter(v).has_value();
        case AttrType::FontWeight:
            return parse_font_weight(v).has_value();
        case AttrType::LineHeight:
            return parse_line_height(v).has_value();
    }
    return true;
}

// "12mn" or "12 mm": a number with a misspelt or detached unit. Suggests the number with the
// nearest unit this attribute accepts, or "" when the value is not of that shape.
static std::string unit_suggestion(const AttrSpec& attr, std::string_view value) {
    size_t unit_start = value.find_first_not_of("0123456789.-+");
    if (unit_start == 0 || unit_start == value.npos) return "";
    std::string number(value.substr(0, unit_start));
    std::string unit;
    for (char c : value.substr(unit_start)) {
        if (c != ' ') unit += c;
    }
    std::vector<std::string> units{"mm", "cm", "pt", "in"};
    if (attr.type != AttrType::Length) units.push_back("%");
    if (attr.type == AttrType::Extent) units.push_back("fr");
    std::string near = closest_match(unit, units);
    if (near.empty() || !parse_number(number)) return "";
    return "did you mean '" + number + near + "'?";
}

// For closed sets of words a near miss is most likely a typo: name the word meant.
static std::string hint_for(const AttrSpec& attr, std::string_view value) {
    if (attr.type == AttrType::Enum) return suggestion_hint(value, attr.choices);
    bool length = attr.type == AttrType::Length || attr.type == AttrType::LengthOrPercent ||
                  attr.type == AttrType::Extent;
    if (length) {
        std::string suggestion = unit_suggestion(attr, value);
        if (!suggestion.empty()) return suggestion + " (expected " + expected_form(attr) + ")";
    }
    if (attr.type == AttrType::FontWeight) {
        std::string near = closest_match(value, {"thin", "extralight", "light", "normal", "medium",
                                                 "semibold", "bold", "extrabold", "black"});
        if (!near.empty()) return "did you mean '" + near + "'?";
    }
    return "expected " + expected_form(attr);
}

std::optional<ValueProblem> check_value(const AttrSpec& attr, std::string_view value) {
    if (is_valid(attr, value)) return check_length_range(attr, value);
    return ValueProblem{
        "invalid value '" + std::string(value) + "' for attribute '" + attr.name + "'",
        hint_for(attr, value)};
}

// The start of `text`, at most `limit` bytes, never cutting a UTF-8 sequence in half.
static std::string excerpt(std::string_view text, size_t limit) {
    if (text.size() <= limit) return std::string(text);
    while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
    return std::string(text.substr(0, limit)) + "...";
}

std::optional<ValueProblem> check_expressions(std::string_view text) {
    size_t open = text.find("{{");
    while (open != text.npos) {
        size_t close = text.find("}}", open + 2);
        size_t next_open = text.find("{{", open + 2);
        if (close == text.npos || next_open < close) {
            return ValueProblem{"unterminated expression '" + excerpt(text.substr(open), 40) + "'",
                                "close it with }}"};
        }
        if (text.substr(open + 2, close - open - 2).find_first_not_of(" \t\n\r") == text.npos) {
            return ValueProblem{"empty expression '{{}}'", "write a data path such as {{title}}"};
        }
        open = text.find("{{", close + 2);
    }
    return std::nullopt;
}

}  // namespace dw::layout

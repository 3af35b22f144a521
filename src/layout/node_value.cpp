#include "layout/node_value.h"

#include <unordered_map>

#include "layout/value_parse.h"

namespace dw::layout {

StaticValue convert_static_value(const AttrSpec& attr, std::string_view text) {
    switch (attr.type) {
        case AttrType::Length:
        case AttrType::LengthOrPercent:
        case AttrType::Extent:
            if (auto length = parse_length(text)) return *length;
            break;
        case AttrType::Lengths:
            if (auto lengths = parse_box_lengths(text)) return *lengths;
            break;
        case AttrType::Int:
        case AttrType::Number:
            if (auto number = parse_number(text))
                return StaticValue(std::in_place_type<double>, *number);
            break;
        case AttrType::Bool:
            if (auto flag = parse_bool(text)) return StaticValue(std::in_place_type<bool>, *flag);
            break;
        case AttrType::Color:
        case AttrType::HexColor:
            if (auto color = parse_hex_color(text)) return *color;
            break;
        default:
            break;
    }
    return {};
}

const StaticValue& converted_default(const AttrSpec& attr) {
    static const auto table = [] {
        std::unordered_map<const AttrSpec*, StaticValue> defaults;
        for (const auto& element : schema())
            for (const auto& a : element.attributes)
                defaults.emplace(&a, convert_static_value(a, a.default_value));
        return defaults;
    }();
    static const StaticValue none;
    auto it = table.find(&attr);
    return it == table.end() ? none : it->second;
}

}  // namespace dw::layout

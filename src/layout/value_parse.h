#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "layout/length.h"

// Parsers for the attribute value types of the layout schema (see schema.h). Each returns nullopt
// for text that is not of its type; callers report that with the attribute's location. The bind
// stage uses them too, for values that were {{expressions}} until the data was known.
namespace dw::layout {

std::optional<bool> parse_bool(std::string_view text);  // "true" | "false"
std::optional<int> parse_int(std::string_view text);
std::optional<double> parse_number(std::string_view text);

// 100..900, or a name: thin 100, extralight 200, light 300, normal/regular 400, medium 500,
// semibold 600, bold 700, extrabold 800, black/heavy 900.
std::optional<int> parse_font_weight(std::string_view text);

// 1 to 4 space-separated lengths expanded in CSS margin order to {top, right, bottom, left}.
std::optional<std::array<Length, 4>> parse_box_lengths(std::string_view text);

struct PageSize {
    Length width, height;
};
// A3, A4, A5, A6, A7, B5, Letter, Legal (any case), or "W H" with absolute lengths.
std::optional<PageSize> parse_page_size(std::string_view text);

// "1.4" is a multiplier of the font size (double); "14pt" a fixed distance (Length); "140%" is
// the multiplier 1.4.
std::optional<std::variant<double, Length>> parse_line_height(std::string_view text);

// Names of styles, colours, page masters, components and loop variables.
bool is_name(std::string_view text);
// A data path: names separated by dots (project.phases).
bool is_data_path(std::string_view text);

// A for-loop filter: field=value or field!=value.
struct Filter {
    std::string field;  // a data path relative to the item
    bool negated = false;
    std::string value;
};
std::optional<Filter> parse_filter(std::string_view text);

}  // namespace dw::layout

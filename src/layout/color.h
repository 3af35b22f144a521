#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dw {

// sRGB colour with alpha, components 0..1.
struct Color {
    double r = 0, g = 0, b = 0, a = 1;
    bool operator==(const Color&) const = default;
};

// "#rgb", "#rrggbb" or "#rrggbbaa" (hex digits in either case); nullopt for anything else.
std::optional<Color> parse_hex_color(std::string_view text);

// A hex colour or the name of a palette entry; nullopt when it is neither (the caller reports it
// with its location and a "did you mean" over the palette names).
std::optional<Color> parse_color(std::string_view text,
                                 const std::map<std::string, Color>& palette);

}  // namespace dw

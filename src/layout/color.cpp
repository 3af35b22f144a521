#include "layout/color.h"

namespace dw {

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reads `count` channels of `width` hex digits each (width 1 repeats the digit: #abc = #aabbcc).
static std::optional<Color> read_channels(std::string_view digits, int count, int width) {
    double channel[4] = {0, 0, 0, 1};
    for (int i = 0; i < count; ++i) {
        int value = 0;
        for (int j = 0; j < width; ++j) {
            int d = hex_digit(digits[i * width + j]);
            if (d < 0) return std::nullopt;
            value = value * 16 + d;
        }
        if (width == 1) value *= 17;
        channel[i] = value / 255.0;
    }
    return Color{channel[0], channel[1], channel[2], channel[3]};
}

static std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<Color> parse_hex_color(std::string_view text) {
    text = trimmed(text);
    if (text.empty() || text.front() != '#') return std::nullopt;
    std::string_view digits = text.substr(1);
    switch (digits.size()) {
        case 3:
            return read_channels(digits, 3, 1);
        case 6:
            return read_channels(digits, 3, 2);
        case 8:
            return read_channels(digits, 4, 2);
        default:
            return std::nullopt;
    }
}

std::optional<Color> parse_color(std::string_view text,
                                 const std::map<std::string, Color>& palette) {
    text = trimmed(text);
    if (!text.empty() && text.front() == '#') return parse_hex_color(text);
    auto it = palette.find(std::string(text));
    if (it == palette.end()) return std::nullopt;
    return it->second;
}

}  // namespace dw

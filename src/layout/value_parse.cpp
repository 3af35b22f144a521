#include "layout/value_parse.h"

#include <charconv>
#include <cmath>
#include <vector>

namespace dw::layout {

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static std::string_view trimmed(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

static std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        size_t start = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

static std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::optional<bool> parse_bool(std::string_view text) {
    text = trimmed(text);
    if (text == "true") return true;
    if (text == "false") return false;
    return std::nullopt;
}

std::optional<int> parse_int(std::string_view text) {
    text = trimmed(text);
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parse_number(std::string_view text) {
    text = trimmed(text);
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<int> parse_font_weight(std::string_view text) {
    static const std::pair<const char*, int> names[] = {
        {"thin", 100},     {"extralight", 200}, {"ultralight", 200}, {"light", 300},
        {"normal", 400},   {"regular", 400},    {"medium", 500},     {"semibold", 600},
        {"demibold", 600}, {"bold", 700},       {"extrabold", 800},  {"ultrabold", 800},
        {"black", 900},    {"heavy", 900},
    };
    std::string word = lowercase(trimmed(text));
    for (const auto& [name, weight] : names) {
        if (word == name) return weight;
    }
    auto number = parse_int(word);
    if (number && *number >= 100 && *number <= 900) return number;
    return std::nullopt;
}

static std::optional<Length> absolute_length(std::string_view text) {
    auto length = parse_length(text);
    if (!length || length->is_relative()) return std::nullopt;
    return length;
}

std::optional<std::array<Length, 4>> parse_box_lengths(std::string_view text) {
    std::vector<Length> v;
    for (auto word : words(text)) {
        auto length = absolute_length(word);
        if (!length) return std::nullopt;
        v.push_back(*length);
    }
    switch (v.size()) {  // CSS order: top right bottom left; missing sides mirror their opposite
        case 1:
            return std::array<Length, 4>{v[0], v[0], v[0], v[0]};
        case 2:
            return std::array<Length, 4>{v[0], v[1], v[0], v[1]};
        case 3:
            return std::array<Length, 4>{v[0], v[1], v[2], v[1]};
        case 4:
            return std::array<Length, 4>{v[0], v[1], v[2], v[3]};
        default:
            return std::nullopt;
    }
}

std::optional<PageSize> parse_page_size(std::string_view text) {
    static const std::pair<const char*, PageSize> named[] = {
        {"a3", {Length::mm(297), Length::mm(420)}},
        {"a4", {Length::mm(210), Length::mm(297)}},
        {"a5", {Length::mm(148), Length::mm(210)}},
        {"a6", {Length::mm(105), Length::mm(148)}},
        {"a7", {Length::mm(74), Length::mm(105)}},
        {"b5", {Length::mm(176), Length::mm(250)}},
        {"letter", {Length::pt(612), Length::pt(792)}},
        {"legal", {Length::pt(612), Length::pt(1008)}},
    };
    std::string word = lowercase(trimmed(text));
    for (const auto& [name, size] : named) {
        if (word == name) return size;
    }
    auto parts = words(text);
    if (parts.size() != 2) return std::nullopt;
    auto width = absolute_length(parts[0]);
    auto height = absolute_length(parts[1]);
    if (!width || !height || width->value <= 0 || height->value <= 0) return std::nullopt;
    return PageSize{*width, *height};
}

std::optional<std::variant<double, Length>> parse_line_height(std::string_view text) {
    if (auto multiplier = parse_number(text)) {
        if (*multiplier <= 0) return std::nullopt;
        return *multiplier;
    }
    auto length = parse_length(text);
    if (!length || length->value <= 0) return std::nullopt;
    if (length->unit == Length::Unit::Percent) return length->value / 100.0;
    if (length->unit == Length::Unit::Fraction) return std::nullopt;
    return *length;
}

// Letters (including any non-ASCII letter, as UTF-8 bytes), digits, '-' and '_'; not starting
// with a digit or '-' so a name never reads as a number or an option.
bool is_name(std::string_view text) {
    if (text.empty()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
        bool later = (c >= '0' && c <= '9') || c == '-';
        if (!letter && !(i > 0 && later)) return false;
    }
    return true;
}

bool is_data_path(std::string_view text) {
    size_t start = 0;
    while (true) {
        size_t dot = text.find('.', start);
        std::string_view part =
            text.substr(start, dot == std::string_view::npos ? dot : dot - start);
        bool digits_only = !part.empty() && part.find_first_not_of("0123456789") == part.npos;
        if (!is_name(part) && !digits_only) return false;  // digits: a list index (phases.0)
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

std::optional<Filter> parse_filter(std::string_view text) {
    size_t eq = text.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    Filter filter;
    filter.negated = eq > 0 && text[eq - 1] == '!';
    std::string_view field = trimmed(text.substr(0, filter.negated ? eq - 1 : eq));
    if (!is_data_path(field)) return std::nullopt;
    filter.field = std::string(field);
    filter.value = std::string(trimmed(text.substr(eq + 1)));
    return filter;
}

}  // namespace dw::layout

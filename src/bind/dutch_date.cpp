#include "bind/dutch_date.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace dw::bind {

static std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    if (s.empty()) return std::nullopt;
    auto [end, err] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (err != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static bool is_valid(const CalendarDate& d) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    int max = days[d.month - 1] + (d.month == 2 && is_leap(d.year) ? 1 : 0);
    return d.day <= max;
}

std::optional<CalendarDate> parse_date(std::string_view text) {
    std::array<std::string_view, 3> parts;
    size_t start = 0;
    for (int i = 0; i < 3; ++i) {
        size_t dash = text.find('-', start);
        if ((i < 2) != (dash != std::string_view::npos)) return std::nullopt;
        parts[i] = text.substr(start, i < 2 ? dash - start : std::string_view::npos);
        start = dash + 1;
    }
    auto a = parse_int(parts[0]), b = parse_int(parts[1]), c = parse_int(parts[2]);
    if (!a || !b || !c) return std::nullopt;
    CalendarDate d = parts[0].size() == 4 ? CalendarDate{*a, *b, *c} : CalendarDate{*c, *b, *a};
    if (!is_valid(d)) return std::nullopt;
    return d;
}

std::string dutch_long_date(const CalendarDate& d) {
    static constexpr std::array<const char*, 12> months{
        "januari", "februari", "maart",     "april",   "mei",      "juni",
        "juli",    "augustus", "september", "oktober", "november", "december"};
    return std::to_string(d.day) + " " + months[d.month - 1] + " " + std::to_string(d.year);
}

std::string dutch_short_date(const CalendarDate& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", d.day, d.month, d.year);
    return buf;
}

std::string iso_date(const CalendarDate& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

}  // namespace dw::bind

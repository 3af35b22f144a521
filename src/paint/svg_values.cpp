#include "paint/svg_values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>

namespace dw::paint::svg {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool consume(std::string_view& text, std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) return false;
    text.remove_prefix(prefix.size());
    return true;
}

std::optional<int> hex_digit(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return std::nullopt;
}

std::optional<Rgba> hex_color(std::string_view digits) {
    if (digits.size() != 3 && digits.size() != 6) return std::nullopt;
    int v[6];
    for (size_t i = 0; i < digits.size(); ++i) {
        auto d = hex_digit(digits[i]);
        if (!d) return std::nullopt;
        v[i] = *d;
    }
    auto channel = [&](int i) {
        return digits.size() == 3 ? (v[i] * 17) / 255.0 : (v[2 * i] * 16 + v[2 * i + 1]) / 255.0;
    };
    return Rgba{channel(0), channel(1), channel(2), 1};
}

// rgb(r, g, b): three integers 0..255 or three percentages.
std::optional<Rgba> functional_color(std::string_view inside) {
    double channels[3];
    std::string_view rest = inside;
    for (int i = 0; i < 3; ++i) {
        rest = trim(rest);
        const size_t end = std::min(rest.find(','), rest.size());
        std::string_view item = trim(rest.substr(0, end));
        const bool percent = !item.empty() && item.back() == '%';
        if (percent) item.remove_suffix(1);
        auto value = number(item);
        if (!value) return std::nullopt;
        channels[i] = std::clamp(percent ? *value / 100 : *value / 255, 0.0, 1.0);
        if ((i < 2) != (end < rest.size())) return std::nullopt;  // exactly two commas
        rest = end < rest.size() ? rest.substr(end + 1) : std::string_view();
    }
    return Rgba{channels[0], channels[1], channels[2], 1};
}

// The basic CSS colour names (CSS Color 3, section 4.1) and the few more common in icons. A name
// outside this list is left to librsvg.
std::optional<Rgba> named_color(std::string_view name) {
    static constexpr std::pair<std::string_view, unsigned> kNames[] = {
        {"black", 0x000000},   {"silver", 0xc0c0c0},  {"gray", 0x808080},  {"grey", 0x808080},
        {"white", 0xffffff},   {"maroon", 0x800000},  {"red", 0xff0000},   {"purple", 0x800080},
        {"fuchsia", 0xff00ff}, {"magenta", 0xff00ff}, {"green", 0x008000}, {"lime", 0x00ff00},
        {"olive", 0x808000},   {"yellow", 0xffff00},  {"navy", 0x000080},  {"blue", 0x0000ff},
        {"teal", 0x008080},    {"aqua", 0x00ffff},    {"cyan", 0x00ffff},  {"orange", 0xffa500},
    };
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    for (const auto& [known, rgb] : kNames)
        if (lower == known)
            return Rgba{(rgb >> 16) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1};
    return std::nullopt;
}

double radians(double degrees) { return degrees * M_PI / 180; }

// The matrix of one transform function, or nothing for an unknown name or argument count.
std::optional<Matrix> transform_function(std::string_view name, const std::vector<double>& a) {
    const size_t n = a.size();
    Matrix m;
    if (name == "matrix" && n == 6) return Matrix{a[0], a[1], a[2], a[3], a[4], a[5]};
    if (name == "translate" && (n == 1 || n == 2)) {
        m.x0 = a[0];
        m.y0 = n == 2 ? a[1] : 0;
        return m;
    }
    if (name == "scale" && (n == 1 || n == 2)) {
        m.xx = a[0];
        m.yy = n == 2 ? a[1] : a[0];
        return m;
    }
    if (name == "rotate" && (n == 1 || n == 3)) {
        const double c = std::cos(radians(a[0])), s = std::sin(radians(a[0]));
        const Matrix rotation{c, s, -s, c, 0, 0};
        if (n == 1) return rotation;
        const Matrix to_centre{1, 0, 0, 1, a[1], a[2]}, back{1, 0, 0, 1, -a[1], -a[2]};
        return multiply(to_centre, multiply(rotation, back));
    }
    if (name == "skewX" && n == 1) {
        m.xy = std::tan(radians(a[0]));
        return m;
    }
    if (name == "skewY" && n == 1) {
        m.yx = std::tan(radians(a[0]));
        return m;
    }
    return std::nullopt;
}

std::optional<AspectRatio::Align> align(std::string_view text) {
    if (text == "Min") return AspectRatio::Align::Min;
    if (text == "Mid") return AspectRatio::Align::Mid;
    if (text == "Max") return AspectRatio::Align::Max;
    return std::nullopt;
}

}  // namespace

Matrix multiply(const Matrix& o, const Matrix& i) {
    return Matrix{o.xx * i.xx + o.xy * i.yx,        o.yx * i.xx + o.yy * i.yx,
                  o.xx * i.xy + o.xy * i.yy,        o.yx * i.xy + o.yy * i.yy,
                  o.xx * i.x0 + o.xy * i.y0 + o.x0, o.yx * i.x0 + o.yy * i.y0 + o.y0};
}

void NumberScanner::skip_space() {
    while (at_ < text_.size() && is_space(text_[at_])) ++at_;
}

void NumberScanner::skip_separator() {
    skip_space();
    if (peek() == ',') {
        ++at_;
        skip_space();
    }
}

bool NumberScanner::at_end() {
    skip_space();
    return at_ >= text_.size();
}

bool NumberScanner::starts_number() const {
    const char c = peek();
    return is_digit(c) || c == '.' || c == '-' || c == '+';
}

// The longest prefix that is an SVG number: sign, digits, at most one '.', an exponent only when
// digits follow it (so "1e" ends before the 'e', which is then not a number).
std::optional<double> NumberScanner::number() {
    skip_space();
    size_t end = at_;
    if (end < text_.size() && (text_[end] == '-' || text_[end] == '+')) ++end;
    size_t digits = 0;
    while (end < text_.size() && is_digit(text_[end])) ++end, ++digits;
    if (end < text_.size() && text_[end] == '.') {
        ++end;
        while (end < text_.size() && is_digit(text_[end])) ++end, ++digits;
    }
    if (digits == 0) return std::nullopt;
    if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
        size_t e = end + 1;
        if (e < text_.size() && (text_[e] == '-' || text_[e] == '+')) ++e;
        if (e < text_.size() && is_digit(text_[e])) {
            while (e < text_.size() && is_digit(text_[e])) ++e;
            end = e;
        }
    }
    // from_chars reads no leading '+'
    const size_t from = text_[at_] == '+' ? at_ + 1 : at_;
    double value = 0;
    auto [stop, error] = std::from_chars(text_.data() + from, text_.data() + end, value);
    if (error != std::errc() || stop != text_.data() + end || !std::isfinite(value))
        return std::nullopt;
    at_ = end;
    return value;
}

std::optional<bool> NumberScanner::flag() {
    skip_space();
    const char c = peek();
    if (c != '0' && c != '1') return std::nullopt;
    ++at_;
    return c == '1';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::optional<std::vector<double>> number_list(std::string_view text) {
    NumberScanner scan(text);
    std::vector<double> values;
    while (!scan.at_end()) {
        if (!values.empty()) scan.skip_separator();
        auto value = scan.number();
        if (!value) return std::nullopt;
        values.push_back(*value);
    }
    return values;
}

std::optional<double> number(std::string_view text) {
    NumberScanner scan(text);
    auto value = scan.number();
    if (!value || !scan.at_end()) return std::nullopt;
    return value;
}

std::optional<double> length(std::string_view text) {
    static constexpr std::pair<std::string_view, double> kUnits[] = {
        {"px", 1}, {"pt", 96.0 / 72}, {"pc", 16}, {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96},
    };
    text = trim(text);
    for (const auto& [unit, px] : kUnits)
        if (text.size() > unit.size() && text.substr(text.size() - unit.size()) == unit) {
            auto value = number(text.substr(0, text.size() - unit.size()));
            if (value) return *value * px;
            return std::nullopt;
        }
    return number(text);
}

std::optional<double> unit_fraction(std::string_view text) {
    text = trim(text);
    const bool percent = !text.empty() && text.back() == '%';
    if (percent) text.remove_suffix(1);
    auto value = number(text);
    if (!value) return std::nullopt;
    return std::clamp(percent ? *value / 100 : *value, 0.0, 1.0);
}

std::optional<Rgba> color(std::string_view text) {
    text = trim(text);
    if (consume(text, "#")) return hex_color(text);
    if (consume(text, "rgb(")) {
        if (text.empty() || text.back() != ')') return std::nullopt;
        return functional_color(text.substr(0, text.size() - 1));
    }
    return named_color(text);
}

// Functions applied left to right compose as outer to inner: "translate(..) scale(..)" scales
// first.
std::optional<Matrix> transform_list(std::string_view text) {
    Matrix result;
    text = trim(text);
    while (!text.empty()) {
        const size_t open = text.find('('), close = text.find(')');
        if (open == std::string_view::npos || close == std::string_view::npos || close < open)
            return std::nullopt;
        auto arguments = number_list(text.substr(open + 1, close - open - 1));
        if (!arguments) return std::nullopt;
        auto function = transform_function(trim(text.substr(0, open)), *arguments);
        if (!function) return std::nullopt;
        result = multiply(result, *function);
        text = trim(text.substr(close + 1));
        if (!text.empty() && text.front() == ',') text = trim(text.substr(1));
    }
    return result;
}

// "none" or "x(Min|Mid|Max)Y(Min|Mid|Max)", then optionally "meet" or "slice".
std::optional<AspectRatio> aspect_ratio(std::string_view text) {
    text = trim(text);
    AspectRatio ratio;
    const size_t space = std::min(text.find_first_of(" \t\n\r"), text.size());
    std::string_view alignment = text.substr(0, space), mode = trim(text.substr(space));
    if (alignment == "none") {
        ratio.none = true;
    } else {
        if (alignment.size() != 8 || alignment[0] != 'x' || alignment[4] != 'Y')
            return std::nullopt;
        auto x = align(alignment.substr(1, 3)), y = align(alignment.substr(5, 3));
        if (!x || !y) return std::nullopt;
        ratio.x = *x;
        ratio.y = *y;
    }
    if (mode == "slice")
        ratio.slice = true;
    else if (!mode.empty() && mode != "meet")
        return std::nullopt;
    return ratio;
}

}  // namespace dw::paint::svg

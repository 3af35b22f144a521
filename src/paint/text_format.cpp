#include "paint/text_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace dw::paint {

std::string fixed(double value, int decimals) {
    char buf[64];
    auto [end, ec] =
        std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    if (ec != std::errc()) return std::isnan(value) ? "nan" : "huge";
    std::string s(buf, end);
    if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
    return s;
}

static int to_byte(double component) {
    if (!(component >= 0)) return 0;  // also NaN
    return static_cast<int>(std::lround(std::min(component, 1.0) * 255));
}

std::string hex_color(const Color& c) {
    static const char digits[] = "0123456789abcdef";
    std::string s = "#";
    auto put = [&s](int v) {
        s += digits[v >> 4];
        s += digits[v & 15];
    };
    put(to_byte(c.r));
    put(to_byte(c.g));
    put(to_byte(c.b));
    if (to_byte(c.a) != 255) put(to_byte(c.a));
    return s;
}

std::string quoted_text(std::string_view s) {
    static const char digits[] = "0123456789abcdef";
    std::string out = "\"";
    for (unsigned char ch : s) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += static_cast<char>(ch);
        } else if (ch == '\n') {
            out += "\\n";
        } else if (ch < 0x20 || ch == 0x7f) {
            out += "\\x";
            out += digits[ch >> 4];
            out += digits[ch & 15];
        } else {
            out += static_cast<char>(ch);
        }
    }
    return out + '"';
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. Cairo puts a context
// into a permanent error state on bad UTF-8, so everything is checked before it reaches Cairo.
bool is_valid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        auto b0 = static_cast<unsigned char>(s[i]);
        int extra = 0;
        uint32_t cp = 0, min = 0;
        if (b0 < 0x80) {
            ++i;
            continue;
        } else if ((b0 & 0xe0) == 0xc0) {
            extra = 1, cp = b0 & 0x1f, min = 0x80;
        } else if ((b0 & 0xf0) == 0xe0) {
            extra = 2, cp = b0 & 0x0f, min = 0x800;
        } else if ((b0 & 0xf8) == 0xf0) {
            extra = 3, cp = b0 & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (s.size() - i <= static_cast<size_t>(extra)) return false;  // truncated sequence
        for (int k = 1; k <= extra; ++k) {
            auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xc0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        i += extra + 1;
    }
    return true;
}

}  // namespace dw::paint

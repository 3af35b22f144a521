#include "paint/win_ansi.h"

#include "paint/utf8_codec.h"

namespace dw::paint {

std::optional<unsigned char> win_ansi_byte(char32_t cp) {
    if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF))
        return static_cast<unsigned char>(cp);
    // 0x80..0x9F: the code page's typographic characters.
    static const char16_t high[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    for (int i = 0; i < 32; ++i) {
        if (high[i] != 0 && high[i] == cp) return static_cast<unsigned char>(0x80 + i);
    }
    return std::nullopt;
}

std::string to_win_ansi(std::string_view text) {
    std::string out;
    for (char32_t cp : decode_utf8(text)) {
        const std::optional<unsigned char> b = win_ansi_byte(cp);
        out += b ? static_cast<char>(*b) : '?';
    }
    return out;
}

}  // namespace dw::paint

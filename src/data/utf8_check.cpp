#include "data/utf8_check.h"

#include <cstdint>
#include <cstdio>

namespace dw::data {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 when it is malformed.
// Follows the table in Unicode 15, section 3.9 (D92): the second byte's range depends on the
// lead byte, which is what rules out overlong forms, surrogates and values past U+10FFFF.
size_t sequence_length(std::string_view text, size_t i) {
    auto byte = [&](size_t k) -> unsigned char {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
        return 0;  // a stray continuation byte, or a lead byte no valid sequence uses
    }
    if (byte(1) < low || byte(1) > high) return 0;
    for (size_t k = 2; k < length; ++k)
        if (!is_continuation(byte(k))) return 0;
    return length;
}

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

}  // namespace

std::string_view strip_bom(std::string_view text) {
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    return text;
}

bool check_utf8(std::string_view text, const SourceLoc& origin, Diagnostics& diags) {
    int line = origin.line > 0 ? origin.line : 1;
    const int first_col = origin.col > 0 ? origin.col : 1;
    int col = first_col;
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        size_t length = sequence_length(text, i);
        if (length == 0 || c == 0) {
            SourceLoc at{origin.file, line, col};
            if (c == 0)
                diags.error(at, "unexpected NUL byte 0x00",
                            "is this a text file? save it as UTF-8 text");
            else
                diags.error(at, "invalid UTF-8 byte " + hex_byte(c), "save the file as UTF-8");
            return false;
        }
        if (c == '\n') {
            ++line;
            col = first_col;
        } else {
            ++col;  // one character, however many bytes
        }
        i += length;
    }
    return true;
}

}  // namespace dw::data

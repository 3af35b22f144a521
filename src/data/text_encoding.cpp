#include "data/text_encoding.h"

#include <glib.h>

#include <cstdio>
#include <string_view>

#include "data/utf8_check.h"

namespace dw::data {

namespace {

// Windows-1252's 0x80-0x9F (the rest of its upper half is Latin-1); 0: unassigned.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t c) {
    char utf8[8];
    out.append(utf8, size_t(g_unichar_to_utf8(gunichar(c), utf8)));
}

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

// Where the next character of `decoded` starts: its line and column (characters, as editors
// count them; the same count check_utf8 uses).
SourceLoc end_of(const std::string& decoded, const std::string& file) {
    SourceLoc at{file, 1, 1};
    for (unsigned char c : decoded) {
        if (c == '\n') {
            ++at.line;
            at.col = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++at.col;
        }
    }
    return at;
}

// Windows-1252 to UTF-8; false (with `bad` the offending byte's index) on an unassigned byte.
bool from_cp1252(std::string_view bytes, std::string& out, size_t& bad) {
    out.clear();
    out.reserve(bytes.size() + bytes.size() / 8);
    for (size_t i = 0; i < bytes.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        char32_t code = c;
        if (c >= 0x80 && c < 0xA0) code = kCp1252High[c - 0x80];
        if (code == 0 && c != 0) return bad = i, false;
        append_utf8(out, code);
    }
    return true;
}

// UTF-16 to UTF-8; false (with `bad` the index of the offending unit's first byte) on an
// unpaired surrogate or an odd number of bytes.
bool from_utf16(std::string_view bytes, bool big_endian, std::string& out, size_t& bad) {
    out.clear();
    out.reserve(bytes.size() / 2 * 3 / 2);
    auto unit = [&](size_t i) -> char16_t {
        const auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
        return big_endian ? char16_t(b0 << 8 | b1) : char16_t(b1 << 8 | b0);
    };
    size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        const char16_t u = unit(i);
        if (u >= 0xD800 && u < 0xDC00) {
            const char16_t low = i + 3 < bytes.size() ? unit(i + 2) : 0;
            if (low < 0xDC00 || low >= 0xE000) return bad = i, false;
            append_utf8(out, 0x10000 + (char32_t(u - 0xD800) << 10) + (low - 0xDC00));
            i += 2;
        } else if (u >= 0xDC00 && u < 0xE000) {
            return bad = i, false;
        } else {
            append_utf8(out, u);
        }
    }
    if (i != bytes.size()) return bad = i, false;
    return true;
}

bool is_valid_utf8(std::string_view text) {
    Diagnostics quiet;
    return check_utf8(text, {}, quiet);
}

// Whether the text holds a sequence shaped as UTF-8 of two or more bytes (a lead byte and its
// continuation bytes, even an overlong form or a surrogate): a file that does is UTF-8 with
// stray bytes, not Windows-1252, whose accented letters are followed by plain letters.
bool has_utf8_shape(std::string_view text) {
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0xC0 || lead > 0xF7) continue;
        const size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        bool shaped = i + length <= text.size();
        for (size_t k = 1; shaped && k < length; ++k)
            shaped = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (shaped) return true;
    }
    return false;
}

std::optional<std::string> decode_utf16(std::string_view bytes, bool big_endian,
                                        const std::string& file, Diagnostics& diags) {
    std::string out;
    size_t bad = 0;
    if (from_utf16(bytes, big_endian, out, bad)) return out;
    std::string prefix;
    from_utf16(bytes.substr(0, bad), big_endian, prefix, bad);
    diags.error(end_of(prefix, file), "invalid UTF-16 at byte " + std::to_string(bad) +
                                          ": an unpaired surrogate or a cut-off character",
                "save the file again as UTF-16 or UTF-8");
    return std::nullopt;
}

std::optional<std::string> decode_cp1252(std::string_view bytes, const std::string& file,
                                         Diagnostics& diags) {
    std::string out;
    size_t bad = 0;
    if (from_cp1252(bytes, out, bad)) return out;
    std::string prefix;
    from_cp1252(bytes.substr(0, bad), prefix, bad);
    diags.error(end_of(prefix, file),
                "byte " + hex_byte(static_cast<unsigned char>(bytes[bad])) + " is not a Windows-1252 character",
                "is the file in another encoding? try --encoding utf-8 or utf-16");
    return std::nullopt;
}

}  // namespace

std::optional<TextEncoding> parse_text_encoding(const std::string& name) {
    std::string key;
    for (char c : name) key += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (key == "utf-8" || key == "utf8") return TextEncoding::Utf8;
    if (key == "windows-1252" || key == "cp1252") return TextEncoding::Windows1252;
    if (key == "utf-16" || key == "utf16") return TextEncoding::Utf16;
    return std::nullopt;
}

std::optional<std::string> decode_text(std::string bytes, const std::string& file,
                                       TextEncoding encoding, Diagnostics& diags) {
    const std::string_view view(bytes);
    const bool le_bom = view.starts_with("\xFF\xFE"), be_bom = view.starts_with("\xFE\xFF");
    switch (encoding) {
        case TextEncoding::Utf16:
            return decode_utf16(view.substr(le_bom || be_bom ? 2 : 0), be_bom, file, diags);
        case TextEncoding::Windows1252: return decode_cp1252(view, file, diags);
        case TextEncoding::Utf8:
            if (!check_utf8(strip_bom(view), {file, 1, 1}, diags)) return std::nullopt;
            return std::string(strip_bom(view));
        case TextEncoding::Automatic: break;
    }
    if (le_bom || be_bom) return decode_utf16(view.substr(2), be_bom, file, diags);
    if (view.starts_with("\xEF\xBB\xBF")) return std::string(view.substr(3));
    if (is_valid_utf8(view)) return bytes;
    std::string out;
    size_t bad = 0;
    if (view.find('\0') != std::string_view::npos || has_utf8_shape(view) ||
        !from_cp1252(view, out, bad))
        return bytes;  // neither, or broken UTF-8: check_utf8 reports the first bad byte
    diags.add({Severity::Note, {file, 0, 0},
               "not UTF-8; read as Windows-1252, as Excel saves it (--encoding chooses another)", {}});
    return out;
}

}  // namespace dw::data

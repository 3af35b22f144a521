#pragma once
#include <optional>
#include <string>
#include <string_view>

// WinAnsiEncoding (PDF 1.4 appendix D; Windows code page 1252), the single-byte encoding that
// every PDF reader knows. The libharu painter shows text in it when a font's text fits: a
// simple TrueType font is far cheaper for libharu to build than its UTF-8 (CID) fonts.
namespace dw::paint {

// The WinAnsi byte for `cp`, or nullopt.
std::optional<unsigned char> win_ansi_byte(char32_t cp);

// UTF-8 `text` in WinAnsi; characters it lacks become '?'.
std::string to_win_ansi(std::string_view text);

}  // namespace dw::paint

#pragma once
#include <string>
#include <string_view>
#include <vector>

// UTF-8 to code points and back, for the PDF writers that need characters one by one.
namespace dw::paint {

// The code points of `s`; an invalid byte sequence gives one U+FFFD per bad byte.
std::vector<char32_t> decode_utf8(std::string_view s);
void append_utf8(std::string& out, char32_t cp);

}  // namespace dw::paint

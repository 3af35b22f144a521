#pragma once
// PDF object and content-stream syntax, just enough to read what Cairo 1.16 writes without a
// full parser: tokens, dictionaries, arrays and references as the text they are written as.
// Comments count as white space between tokens (Cairo writes "/Type /Page % 1").
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace dw::pdf_syntax {

// The end of the token that begins at `i`: a literal or hex string, a whole dictionary
// ("<< ... >>", strings inside), a comment, one bracket, or a run of regular characters.
size_t token_end(std::string_view s, size_t i);

// The end of the value that begins at `i`: a token, a reference ("12 0 R") or a whole array.
size_t value_end(std::string_view s, size_t i);

// The entries of the dictionary `text` begins with (white space first is skipped): keys with
// their slash, values as written. Empty when `text` does not begin with a dictionary.
std::vector<std::pair<std::string_view, std::string_view>> dictionary_entries(std::string_view text);

// The value of `key` ("/S") among `entries`; empty when absent.
std::string_view entry(const std::vector<std::pair<std::string_view, std::string_view>>& entries,
                       std::string_view key);

// The items of an array ("[ ... ]"); any other value is one item.
std::vector<std::string_view> array_items(std::string_view value);

// The object and generation numbers of a reference ("12 0 R"); nothing for another value.
std::optional<std::pair<int, int>> reference(std::string_view value);

}  // namespace dw::pdf_syntax

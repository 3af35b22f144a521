#include "output/pdf_syntax.h"

#include <cstring>

namespace dw::pdf_syntax {
namespace {

bool is_white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

// White space and comments (Cairo writes "/Type /Page % 1").
size_t skip_white(std::string_view s, size_t i) {
    for (;;) {
        while (i < s.size() && is_white(s[i])) ++i;
        if (i >= s.size() || s[i] != '%') return i;
        while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
    }
}

bool is_integer(std::string_view token) {
    if (token.empty()) return false;
    for (char c : token)
        if (c < '0' || c > '9') return false;
    return true;
}

std::optional<int> integer(std::string_view token) {
    if (!is_integer(token) || token.size() > 9) return std::nullopt;
    int value = 0;
    for (char c : token) value = value * 10 + (c - '0');
    return value;
}

}  // namespace

size_t token_end(std::string_view s, size_t i) {
    auto delimiter = [](char c) { return std::strchr(" \t\r\n\f()<>[]{}/%", c) != nullptr || c == '\0'; };
    const char c = s[i];
    if (c == '(') {  // a literal string: balanced parentheses, backslash escapes
        int depth = 0;
        for (; i < s.size(); ++i) {
            if (s[i] == '\\') ++i;
            else if (s[i] == '(') ++depth;
            else if (s[i] == ')' && --depth == 0) return i + 1;
        }
        return s.size();
    }
    if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {  // a dictionary, strings inside
        int depth = 0;
        while (i < s.size()) {
            if (s.compare(i, 2, "<<") == 0) { ++depth; i += 2; }
            else if (s.compare(i, 2, ">>") == 0) { i += 2; if (--depth == 0) return i; }
            else if (s[i] == '(' || s[i] == '<') i = token_end(s, i);
            else ++i;
        }
        return s.size();
    }
    if (c == '<') {  // a hex string
        const size_t close = s.find('>', i);
        return close == std::string_view::npos ? s.size() : close + 1;
    }
    if (c == '%') {  // a comment
        const size_t eol = s.find_first_of("\r\n", i);
        return eol == std::string_view::npos ? s.size() : eol;
    }
    if (std::strchr("[]{}", c)) return i + 1;
    size_t end = i + 1;
    while (end < s.size() && !delimiter(s[end])) ++end;
    return end;
}

size_t value_end(std::string_view s, size_t i) {
    if (i >= s.size()) return s.size();
    if (s[i] == '[') {
        for (size_t j = skip_white(s, i + 1); j < s.size(); j = skip_white(s, j)) {
            if (s[j] == ']') return j + 1;
            j = value_end(s, j);
        }
        return s.size();
    }
    const size_t end = token_end(s, i);
    if (!is_integer(s.substr(i, end - i))) return end;
    // "12 0 R": two more tokens, an integer and R
    const size_t generation = skip_white(s, end);
    if (generation >= s.size()) return end;
    const size_t generation_end = token_end(s, generation);
    if (!is_integer(s.substr(generation, generation_end - generation))) return end;
    const size_t r = skip_white(s, generation_end);
    if (r < s.size() && s[r] == 'R' && (r + 1 == s.size() || token_end(s, r) == r + 1)) return r + 1;
    return end;
}

std::vector<std::pair<std::string_view, std::string_view>> dictionary_entries(std::string_view text) {
    std::vector<std::pair<std::string_view, std::string_view>> entries;
    size_t i = skip_white(text, 0);
    if (text.compare(i, 2, "<<") != 0) return entries;
    for (i = skip_white(text, i + 2); i < text.size() && text.compare(i, 2, ">>") != 0;) {
        const size_t key_end = token_end(text, i);
        const std::string_view key = text.substr(i, key_end - i);
        if (key.front() != '/') return {};  // not a dictionary as PDF writes them
        const size_t value = skip_white(text, key_end);
        const size_t end = value_end(text, value);
        entries.emplace_back(key, text.substr(value, end - value));
        i = skip_white(text, end);
    }
    return entries;
}

std::string_view entry(const std::vector<std::pair<std::string_view, std::string_view>>& entries,
                       std::string_view key) {
    for (const auto& [k, v] : entries)
        if (k == key) return v;
    return {};
}

std::vector<std::string_view> array_items(std::string_view value) {
    if (value.empty()) return {};
    if (value.front() != '[') return {value};
    std::vector<std::string_view> items;
    for (size_t i = skip_white(value, 1); i < value.size() && value[i] != ']'; i = skip_white(value, i)) {
        const size_t end = value_end(value, i);
        items.push_back(value.substr(i, end - i));
        i = end;
    }
    return items;
}

std::optional<std::pair<int, int>> reference(std::string_view value) {
    const size_t object_end = value.find_first_of(" \t\r\n\f");
    if (object_end == std::string_view::npos || value.back() != 'R') return std::nullopt;
    const size_t generation = skip_white(value, object_end);
    const size_t generation_end = value.find_first_of(" \t\r\n\f", generation);
    if (generation_end == std::string_view::npos) return std::nullopt;
    const auto object = integer(value.substr(0, object_end));
    const auto gen = integer(value.substr(generation, generation_end - generation));
    if (!object || !gen || skip_white(value, generation_end) != value.size() - 1) return std::nullopt;
    return std::pair{*object, *gen};
}

}  // namespace dw::pdf_syntax

#include "data/yaml_hints.h"

#include <algorithm>
#include <vector>

namespace dw::data {

namespace {

struct Hint {
    std::string_view message_part;
    std::string_view hint;
};

// yaml-cpp's messages describe the parser's state; these say what to change in the file.
constexpr Hint kHints[] = {
    {"illegal map value",
     "a value that contains ': ' must be quoted, e.g. title: \"Agenda: punt 1\"; "
     "or check the indentation of this line"},
    {"illegal tab", "indent with spaces; YAML does not allow tabs for indentation"},
    {"end of map not found",
     "check the indentation: entries of one map must line up in the same column"},
    {"end of sequence not found",
     "check the indentation: items '- ' of one list must line up in the same column"},
    {"block sequence entries are not allowed",
     "check the indentation: a list under a key goes on the next lines, indented"},
    {"flow not found", "close the '[' or '{', or quote a value that starts with '[' or '{'"},
    {"unknown token", "quote a value that starts with '@' or '`', e.g. mail: \"@bart\""},
    {"unknown escape character",
     "inside double quotes '\\' starts an escape; use single quotes or write '\\\\'"},
    {"anchor is not defined",
     "quote a value that starts with '*' or '&', e.g. note: \"*belangrijk*\""},
    {"unexpected end of file", "a quote or bracket is not closed"},
};

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == '\n') {
            lines.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    return lines;
}

}  // namespace

std::string yaml_error_hint(std::string_view parser_message) {
    for (const auto& h : kHints)
        if (parser_message.find(h.message_part) != std::string_view::npos)
            return std::string(h.hint);
    return "check the indentation, and quote values that contain ': ' or start with a "
           "special character";
}

bool follows_document_marker(std::string_view text, int line) {
    auto lines = split_lines(text);
    for (int i = std::min(line, static_cast<int>(lines.size())) - 1; i >= 0; --i) {
        std::string_view l = trimmed(lines[i]);
        if (l.empty() || l.front() == '#') continue;
        return l.starts_with("---") || l.starts_with("...");
    }
    return false;
}

}  // namespace dw::data

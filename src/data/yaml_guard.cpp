#include "data/yaml_guard.h"

#include <vector>

namespace dw::data {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == text.npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

int indent_of(std::string_view line) {
    size_t i = line.find_first_not_of(' ');
    return i == line.npos ? int(line.size()) : int(i);
}

bool is_blank_or_comment(std::string_view line) {
    size_t i = line.find_first_not_of(" \t\r");
    return i == line.npos || line[i] == '#';
}

// Quotes, flow collections and comments on one line, carried over to the next.
struct Scanner {
    char quote = 0;  // '"' or '\'' while inside a quoted scalar
    int flow_depth = 0;

    // Scans one line; returns true when it ends with a block scalar indicator (| or >).
    bool scan(std::string_view line) {
        char previous = ' ';
        std::string_view last_token;
        size_t token_start = 0;
        for (size_t i = 0; i < line.size(); ++i) {
            char c = line[i];
            if (quote == '"') {
                if (c == '\\') ++i;
                else if (c == '"') quote = 0;
            } else if (quote == '\'') {
                if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') ++i;
                else if (c == '\'') quote = 0;
            } else {
                bool token_start_here = previous == ' ' || previous == '\t' || previous == '[' ||
                                        previous == '{' || previous == ',' || i == 0;
                if (c == '#' && (previous == ' ' || previous == '\t' || i == 0)) break;
                if ((c == '"' || c == '\'') && token_start_here) quote = c;
                if ((c == '[' || c == '{') && (token_start_here || flow_depth > 0)) ++flow_depth;
                if ((c == ']' || c == '}') && flow_depth > 0) --flow_depth;
                if (token_start_here && c != ' ') token_start = i;
                if (c != ' ' && c != '\t' && c != '\r') last_token = line.substr(token_start, i - token_start + 1);
            }
            previous = c;
        }
        if (quote || flow_depth > 0 || last_token.empty()) return false;
        return last_token[0] == '|' || last_token[0] == '>';
    }
};

}  // namespace

std::optional<TextPosition> find_root_level_comma(std::string_view yaml) {
    Scanner scanner;
    bool content_seen = false;     // in the current document
    int block_scalar_indent = -1;  // lines indented deeper belong to a block scalar
    std::vector<std::string_view> lines = lines_of(yaml);
    for (size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = lines[n];
        int indent = indent_of(line);
        if (block_scalar_indent >= 0) {
            if (is_blank_or_comment(line) || indent > block_scalar_indent) continue;
            block_scalar_indent = -1;
        }
        bool outside = scanner.quote == 0 && scanner.flow_depth == 0;
        if (outside && is_blank_or_comment(line)) continue;
        int offset = 0;  // of `line` in the source line
        if (outside && (line.substr(0, 3) == "---" || line.substr(0, 3) == "...")) {
            content_seen = false;
            line = line.substr(3);
            offset = 3;
            indent = indent_of(line);
            if (is_blank_or_comment(line)) continue;
        }
        if (outside && size_t(indent) < line.size() && line[size_t(indent)] == ',' &&
            (offset + indent == 0 || !content_seen))
            return TextPosition{int(n), offset + indent};
        content_seen = true;
        if (scanner.scan(line)) block_scalar_indent = indent;
    }
    return std::nullopt;
}

}  // namespace dw::data

#include "data/front_matter.h"

namespace dw::data {

namespace {

// The line starting at `pos` without its line ending or trailing blanks; `next` gets the offset
// of the following line.
std::string_view line_at(std::string_view text, size_t pos, size_t& next) {
    size_t end = text.find('\n', pos);
    next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line =
        text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    return line;
}

}  // namespace

std::optional<FrontMatterSplit> split_front_matter(std::string_view text, const std::string& file,
                                                   Diagnostics& diags) {
    FrontMatterSplit split;
    split.body = text;
    size_t next = 0;
    if (line_at(text, 0, next) != "---") return split;

    split.present = true;
    split.yaml_line = 2;
    size_t yaml_start = next;
    int line = 2;
    for (size_t pos = next; pos < text.size(); pos = next, ++line) {
        std::string_view l = line_at(text, pos, next);
        if (l == "---" || l == "...") {
            split.yaml = text.substr(yaml_start, pos - yaml_start);
            split.body = text.substr(next);
            split.body_line = line + 1;
            return split;
        }
    }
    diags.error({file, 1, 1}, "the front matter that starts here is not closed",
                "end the YAML fields with a line '---'; the Markdown text follows it");
    return std::nullopt;
}

}  // namespace dw::data

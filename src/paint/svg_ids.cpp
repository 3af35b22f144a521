#include "paint/svg_ids.h"

#include <map>
#include <utility>

namespace dw::paint {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// At `pos`, after `id="` or `#`: the length of "surface123" / "image45", or 0.
size_t counted_id_length(std::string_view svg, size_t pos, std::string_view& prefix) {
    for (std::string_view p : {std::string_view("surface"), std::string_view("image")}) {
        if (svg.substr(pos, p.size()) != p) continue;
        size_t end = pos + p.size();
        while (end < svg.size() && is_digit(svg[end])) ++end;
        if (end == pos + p.size()) return 0;
        prefix = p;
        return end - pos;
    }
    return 0;
}

}  // namespace

std::string renumber_svg_ids(std::string_view svg) {
    std::map<std::pair<std::string_view, std::string_view>, int> numbers;  // (prefix, old) -> new
    std::map<std::string_view, int> counts;
    std::string out;
    out.reserve(svg.size());
    size_t i = 0;
    while (i < svg.size()) {
        const bool after_id = svg.compare(i, 4, "id=\"") == 0;
        const size_t start = after_id ? i + 4 : svg[i] == '#' ? i + 1 : std::string_view::npos;
        std::string_view prefix;
        const size_t length =
            start == std::string_view::npos ? 0 : counted_id_length(svg, start, prefix);
        if (length == 0) {
            out += svg[i++];
            continue;
        }
        std::string_view old_number = svg.substr(start + prefix.size(), length - prefix.size());
        auto [it, added] = numbers.try_emplace({prefix, old_number}, 0);
        if (added) it->second = ++counts[prefix];
        out.append(svg.substr(i, start - i));
        out.append(prefix);
        out += std::to_string(it->second);
        i = start + length;
    }
    return out;
}

}  // namespace dw::paint

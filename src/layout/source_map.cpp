#include "layout/source_map.h"

#include <algorithm>

namespace dw::layout {

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

SourceMap::SourceMap(std::string_view xml) : xml_(xml) {
    // A UTF-8 byte order mark is no character an editor shows: columns on line 1 start after it.
    line_starts_.push_back(xml_.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    for (size_t i = 0; i < xml_.size(); ++i) {
        if (xml_[i] == '\n') line_starts_.push_back(i + 1);
    }
    std::vector<size_t> open;  // indices of tags whose end tag is still to come
    size_t i = 0;
    while ((i = xml_.find('<', i)) != xml_.npos) {
        std::string_view rest = xml_.substr(i);
        if (rest.starts_with("<!--")) {
            i = past(i, "-->");
        } else if (rest.starts_with("<![CDATA[")) {
            i = past(i, "]]>");
        } else if (rest.starts_with("<?")) {
            i = past(i, "?>");
        } else if (rest.starts_with("<!")) {
            i = past(i, ">");
        } else if (rest.starts_with("</")) {
            i = past(i, ">");
            if (!open.empty()) {
                tags_[open.back()].end = i;
                open.pop_back();
            }
        } else {
            i = scan_start_tag(i, open);
        }
    }
    for (size_t index : open) tags_[index].end = xml_.size();
}

size_t SourceMap::scan_start_tag(size_t at, std::vector<size_t>& open) {
    TagSpan tag;
    tag.start = at;
    size_t p = at + 1;
    while (p < xml_.size() && !is_space(xml_[p]) && xml_[p] != '/' && xml_[p] != '>') ++p;
    tag.name = xml_.substr(at + 1, p - at - 1);
    p = scan_attributes(p, tag);
    bool empty_element = p >= 2 && xml_[p - 2] == '/';
    tag.content_start = p;
    tag.end = empty_element ? p : xml_.size();
    if (!empty_element) open.push_back(tags_.size());
    tags_.push_back(std::move(tag));
    return p;
}

// Reads name="value" pairs up to the closing '>' (returns the offset just past it). Quoted values
// may contain '>' and '/', so they are skipped as a whole.
size_t SourceMap::scan_attributes(size_t p, TagSpan& tag) {
    while (p < xml_.size()) {
        p = skip_space(p);
        if (p >= xml_.size()) break;
        char c = xml_[p];
        if (c == '>') return p + 1;
        if (c == '/') return past(p, ">");
        size_t name_start = p;
        while (p < xml_.size() && !is_space(xml_[p]) && xml_[p] != '=' && xml_[p] != '>' &&
               xml_[p] != '/') {
            ++p;
        }
        if (p == name_start) {  // a stray character: step over it so the scan always advances
            ++p;
            continue;
        }
        tag.attributes.emplace_back(xml_.substr(name_start, p - name_start), name_start);
        p = skip_space(p);
        if (p < xml_.size() && xml_[p] == '=') p = skip_space(p + 1);
        if (p < xml_.size() && (xml_[p] == '"' || xml_[p] == '\'')) {
            size_t close = xml_.find(xml_[p], p + 1);
            p = close == xml_.npos ? xml_.size() : close + 1;
        }
    }
    return xml_.size();
}

std::pair<int, int> SourceMap::position(size_t offset) const {
    offset = std::min(offset, xml_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t line_index = it == line_starts_.begin() ? 0 : (it - line_starts_.begin()) - 1;
    size_t line_start = std::min(line_starts_[line_index], offset);
    int column = 1;
    for (size_t i = line_start; i < offset; ++i) {
        if ((static_cast<unsigned char>(xml_[i]) & 0xC0) != 0x80) ++column;  // not a continuation
    }
    return {static_cast<int>(line_index) + 1, column};
}

size_t SourceMap::skip_space(size_t offset) const {
    while (offset < xml_.size() && is_space(xml_[offset])) ++offset;
    return offset;
}

size_t SourceMap::past(size_t offset, std::string_view token) const {
    size_t found = xml_.find(token, offset);
    return found == xml_.npos ? xml_.size() : found + token.size();
}

}  // namespace dw::layout

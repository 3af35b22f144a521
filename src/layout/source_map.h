#pragma once
#include <string_view>
#include <utility>
#include <vector>

// Byte positions of the tags in an XML text. tinyxml2 reports only line numbers; diagnostics need
// columns, so the reader matches tinyxml2's elements (in document order) with these spans.
namespace dw::layout {

struct TagSpan {
    std::string_view name;
    size_t start = 0;          // the '<' of the start tag
    size_t content_start = 0;  // just past the start tag's '>'
    size_t end = 0;            // just past the end tag, or past "/>"
    std::vector<std::pair<std::string_view, size_t>> attributes;  // name and its first byte
};

class SourceMap {
public:
    // `xml` must outlive the map. It should be well-formed (tinyxml2 accepted it); on anything
    // else the spans are merely imprecise, never out of bounds.
    explicit SourceMap(std::string_view xml);

    const std::vector<TagSpan>& tags() const { return tags_; }  // start tags in document order
    std::string_view text() const { return xml_; }

    // 1-based line and column of a byte offset; the column counts characters, not bytes.
    std::pair<int, int> position(size_t offset) const;
    // First offset at or after `offset` that is not whitespace.
    size_t skip_space(size_t offset) const;
    // Offset just past the first occurrence of `token` at or after `offset` (or the end).
    size_t past(size_t offset, std::string_view token) const;

private:
    size_t scan_start_tag(size_t at, std::vector<size_t>& open);
    size_t scan_attributes(size_t at, TagSpan& tag);

    std::string_view xml_;
    std::vector<TagSpan> tags_;
    std::vector<size_t> line_starts_;
};

}  // namespace dw::layout

#include "typeset/paragraph_cache.h"

#include <cstring>

namespace dw::typeset {
namespace {

// The number's own bytes: a key is compared, never read, and formatting it as text was a sixth
// of typesetting a card deck. Equal layouts compute bit-equal numbers.
void add(std::string& key, double v) {
    if (v == 0) v = 0;  // -0.0 and 0.0 are the same size
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    key.append(bytes, sizeof bytes);
}

void add(std::string& key, const Color& c) {
    for (double v : {c.r, c.g, c.b, c.a}) add(key, v);
}

void add(std::string& key, const std::string& s) {
    key += std::to_string(s.size());
    key += ':';
    key += s;
}

void add_style(std::string& key, const layout::Style& s) {
    add(key, s.family);
    for (double v : {double(s.weight), double(s.italic), s.size, s.line_height, s.first_indent,
                     s.left_indent, s.letter_spacing, double(s.align), double(s.text_case),
                     double(s.keep_with_next), double(s.widows), double(s.orphans)})
        add(key, v);
    add(key, s.color);
    add(key, s.hyphenate);
    if (s.background) add(key, *s.background);
}

bool add_span(std::string& key, const bind::Span& span) {
    if (span.field != bind::Span::Field::None || !span.link.empty()) return false;
    add(key, span.text);
    add(key, span.family.value_or("-"));
    for (double v : {double(span.weight.value_or(-1)), double(span.italic.value_or(false)) +
                                                           2 * double(span.italic.has_value()),
                     span.size.value_or(-1), double(span.strike), double(span.underline),
                     double(span.monospace)})
        add(key, v);
    if (span.color) add(key, *span.color);
    key += ';';
    return true;
}

}  // namespace

std::string ParagraphCache::style_key(const layout::Style& style) {
    std::string key;
    add_style(key, style);
    return key;
}

std::string ParagraphCache::key(const bind::Box& p, double x, double width) {
    if (p.bookmark_level > 0) return {};
    std::string key;
    size_t text = 0;
    for (const auto& span : p.spans) text += span.text.size();
    key.reserve(320 + text + 100 * p.spans.size());  // the numbers of the style and of each span
    add(key, x);
    add(key, width);
    add_style(key, p.style);
    add(key, p.marker);
    add(key, p.tag);
    add(key, double(p.keep_last_line_with_next));
    for (const auto& span : p.spans)
        if (!add_span(key, span)) return {};
    return key;
}

bool ParagraphCache::find(const std::string& key, int paragraph_id,
                          std::vector<Fragment>& out) const {
    auto it = lines_.find(key);
    if (it == lines_.end()) return false;
    for (Fragment line : it->second) {
        line.paragraph = paragraph_id;
        out.push_back(std::move(line));
    }
    return true;
}

void ParagraphCache::store(const std::string& key, const std::vector<Fragment>& lines) {
    // Bounded, so a long deck of unique texts keeps flat memory: the repeated paragraphs come
    // back after a reset on their next use.
    if (lines_.size() >= kCapacity) lines_.clear();
    lines_.emplace(key, lines);
}

}  // namespace dw::typeset

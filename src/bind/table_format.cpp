#include "bind/table_format.h"

#include <algorithm>
#include <span>

namespace dw::bind {

TableCells table_cells(const layout::Style& style) {
    TableCells cells;
    std::copy(style.cell_padding.begin(), style.cell_padding.end(), cells.padding);
    cells.rule_below = style.rule_below;
    cells.rule_color = style.rule_color.value_or(style.color);
    cells.fill = style.background;
    return cells;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Strips a sign or currency from the front, or a unit from the back, of `s`.
void strip_affix(std::string_view& s, bool front) {
    static const std::string_view prefixes[] = {"\u20AC", "$", "\u00A3", "+", "-", "\u2212", "\u00B1"};
    static const std::string_view suffixes[] = {"%", "\u20AC", "EUR", "x"};
    for (auto a : front ? std::span<const std::string_view>(prefixes) : std::span<const std::string_view>(suffixes)) {
        if (front ? s.starts_with(a) : s.ends_with(a)) {
            s = trimmed(front ? s.substr(a.size()) : s.substr(0, s.size() - a.size()));
            return;
        }
    }
}

}  // namespace

bool looks_numeric(std::string_view text) {
    std::string_view s = trimmed(text);
    strip_affix(s, true);
    strip_affix(s, true);  // "- € 5" or "€ -5"
    strip_affix(s, false);
    if (s.empty() || !is_digit(s.front()) || !(is_digit(s.back()) || s.back() == '-')) return false;
    // "1.250,-" is how Dutch amounts are written; separators only between digits.
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (is_digit(c)) continue;
        bool separator = c == '.' || c == ',' || c == ' ' || c == '\'';
        bool dash_end = c == '-' && i + 1 == s.size() && i > 0 && s[i - 1] == ',';
        if (!(separator && i + 1 < s.size() && (is_digit(s[i + 1]) || s[i + 1] == '-')) && !dash_end)
            return false;
    }
    return true;
}

std::string table_alignment(const data::Block& table) {
    std::string align = table.align;
    for (const auto& row : table.children) align.resize(std::max(align.size(), row.children.size()), ' ');
    for (size_t c = 0; c < align.size(); ++c) {
        if (align[c] != ' ') continue;
        bool any = false, numeric = true;
        for (size_t r = 1; r < table.children.size() && numeric; ++r) {
            const auto& cells = table.children[r].children;
            if (c >= cells.size()) continue;
            std::string text = data::plain_text(cells[c].inlines);
            if (trimmed(text).empty()) continue;
            any = true;
            numeric = looks_numeric(text);
        }
        if (any && numeric) align[c] = 'r';
    }
    return align;
}

}  // namespace dw::bind

#include "diag/suggest.h"

#include <algorithm>

namespace dw {

static size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = word.size() / 2 + 1;  // more edits than this is not a typo
    for (const auto& c : candidates) {
        size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best = closest_match(word, candidates);
    if (!best.empty()) return "did you mean '" + best + "'?";
    if (candidates.empty()) return {};
    std::string list;
    for (const auto& c : candidates) list += (list.empty() ? "" : ", ") + c;
    return "expected one of: " + list;
}

}  // namespace dw

#include "data/footnote_labels.h"

#include <map>
#include <set>
#include <vector>

namespace dw::data {

namespace {

struct Reference {
    std::string label;
    int line, col;
};

bool is_fence(std::string_view line) {
    size_t i = line.find_first_not_of(' ');
    return i != std::string_view::npos && i <= 3 &&
           (line.substr(i).starts_with("```") || line.substr(i).starts_with("~~~"));
}

// The label of `[^label]` starting at `at`, or "" when there is none.
std::string label_at(std::string_view line, size_t at) {
    if (!line.substr(at).starts_with("[^")) return "";
    size_t end = line.find(']', at + 2);
    if (end == std::string_view::npos || end == at + 2) return "";
    std::string_view label = line.substr(at + 2, end - at - 2);
    if (label.find_first_of(" \t[") != std::string_view::npos) return "";
    return std::string(label);
}

}  // namespace

void check_footnote_labels(std::string_view body, const std::string& file, int first_line,
                           Diagnostics& diags) {
    std::map<std::string, Reference> defined;  // the first definition of each label
    std::vector<Reference> references;
    bool in_fence = false;
    int line_no = first_line;
    for (size_t start = 0; start <= body.size(); ++line_no) {
        size_t end = body.find('\n', start);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = body.substr(start, end - start);
        start = end + 1;
        if (is_fence(line)) in_fence = !in_fence;
        if (in_fence) continue;
        size_t lead = line.find_first_not_of(' ');
        bool in_code = false;  // inside a `code span`
        for (size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '`') in_code = !in_code;
            if (in_code) continue;
            std::string label = label_at(line, i);
            if (label.empty()) continue;
            size_t after = i + label.size() + 3;
            Reference here{label, line_no, int(i) + 1};
            if (i == lead && after < line.size() && line[after] == ':') defined.emplace(label, here);
            else references.push_back(here);
        }
        if (end == body.size()) break;
    }
    std::set<std::string> referenced;
    for (const auto& r : references) {
        referenced.insert(r.label);
        if (!defined.count(r.label))
            diags.error({file, r.line, r.col}, "footnote [^" + r.label + "] is never defined",
                        "define it on a line of its own: [^" + r.label + "]: the note's text");
    }
    for (const auto& [label, d] : defined)
        if (!referenced.count(label))
            diags.warning({file, d.line, d.col}, "footnote [^" + label + "] is never referenced",
                          "the note is left out; refer to it in the text with [^" + label + "]");
}

}  // namespace dw::data

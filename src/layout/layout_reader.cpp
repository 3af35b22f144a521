#include "layout/layout_reader.h"

#include <algorithm>

#include "layout/layout_builder.h"
#include "layout/xml_tree.h"

namespace dw::layout {
namespace {

std::optional<Layout> read_layout(std::string_view xml, const std::string& file,
                                  Diagnostics& diags) {
    std::optional<Node> root = parse_xml_tree(xml, file, layout_language(), diags);
    if (!root) return std::nullopt;
    Layout layout = build_layout(std::move(*root), file, diags);
    if (diags.has_errors()) return std::nullopt;
    return layout;
}

// The checks run in passes (schema, resolution, references); users read a file top to bottom,
// so its diagnostics are handed on in line order, as a compiler's are.
void add_in_source_order(const Diagnostics& found, Diagnostics& diags) {
    std::vector<Diagnostic> sorted = found.all();
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.loc.line, a.loc.col) < std::pair(b.loc.line, b.loc.col);
    });
    for (auto& d : sorted) diags.add(std::move(d));
}

}  // namespace

std::optional<Layout> parse_layout(std::string_view xml, const std::string& file,
                                   Diagnostics& diags) {
    Diagnostics found;
    std::optional<Layout> layout = read_layout(xml, file, found);
    add_in_source_order(found, diags);
    return layout;
}

std::optional<Layout> load_layout(const std::string& path, Diagnostics& diags) {
    std::optional<std::string> xml = read_xml_file(path, layout_language(), diags);
    if (!xml) return std::nullopt;
    return parse_layout(*xml, path, diags);
}

}  // namespace dw::layout

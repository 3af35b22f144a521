#include "layout/layout_reader.h"

#include <tinyxml2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "layout/layout_builder.h"
#include "layout/node_reader.h"
#include "layout/source_map.h"

namespace dw::layout {
namespace {

struct SyntaxHelp {
    tinyxml2::XMLError id;
    const char* message;
    const char* hint;
};

const SyntaxHelp kSyntaxHelp[] = {
    {tinyxml2::XML_ERROR_PARSING_ELEMENT, "malformed element", "check the tag's < and >"},
    {tinyxml2::XML_ERROR_PARSING_ATTRIBUTE, "malformed or repeated attribute",
     "quote every value (name=\"value\") and give each attribute once"},
    {tinyxml2::XML_ERROR_PARSING_TEXT, "malformed text", "write < as &lt; and & as &amp;"},
    {tinyxml2::XML_ERROR_PARSING_CDATA, "unterminated CDATA section", "close it with ]]>"},
    {tinyxml2::XML_ERROR_PARSING_COMMENT, "unterminated comment", "close it with -->"},
    {tinyxml2::XML_ERROR_PARSING_DECLARATION, "malformed declaration",
     "write <?xml version=\"1.0\" encoding=\"UTF-8\"?>"},
    {tinyxml2::XML_ERROR_PARSING_UNKNOWN, "malformed markup", "check the tags on this line"},
    {tinyxml2::XML_ERROR_EMPTY_DOCUMENT, "the layout is empty", "a layout starts with <layout>"},
    {tinyxml2::XML_ERROR_MISMATCHED_ELEMENT, "an element is not closed properly",
     "close every element with its own end tag, the innermost first"},
    {tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED, "elements are nested too deeply", ""},
};

// tinyxml2 stops at the first syntax error: one diagnostic, with its line and its own detail
// (such as "XMLElement name=b") after a readable description.
void report_syntax_error(const tinyxml2::XMLDocument& doc, const std::string& file,
                         Diagnostics& diags) {
    std::string detail = doc.ErrorStr();
    size_t colon = detail.find(": ", detail.find("Line number="));
    detail = colon == detail.npos ? "" : detail.substr(colon + 2);
    std::string message = doc.ErrorName();
    std::string hint;
    for (const auto& help : kSyntaxHelp) {
        if (help.id == doc.ErrorID()) {
            message = help.message;
            hint = help.hint;
        }
    }
    if (!detail.empty()) message += " (" + detail + ")";
    diags.error({file, doc.ErrorLineNum(), 0}, "XML syntax error: " + message, hint);
}

// tinyxml2 reads up to the first NUL byte and silently ignores the rest.
bool has_nul_byte(std::string_view xml, const std::string& file, Diagnostics& diags) {
    size_t nul = xml.find('\0');
    if (nul == xml.npos) return false;
    auto [line, col] = SourceMap(xml).position(nul);
    diags.error({file, line, col}, "the layout contains a NUL byte", "is this a text file?");
    return true;
}

std::optional<Layout> read_layout(std::string_view xml, const std::string& file,
                                  Diagnostics& diags) {
    if (has_nul_byte(xml, file, diags)) return std::nullopt;
    tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
    doc.Parse(xml.data(), xml.size());
    if (doc.Error()) {
        report_syntax_error(doc, file, diags);
        return std::nullopt;
    }
    SourceMap source(xml);
    std::optional<Node> root = read_nodes(doc, source, file, diags);
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
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        bool exists = std::filesystem::exists(path, error);
        diags.error({path, 0, 0}, exists ? "the layout '" + path + "' is not a file"
                                         : "layout file not found: '" + path + "'");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string xml{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in && !in.eof()) {
        diags.error({path, 0, 0}, "cannot read the layout file '" + path + "'");
        return std::nullopt;
    }
    return parse_layout(xml, path, diags);
}

}  // namespace dw::layout

#include "layout/xml_tree.h"

#include <tinyxml2.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "layout/node_reader.h"
#include "layout/source_map.h"
#include "layout/xml_entities.h"

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
    {tinyxml2::XML_ERROR_EMPTY_DOCUMENT, "the file is empty", ""},
    {tinyxml2::XML_ERROR_MISMATCHED_ELEMENT, "an element is not closed properly",
     "close every element with its own end tag, the innermost first"},
    {tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED, "elements are nested too deeply", ""},
};

// tinyxml2 stops at the first syntax error: one diagnostic, with its line and its own detail
// (such as "XMLElement name=b") after a readable description.
void report_syntax_error(const tinyxml2::XMLDocument& doc, const std::string& file,
                         const XmlLanguage& language, Diagnostics& diags) {
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
    if (doc.ErrorID() == tinyxml2::XML_ERROR_EMPTY_DOCUMENT) {
        message = "the " + language.what + " is empty";
        hint = "a " + language.what + " starts with <" + language.root + ">";
    }
    if (!detail.empty()) message += " (" + detail + ")";
    diags.error({file, doc.ErrorLineNum(), 0}, "XML syntax error: " + message, hint);
}

// tinyxml2 reads up to the first NUL byte and silently ignores the rest.
bool has_nul_byte(std::string_view xml, const std::string& file, const std::string& what,
                  Diagnostics& diags) {
    size_t nul = xml.find('\0');
    if (nul == xml.npos) return false;
    auto [line, col] = SourceMap(xml).position(nul);
    diags.error({file, line, col}, "the " + what + " contains a NUL byte", "is this a text file?");
    return true;
}

}  // namespace

std::optional<std::string> read_xml_file(const std::string& path, const XmlLanguage& language,
                                         Diagnostics& diags) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        bool exists = std::filesystem::exists(path, error);
        diags.error({path, 0, 0}, exists ? "the " + language.what + " '" + path + "' is not a file"
                                         : language.what + " file not found: '" + path + "'");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string xml{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in && !in.eof()) {
        diags.error({path, 0, 0}, "cannot read the " + language.what + " file '" + path + "'");
        return std::nullopt;
    }
    return xml;
}

std::optional<Node> parse_xml_tree(std::string_view xml, const std::string& file,
                                   const XmlLanguage& language, Diagnostics& diags) {
    if (has_nul_byte(xml, file, language.what, diags)) return std::nullopt;
    if (report_undefined_entities(xml, file, diags)) return std::nullopt;
    tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
    doc.Parse(xml.data(), xml.size());
    if (doc.Error()) {
        report_syntax_error(doc, file, language, diags);
        return std::nullopt;
    }
    SourceMap source(xml);
    return read_nodes(doc, source, file, language, diags);
}

}  // namespace dw::layout

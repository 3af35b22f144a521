#pragma once
#include <cmark-gfm.h>

#include <memory>
#include <string>
#include <string_view>

namespace dw::data {

struct CmarkNodeFree {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CmarkParserFree {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
using CmarkNodePtr = std::unique_ptr<cmark_node, CmarkNodeFree>;
using CmarkParserPtr = std::unique_ptr<cmark_parser, CmarkParserFree>;

// Parses Markdown as GitHub does (tables, autolinks, strikethrough, task lists, footnotes). SMART stays off
// so quotes and dashes come out as typed. Footnote references hold their number as literal; the
// referenced definitions follow the other blocks in that order (cmark drops unreferenced ones).
// nullptr only when cmark cannot allocate.
CmarkNodePtr parse_gfm(std::string_view markdown);

// The name cmark gives a node's type ("paragraph", "table_row", "tasklist"...). Nodes made by
// extensions have run-time type numbers that the installed headers do not declare, so they are
// told apart by this name.
std::string_view node_type_name(cmark_node* node);

// A C string from cmark as a std::string; cmark returns NULL for "nothing".
inline std::string cmark_text(const char* s) { return s ? std::string(s) : std::string(); }

}  // namespace dw::data

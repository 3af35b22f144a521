#include "data/cmark_gfm.h"

#include <cmark-gfm-core-extensions.h>

#include <mutex>

namespace dw::data {

CmarkNodePtr parse_gfm(std::string_view markdown) {
    // Registration writes a global list in cmark-gfm; doing it once keeps threads apart.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

    CmarkParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES));
    if (!parser) return nullptr;
    for (const char* name : {"table", "autolink", "strikethrough", "tasklist"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    return CmarkNodePtr(cmark_parser_finish(parser.get()));
}

std::string_view node_type_name(cmark_node* node) {
    const char* name = cmark_node_get_type_string(node);
    return name ? std::string_view(name) : std::string_view();
}

}  // namespace dw::data

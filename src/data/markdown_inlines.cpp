#include "data/markdown_convert.h"

namespace dw::data {

namespace {

Inline make(Inline::Kind kind, std::string text = {}) {
    Inline in;
    in.kind = kind;
    in.text = std::move(text);
    return in;
}

// cmark splits text at every character that might have started markup ("AT&T" arrives in
// pieces); joining them gives later stages whole words to hyphenate and measure.
std::vector<Inline> merge_text(std::vector<Inline> inlines) {
    std::vector<Inline> out;
    for (auto& in : inlines) {
        if (in.kind == Inline::Kind::Text && !out.empty() && out.back().kind == Inline::Kind::Text)
            out.back().text += in.text;
        else
            out.push_back(std::move(in));
    }
    return out;
}

}  // namespace

std::vector<Inline> MarkdownConverter::inlines_of(cmark_node* parent, int depth,
                                                  const SourceLoc& where) {
    std::vector<Inline> out;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
        add_inline(n, depth, where, out);
    return merge_text(std::move(out));
}

void MarkdownConverter::add_inline(cmark_node* node, int depth, const SourceLoc& where,
                                   std::vector<Inline>& out) {
    SourceLoc loc = loc_of(node, where);
    if (too_deep(depth, loc)) return;
    auto with_children = [&](Inline::Kind kind) {
        Inline in = make(kind);
        in.children = inlines_of(node, depth + 1, loc);
        return in;
    };
    if (node_type_name(node) == "strikethrough") {
        out.push_back(with_children(Inline::Kind::Strike));
        return;
    }
    std::string literal = cmark_text(cmark_node_get_literal(node));
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
            out.push_back(make(Inline::Kind::Text, literal));
            break;
        case CMARK_NODE_CODE:
            out.push_back(make(Inline::Kind::Code, literal));
            break;
        case CMARK_NODE_SOFTBREAK:
            out.push_back(make(Inline::Kind::SoftBreak));
            break;
        case CMARK_NODE_LINEBREAK:
            out.push_back(make(Inline::Kind::LineBreak));
            break;
        case CMARK_NODE_EMPH:
            out.push_back(with_children(Inline::Kind::Emph));
            break;
        case CMARK_NODE_STRONG:
            out.push_back(with_children(Inline::Kind::Strong));
            break;
        case CMARK_NODE_LINK: {  // also <https://...> and bare URLs (autolink extension)
            Inline link = with_children(Inline::Kind::Link);
            link.url = cmark_text(cmark_node_get_url(node));
            out.push_back(std::move(link));
            break;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE:  // cmark has replaced the label by the number
            out.push_back(make(Inline::Kind::FootnoteRef, literal));
            break;
        case CMARK_NODE_HTML_INLINE:  // never interpreted: the tag is printed as typed
            diags_.warning(loc, "raw HTML is not rendered; it is printed as text",
                           "use Markdown formatting instead of HTML tags");
            out.push_back(make(Inline::Kind::Text, literal));
            break;
        case CMARK_NODE_IMAGE: {
            diags_.warning(loc,
                           "images in Markdown text are not shown; their description is printed",
                           "place images with the layout's <image> element");
            for (auto& in : inlines_of(node, depth + 1, loc)) out.push_back(std::move(in));
            break;
        }
        default:  // keep whatever text an unexpected inline carries
            if (!literal.empty()) out.push_back(make(Inline::Kind::Text, literal));
            break;
    }
}

}  // namespace dw::data

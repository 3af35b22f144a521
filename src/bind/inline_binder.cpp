// <text> elements: a paragraph whose inline content (character data, <b>, <i>, <span>, <link>,
// <br>) becomes spans.
#include "bind/autolink.h"
#include "bind/binder_internal.h"

namespace dw::bind {

void Binder::bind_text(const layout::Node& node, std::vector<Box>& out) {
    Box para;
    para.kind = Box::Kind::Paragraph;
    para.loc = node.loc;
    auto style_name = text_attr(node, "style");
    para.style = style_name ? style_named(*style_name, attr_loc(node, "style")) : current_style();
    if (auto color = color_attr(node, "color")) para.style.color = *color;
    if (auto align = align_attr(node, "align")) para.style.align = *align;
    if (auto keep = bool_attr(node, "keep-with-next")) para.style.keep_with_next = *keep;
    if (auto level = number_attr(node, "bookmark")) para.bookmark_level = int(*level);
    if (auto tag = text_attr(node, "tag")) para.tag = *tag;
    bind_inlines(node, Span{}, para.spans);
    if (!node.text.empty() && node.children.empty()) {
        auto ctx = expression_context();
        for (auto& piece : evaluate_template(node.text, node.loc, ctx)) {
            Span s;
            s.text = std::move(piece.text);
            s.field = piece.field;
            s.loc = piece.loc;
            para.spans.push_back(std::move(s));
        }
    }
    if (bool_attr(node, "autolink").value_or(false)) para.spans = autolink_spans(para.spans);
    out.push_back(std::move(para));
}

void Binder::bind_inlines(const layout::Node& node, const Span& format, std::vector<Span>& out) {
    for (const auto& child : node.children) {
        Span inner = format;
        inner.text.clear();
        inner.field = Span::Field::None;
        const std::string& e = child.element;
        if (e == "#text") {
            auto ctx = expression_context();
            for (auto& piece : evaluate_template(child.text, child.loc, ctx)) {
                Span s = format;
                s.text = std::move(piece.text);
                s.field = piece.field;
                s.loc = piece.loc;
                out.push_back(std::move(s));
            }
            continue;
        }
        if (e == "br") {
            inner.text = "\u2028";
            out.push_back(inner);
            continue;
        }
        if (e == "b") inner.weight = 700;
        else if (e == "i") inner.italic = true;
        else if (e == "link") inner.link = text_attr(child, "href").value_or("");
        else if (e == "span") {
            if (auto style = text_attr(child, "style")) {
                const layout::Style& s = style_named(*style, attr_loc(child, "style"));
                inner.family = s.family;
                inner.weight = s.weight;
                inner.italic = s.italic;
                inner.size = s.size;
                inner.color = s.color;
            }
            if (auto color = color_attr(child, "color")) inner.color = *color;
            if (auto size = length_attr(child, "size"))  // 150% of the surrounding text
                inner.size = size->to_pt(format.size.value_or(current_style().size));
            if (auto weight = number_attr(child, "weight")) inner.weight = int(*weight);
        } else {
            diags_.error(child.loc, "<" + e + "> cannot be used inside <text>",
                         "inline content is text, <b>, <i>, <span>, <link> and <br>");
            continue;
        }
        bind_inlines(child, inner, out);
    }
}

}  // namespace dw::bind

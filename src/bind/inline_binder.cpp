// <text> elements: a paragraph whose inline content (character data, <b>, <i>, <span>, <link>,
// <br>) becomes spans.
#include "bind/autolink.h"
#include "bind/binder_internal.h"

namespace dw::bind {

void Binder::bind_text(const layout::Node& node, std::vector<Box>& out) {
    Box& para = out.emplace_back();  // built in place (see bind_box)
    para.kind = Box::Kind::Paragraph;
    para.loc = node.loc;
    para.style = style_attr(node, "style");
    if (auto color = color_attr(node, "color")) para.style.color = *color;
    if (auto align = align_attr(node, "align")) para.style.align = *align;
    if (auto keep = bool_attr(node, "keep-with-next")) para.style.keep_with_next = *keep;
    if (auto level = number_attr(node, "bookmark")) para.bookmark_level = int(*level);
    if (auto tag = text_attr(node, "tag")) para.tag = std::move(*tag);
    bind_inlines(node, Span{}, para.spans);
    if (!node.text.empty() && node.children.empty())
        append_spans(evaluate_text(node), Span{}, para.spans);
    if (bool_attr(node, "autolink").value_or(false)) para.spans = autolink_spans(para.spans);
}

// The pieces of an evaluated template as spans formatted as `format`.
void Binder::append_spans(std::vector<Piece> pieces, const Span& format, std::vector<Span>& out) {
    for (auto& piece : pieces) {
        Span& s = out.emplace_back(format);
        s.text = std::move(piece.text);
        s.field = piece.field;
        s.loc = std::move(piece.loc);
    }
}

// A node's text evaluated: its template as the reader split it (else split now: built by hand).
std::vector<Piece> Binder::evaluate_text(const layout::Node& text) {
    auto ctx = expression_context();
    if (text.prepared()) return evaluate_template(text.text_template, ctx);
    return evaluate_template(text.text, text.loc, ctx);
}

void Binder::bind_inlines(const layout::Node& node, const Span& format, std::vector<Span>& out) {
    for (const auto& child : node.children) {
        const std::string& e = child.element;
        if (e == "#text") {
            append_spans(evaluate_text(child), format, out);
            continue;
        }
        Span inner = format;
        inner.text.clear();
        inner.field = Span::Field::None;
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

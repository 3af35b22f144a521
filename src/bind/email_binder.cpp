#include "bind/email_binder.h"

#include "bind/expression.h"
#include "layout/email_decl.h"
#include "layout/node_template.h"

namespace dw::bind {
namespace {

bool is_blank(const std::string& text) {
    return text.find_first_not_of(" \t\n") == std::string::npos;
}

class EmailBinder {
public:
    EmailBinder(const data::Value& data, Diagnostics& diags) : scope_(&data), ctx_{scope_, diags} {}

    EmailPart part(const layout::Node& node) {
        EmailPart out;
        if (node.element == "picture") {
            out.kind = EmailPart::Kind::Picture;
            out.alt = attribute(node, "alt");
            return out;
        }
        out.heading = attribute(node, "heading");
        for (const layout::Node& child : node.children) {
            EmailLine line = this->line(child);
            if (line.kind != EmailLine::Kind::Text || !blank(line))
                out.lines.push_back(std::move(line));
        }
        return out;
    }

private:
    EmailLine line(const layout::Node& node) {
        EmailLine out;
        if (node.element == "page-links") {
            out.kind = EmailLine::Kind::PageLinks;
            return out;
        }
        if (node.element == "attachment")
            out.kind = node.attribute_or_default("pdf") == "phone" ? EmailLine::Kind::PhonePdf
                                                                   : EmailLine::Kind::DocumentPdf;
        else
            out.href = attribute(node, "href");
        inline_spans(node, EmailSpan{}, out.spans);
        return out;
    }

    static bool blank(const EmailLine& line) {
        for (const EmailSpan& span : line.spans)
            if (!is_blank(span.text)) return false;
        return true;
    }

    // The node's children as spans, each with the markup of the elements around it.
    void inline_spans(const layout::Node& node, const EmailSpan& markup,
                      std::vector<EmailSpan>& out) {
        for (const layout::Node& child : node.children) {
            EmailSpan span = markup;
            if (child.element == "#text") {
                span.text = child.text_template.empty()
                                ? evaluate_string(child.text, child.loc, ctx_)
                                : evaluate_string(child.text_template, ctx_);
                if (!span.text.empty()) out.push_back(std::move(span));
                continue;
            }
            if (child.element == "br") {
                span.line_break = true;
                out.push_back(std::move(span));
                continue;
            }
            if (child.element == "b") span.bold = true;
            if (child.element == "i") span.italic = true;
            if (child.element == "link") span.href = attribute(child, "href");
            inline_spans(child, span, out);  // <span> is reported when the layout is read
        }
    }

    std::string attribute(const layout::Node& node, std::string_view name) {
        const std::string* value = node.attribute(name);
        if (!value) return node.attribute_or_default(name);
        return evaluate_string(*value, layout::attribute_value_loc(node.attribute_loc(name), name),
                               ctx_);
    }

    Scope scope_;
    ExpressionContext ctx_;
};

}  // namespace

std::optional<BoundEmail> bind_email(const layout::Layout& layout, const data::Value& data,
                                     Diagnostics& diags) {
    if (!layout.email) {
        diags.error(
            layout.loc,
            "the layout has no <email> element: --email-bundle writes the mail's body from it",
            "add <email> with a <picture/> and <section> elements holding the mail's texts "
            "(docs/layout-reference.md, <email>)");
        return std::nullopt;
    }
    const layout::EmailDecl& decl = *layout.email;
    BoundEmail email{decl.background, decl.panel, decl.text, decl.link, decl.font_family, {},
                     decl.phone_suffix};
    const int errors = diags.error_count();
    EmailBinder binder(data, diags);
    for (const layout::Node& node : decl.body) {
        EmailPart part = binder.part(node);
        if (part.kind == EmailPart::Kind::Picture || !part.lines.empty())
            email.parts.push_back(std::move(part));
    }
    if (diags.error_count() > errors) return std::nullopt;
    return email;
}

}  // namespace dw::bind

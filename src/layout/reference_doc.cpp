#include "layout/reference_doc.h"

#include <sstream>

#include "layout/schema.h"

namespace dw::layout {
namespace {

std::string code(const std::string& s) { return "`" + s + "`"; }
std::string tag(const std::string& name) { return "`<" + name + ">`"; }

// Prose for Markdown: '<' and '>' would open HTML tags (<style> would hide the rest).
std::string prose(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else {
            out += c;
        }
    }
    return out;
}

// A table cell: a '|' would end the cell.
std::string cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

std::string tags(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + tag(n);
    return s;
}

std::vector<std::string> containers(Content content) {
    std::vector<std::string> names;
    for (const auto& e : schema()) {
        if (e.content == content) names.push_back(e.name);
    }
    return names;
}

const char* kIntro = R"(# Layout reference

<!-- Generated from the schema in src/layout/schema_table.cpp. Do not edit by hand:
     regenerate with `build/drukwerk schema > docs/layout-reference.md`. -->

A layout is an XML file that turns data into branded pages. It declares a palette, text styles,
page masters and components once, and a `<document>` of flow content that the data fills in.

Text and the attributes of flow and inline elements may hold expressions: `{{path.to.value}}`,
with filters such as `{{date | date-nl}}`. A value with an expression is checked when the data is
bound; every other value is checked when the layout is read. Palettes, styles and page masters
are fixed: their attributes cannot hold expressions.

Every problem is reported with file, line and column; unknown names get a "did you mean" hint.

The mail that `render --email-bundle DIR` writes beside the PDFs (`DIR/index.html`) is the
layout's too: `<email>` gives its colours and font, and in its `<section>`s every heading, line
and attachment link text, with expressions over the same data; the program adds no words of its
own. A line or section that comes out empty is left out:

```xml
<email background="sand" panel="white" color="ink" link-color="green">
  <picture/>
  <section heading="Links"><page-links/></section>
  <section heading="Contact">
    <line>{{contact.name}}</line>
    <line href="mailto:{{contact.email}}">{{contact.email}}</line>
  </section>
  <section heading="Attachments">
    <attachment pdf="document">The overview as a poster (PDF)</attachment>
    <attachment pdf="phone">The overview for phones (PDF)</attachment>
  </section>
</email>
```
)";

void write_types(std::ostringstream& out) {
    out << "\n## Value types\n\n| Type | What to write |\n|---|---|\n";
    const AttrType types[] = {
        AttrType::String,
        AttrType::ExpressionText,
        AttrType::Name,
        AttrType::Length,
        AttrType::LengthOrPercent,
        AttrType::Extent,
        AttrType::Lengths,
        AttrType::Color,
        AttrType::HexColor,
        AttrType::StyleRef,
        AttrType::PageMasterRef,
        AttrType::ComponentRef,
        AttrType::Bool,
        AttrType::Int,
        AttrType::Number,
        AttrType::PageSize,
        AttrType::Path,
        AttrType::File,
        AttrType::Filter,
        AttrType::FontWeight,
        AttrType::LineHeight,
    };
    for (AttrType type : types) {
        AttrSpec example;
        example.type = type;
        out << "| " << cell(code(type_name(example))) << " | "
            << cell(prose(expected_form(example))) << " |\n";
    }
    out << "| `a \\| b` | one of the words listed |\n";
}

std::string where_used(const ElementSpec& e) {
    if (e.name == "layout") return "the root element";
    if (e.category == Category::Flow) return "flow content: " + tags(containers(Content::Flow));
    if (e.category == Category::Inline) {
        return "inline content: " + tags(containers(Content::Inline));
    }
    std::vector<std::string> parents;
    for (const auto& p : schema()) {
        for (const auto& c : p.children) {
            if (c == e.name) parents.push_back(p.name);
        }
    }
    return tags(parents);
}

std::string content_text(const ElementSpec& e) {
    switch (e.content) {
        case Content::Empty:
            return "none";
        case Content::Flow:
            return "flow content";
        case Content::Inline:
            return "text with `{{expressions}}` and " + tags(element_names(Category::Inline));
        case Content::Elements:
            break;
    }
    std::string s;
    for (const auto& name : e.children) {
        const ElementSpec* child = find_element(name);
        std::string note = !child                                 ? ""
                           : child->occurs == Occurs::ExactlyOnce ? " (exactly one)"
                           : child->occurs == Occurs::AtMostOnce  ? " (at most one)"
                                                                  : "";
        s += (s.empty() ? "" : ", ") + tag(name) + note;
    }
    return s;
}

void write_element(std::ostringstream& out, const ElementSpec& e) {
    out << "\n### " << tag(e.name) << "\n\n" << prose(e.doc) << "\n\n";
    out << "- Used in: " << where_used(e) << "\n";
    out << "- Content: " << content_text(e) << "\n";
    if (e.attributes.empty()) {
        out << "- Attributes: none\n";
        return;
    }
    out << "\n| Attribute | Type | Default | Description |\n|---|---|---|---|\n";
    for (const auto& a : e.attributes) {
        std::string def = a.required                ? "required"
                          : a.default_value.empty() ? "—"
                                                    : code(a.default_value);
        out << "| " << code(a.name) << " | " << cell(type_name(a)) << " | " << cell(def) << " | "
            << cell(prose(a.doc)) << " |\n";
    }
}

void write_section(std::ostringstream& out, const char* title, Category category) {
    out << "\n## " << title << "\n";
    for (const auto& e : schema()) {
        if (e.category == category) write_element(out, e);
    }
}

}  // namespace

std::string layout_reference_markdown() {
    std::ostringstream out;
    out << kIntro;
    write_types(out);
    write_section(out, "Structure elements", Category::Structure);
    write_section(out, "Flow elements", Category::Flow);
    write_section(out, "Inline elements", Category::Inline);
    return out.str();
}

}  // namespace dw::layout

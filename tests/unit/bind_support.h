// Helpers for the bind tests: data from YAML/Markdown text, a small layout around a document
// body, and ways to look into the resulting box tree. Header-only, test code only.
#pragma once
#include <catch2/catch.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "bind/binder.h"
#include "bind/box.h"
#include "data/markdown_loader.h"
#include "data/yaml_loader.h"
#include "layout/layout_reader.h"

namespace bind_test {

using dw::Diagnostic;
using dw::Diagnostics;
using dw::bind::Box;
using dw::bind::BoxDocument;
using dw::bind::Span;

inline std::string printed(const Diagnostics& diags) {
    std::ostringstream out;
    diags.print(out);
    return out.str();
}

inline std::string where(const dw::SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

// YAML text as the data root ("d.yaml", line 1 is the first line of `text`).
inline dw::data::Value yaml(const std::string& text) {
    Diagnostics diags;
    auto v = dw::data::parse_yaml(text, "d.yaml", 1, diags);
    INFO(printed(diags));
    REQUIRE(diags.all().empty());
    REQUIRE(v);
    return *v;
}

// A Markdown file ("d.md") with front matter: a map with the front matter fields and "body".
inline dw::data::Value markdown(const std::string& text,
                                const std::vector<std::string>& components = {}) {
    Diagnostics diags;
    auto v = dw::data::parse_markdown(text, "d.md", components, diags);
    INFO(printed(diags));
    REQUIRE(diags.all().empty());
    REQUIRE(v);
    return *v;
}

// The styles every test layout has. `body` is the default style.
inline const char* kStyles = R"(
  <palette>
    <color name="green" value="#1f5f4a"/>
    <color name="postit-yellow" value="#fde68a"/>
  </palette>
  <styles default="body">
    <style name="body" size="10pt"/>
    <style name="h1" base="body" size="16pt" keep-with-next="true"/>
    <style name="h2" base="body" size="13pt"/>
    <style name="h3" base="body" size="11pt"/>
    <style name="b1" base="body" left-indent="5mm"/>
    <style name="b2" base="body" left-indent="10mm"/>
    <style name="b3" base="body" left-indent="15mm"/>
    <style name="num" base="body" left-indent="6mm"/>
    <style name="task" base="body" left-indent="7mm"/>
    <style name="note" base="body" italic="true" size="8pt"/>
  </styles>
  <page-master name="a4" size="A4" margin="20mm">
    <footer><text>Pagina {{page}} van {{pages}}</text></footer>
  </page-master>
)";

// A whole layout: the standard head, `components` and `<document>body</document>`.
inline std::string layout_xml(const std::string& body, const std::string& components = "") {
    return std::string("<layout name=\"t\">") + kStyles + components + "<document>" + body +
           "</document></layout>";
}

struct Bound {
    std::optional<BoxDocument> doc;
    Diagnostics diags;  // from binding only (the layout must read cleanly)

    const Box& body() const {
        REQUIRE(doc);
        return doc->body;
    }
    std::vector<const Diagnostic*> errors() const {
        std::vector<const Diagnostic*> out;
        for (const auto& d : diags.all())
            if (d.severity == dw::Severity::Error) out.push_back(&d);
        return out;
    }
};

// Reads `xml` (which must be free of layout errors) and binds it to `data`.
inline Bound bind_layout(const std::string& xml, const dw::data::Value& data) {
    Diagnostics layout_diags;
    auto layout = dw::layout::parse_layout(xml, "t.xml", layout_diags);
    INFO(printed(layout_diags));
    REQUIRE(layout_diags.all().empty());
    REQUIRE(layout);
    Bound b;
    b.doc = dw::bind::bind_document(*layout, data, b.diags);
    return b;
}

// Binds a document body inside the standard layout and requires that nothing was reported.
inline Box bind_ok(const std::string& body, const dw::data::Value& data,
                   const std::string& components = "") {
    Bound b = bind_layout(layout_xml(body, components), data);
    INFO(printed(b.diags));
    REQUIRE(b.diags.all().empty());
    REQUIRE(b.doc);
    return b.doc->body;
}

// The text of a paragraph box: its spans joined.
inline std::string text_of(const Box& paragraph) {
    std::string out;
    for (const auto& s : paragraph.spans) out += s.text;
    return out;
}

// Every paragraph under `box`, depth first, in order.
inline void collect_paragraphs(const Box& box, std::vector<const Box*>& out) {
    if (box.kind == Box::Kind::Paragraph) out.push_back(&box);
    for (const auto& c : box.children) collect_paragraphs(c, out);
}
inline std::vector<const Box*> paragraphs(const Box& box) {
    std::vector<const Box*> out;
    collect_paragraphs(box, out);
    return out;
}

// The texts of every paragraph under `box`.
inline std::vector<std::string> texts(const Box& box) {
    std::vector<std::string> out;
    for (const Box* p : paragraphs(box)) out.push_back(text_of(*p));
    return out;
}

// The text of the single paragraph a one-<text> document binds to.
inline std::string bound_text(const std::string& body, const dw::data::Value& data) {
    Box root = bind_ok(body, data);
    auto ps = paragraphs(root);
    REQUIRE(ps.size() == 1);
    return text_of(*ps[0]);
}

}  // namespace bind_test

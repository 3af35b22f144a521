#include "layout/node_reader.h"

#include <tinyxml2.h>

#include <map>
#include <unordered_map>

#include "diag/suggest.h"
#include "layout/inline_whitespace.h"
#include "layout/schema.h"
#include "layout/value_check.h"

namespace dw::layout {
namespace {

using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

std::string tag(const std::string& name) { return "<" + name + ">"; }

std::string list(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

bool is_blank(const char* text) {
    for (; *text; ++text) {
        if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r') return false;
    }
    return true;
}

class NodeReader {
public:
    NodeReader(const tinyxml2::XMLDocument& doc, const SourceMap& source, const std::string& file,
               const XmlLanguage& language, Diagnostics& diags)
        : source_(source), file_(file), language_(language), diags_(diags) {
        size_t next = 0;
        match_spans(doc.RootElement(), next);
    }

    std::optional<Node> read_root(const XMLElement& root) {
        const ElementSpec* spec = language_.find(language_.root);
        if (root.Name() != language_.root || !spec) {
            diags_.error(element_loc(root),
                         "the root element must be " + tag(language_.root) + ", not " +
                             tag(root.Name()),
                         language_.root_hint);
            return std::nullopt;
        }
        return read_element(root, *spec);
    }

private:
    // Pairs tinyxml2's elements with the scanned spans; both are in document order. Should they
    // ever disagree, the remaining elements get line numbers only.
    void match_spans(const XMLElement* element, size_t& next) {
        for (; element; element = element->NextSiblingElement()) {
            const auto& tags = source_.tags();
            if (next >= tags.size() || tags[next].name != element->Name()) return;
            spans_[element] = &tags[next++];
            match_spans(element->FirstChildElement(), next);
        }
    }

    SourceLoc loc_at(size_t offset) const {
        auto [line, col] = source_.position(offset);
        return {file_, line, col};
    }

    const TagSpan* span(const XMLElement& e) const {
        auto it = spans_.find(&e);
        return it == spans_.end() ? nullptr : it->second;
    }

    SourceLoc element_loc(const XMLElement& e) const {
        if (const TagSpan* s = span(e)) return loc_at(s->start);
        return {file_, e.GetLineNum(), 0};
    }

    SourceLoc attribute_loc(const XMLElement& e, const tinyxml2::XMLAttribute& a) const {
        if (const TagSpan* s = span(e)) {
            for (const auto& [name, offset] : s->attributes) {
                if (name == a.Name()) return loc_at(offset);
            }
        }
        return {file_, a.GetLineNum(), 0};
    }

    Node read_element(const XMLElement& e, const ElementSpec& spec) {
        Node node;
        node.element = spec.name;
        node.spec = &spec;
        node.loc = element_loc(e);
        read_attributes(e, spec, node);
        read_children(e, spec, node);
        if (spec.content == Content::Inline && spec.category != Category::Inline) {
            normalise_inline_whitespace(node);
        }
        return node;
    }

    void read_attributes(const XMLElement& e, const ElementSpec& spec, Node& node) {
        for (auto* a = e.FirstAttribute(); a; a = a->Next()) {
            SourceLoc loc = attribute_loc(e, *a);
            const AttrSpec* attr = find_attribute(spec, a->Name());
            if (!attr) {
                report_unknown_attribute(a->Name(), spec, loc);
                continue;
            }
            check_attribute_value(*attr, spec, a->Value(), loc);
            node.attributes.emplace_back(a->Name(), a->Value());
            node.attribute_locs[a->Name()] = loc;
        }
        for (const auto& attr : spec.attributes) {
            if (attr.required && !node.attribute(attr.name)) {
                diags_.error(node.loc,
                             "missing required attribute '" + attr.name + "' on " + tag(spec.name),
                             required_hint(attr));
            }
        }
    }

    // Free text has no form to describe: say what the attribute is for instead.
    static std::string required_hint(const AttrSpec& attr) {
        bool text = attr.type == AttrType::String || attr.type == AttrType::ExpressionText;
        return attr.name + ": " + (text ? attr.doc : expected_form(attr));
    }

    void report_unknown_attribute(const std::string& name, const ElementSpec& spec,
                                  const SourceLoc& loc) {
        std::string hint = spec.attributes.empty() ? tag(spec.name) + " has no attributes"
                                                   : suggestion_hint(name, attribute_names(spec));
        diags_.error(loc, "unknown attribute '" + name + "' on " + tag(spec.name), hint);
    }

    void check_attribute_value(const AttrSpec& attr, const ElementSpec& spec,
                               const std::string& value, const SourceLoc& loc) {
        if (has_expression(value)) {
            if (!spec.expressions) {
                diags_.error(loc, "expressions are not allowed in " + tag(spec.name),
                             "the attributes of " + tag(spec.name) +
                                 " are fixed when the layout is read, before any data");
            } else if (auto problem = check_expressions(value)) {
                diags_.error(loc, problem->message, problem->hint);
            }
            return;  // the type is checked once the data is bound
        }
        if (auto problem = check_value(attr, value)) {
            diags_.error(loc, problem->message, problem->hint);
        }
    }

    // Walks the children in order, keeping a byte cursor in the source so that text (which
    // tinyxml2 gives no position for) gets a line and column too.
    void read_children(const XMLElement& e, const ElementSpec& spec, Node& node) {
        const TagSpan* s = span(e);
        size_t cursor = s ? s->content_start : 0;
        std::map<std::string, int> counts;
        for (const XMLNode* child = e.FirstChild(); child; child = child->NextSibling()) {
            if (const auto* text = child->ToText()) {
                read_text(*text, spec, node, cursor);
            } else if (const auto* element = child->ToElement()) {
                read_child_element(*element, spec, node, counts);
                if (const TagSpan* cs = span(*element)) cursor = cs->end;
            } else if (child->ToComment()) {
                cursor = source_.past(source_.past(cursor, "<!--"), "-->");
            }
        }
        check_required_children(spec, node, counts);
    }

    void read_text(const tinyxml2::XMLText& text, const ElementSpec& spec, Node& node,
                   size_t& cursor) {
        size_t start = cursor;
        if (text.CData()) {
            start = source_.past(cursor, "<![CDATA[");
            cursor = source_.past(start, "]]>");
        } else {
            start = source_.skip_space(cursor);
            cursor = std::min(source_.text().find('<', cursor), source_.text().size());
        }
        if (spec.content == Content::Inline) {
            Node piece;
            piece.element = "#text";
            piece.text = text.Value();
            piece.loc = loc_at(start);
            if (auto problem = check_expressions(piece.text)) {
                diags_.error(piece.loc, problem->message, problem->hint);
            }
            node.children.push_back(std::move(piece));
        } else if (!is_blank(text.Value())) {
            std::string hint = spec.content == Content::Flow ? "put text in a <text> element"
                                                             : tag(spec.name) + " holds no text";
            diags_.error(loc_at(start), "text is not allowed directly inside " + tag(spec.name),
                         hint);
        }
    }

    void read_child_element(const XMLElement& e, const ElementSpec& parent, Node& node,
                            std::map<std::string, int>& counts) {
        if (parent.content == Content::Inline) keep_space_before(e, node);
        const ElementSpec* spec = language_.find(e.Name());
        if (!spec) {
            report_unknown_element(e, parent);
            return;
        }
        Node child = read_element(e, *spec);  // read even if misplaced: report all its problems
        if (!allows_child(parent, *spec)) {
            report_misplaced(child, parent);
            return;
        }
        if (++counts[spec->name] > 1 && spec->occurs != Occurs::Any &&
            parent.content == Content::Elements) {
            diags_.error(child.loc,
                         tag(spec->name) + " may appear only once inside " + tag(parent.name));
            return;
        }
        if (spec->name == "else" &&
            (node.children.empty() || node.children.back().element != "if")) {
            diags_.error(child.loc, "<else> must directly follow an <if>",
                         "put the <else> right after the </if> it belongs to");
            return;
        }
        node.children.push_back(std::move(child));
    }

    // tinyxml2 drops whitespace-only text between two tags, yet in `<b>a</b> <i>b</i>` that
    // space is a word space: restore it from the source (collapsing removes any excess).
    void keep_space_before(const XMLElement& e, Node& node) {
        const TagSpan* s = span(e);
        if (!s || s->start == 0) return;
        char before = source_.text()[s->start - 1];
        if (before != ' ' && before != '\t' && before != '\n' && before != '\r') return;
        Node space;
        space.element = "#text";
        space.text = " ";
        space.loc = loc_at(s->start - 1);
        node.children.push_back(std::move(space));
    }

    void report_unknown_element(const XMLElement& e, const ElementSpec& parent) {
        std::vector<std::string> allowed = language_.allowed_children(parent);
        std::string near = closest_match(e.Name(), allowed);
        std::string hint = !near.empty() ? "did you mean " + tag(near) + "?"
                           : allowed.empty()
                               ? tag(parent.name) + " has no child elements"
                               : "allowed inside " + tag(parent.name) + ": " + list(allowed);
        diags_.error(element_loc(e), "unknown element " + tag(e.Name()), hint);
    }

    void report_misplaced(const Node& child, const ElementSpec& parent) {
        std::vector<std::string> allowed = language_.allowed_children(parent);
        std::string hint = allowed.empty()
                               ? tag(parent.name) + " has no child elements"
                               : "allowed inside " + tag(parent.name) + ": " + list(allowed);
        diags_.error(child.loc, tag(child.element) + " is not allowed inside " + tag(parent.name),
                     hint);
    }

    void check_required_children(const ElementSpec& spec, const Node& node,
                                 std::map<std::string, int>& counts) {
        if (spec.content != Content::Elements) return;
        for (const auto& name : spec.children) {
            const ElementSpec* child = language_.find(name);
            if (child && child->occurs == Occurs::ExactlyOnce && counts[name] == 0) {
                diags_.error(node.loc, tag(spec.name) + " needs a " + tag(name) + " element",
                             child->doc);
            }
        }
    }

    const SourceMap& source_;
    const std::string& file_;
    const XmlLanguage& language_;
    Diagnostics& diags_;
    std::unordered_map<const XMLElement*, const TagSpan*> spans_;
};

// Splits the templates and converts the static values of `node` and everything below it once,
// for every card or row that binds them (see PreparedAttribute).
void prepare_for_binding(Node& node) {
    node.prepared_attributes.clear();
    node.prepared_attributes.reserve(node.attributes.size());
    for (const auto& [name, value] : node.attributes) {
        PreparedAttribute& prepared = node.prepared_attributes.emplace_back();
        if (has_expression(value))
            prepared.parts =
                split_template(value, attribute_value_loc(node.attribute_loc(name), name));
        else if (const AttrSpec* attr = node.schema_attribute(name))
            prepared.value = convert_static_value(*attr, value);
    }
    node.text_template = split_template(node.text, node.loc, node.text_anchors);
    for (auto& child : node.children) prepare_for_binding(child);
}

}  // namespace

std::optional<Node> read_nodes(const tinyxml2::XMLDocument& doc, const SourceMap& source,
                               const std::string& file, const XmlLanguage& language,
                               Diagnostics& diags) {
    const XMLElement* root = doc.RootElement();
    if (!root) {
        diags.error({file, 1, 1}, "the " + language.what + " has no root element",
                    "start with <" + language.root + ">");
        return std::nullopt;
    }
    NodeReader reader(doc, source, file, language, diags);
    std::optional<Node> node = reader.read_root(*root);
    if (node) prepare_for_binding(*node);  // after whitespace normalisation: the texts are final
    return node;
}

}  // namespace dw::layout

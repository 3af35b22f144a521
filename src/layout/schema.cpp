#include "layout/schema.h"

#include <cstdio>

namespace dw::layout {

const ElementSpec* XmlLanguage::find(std::string_view name) const {
    for (const auto& e : *elements) {
        if (e.name == name) return &e;
    }
    return nullptr;
}

const XmlLanguage& layout_language() {
    static const XmlLanguage language{&schema(), "layout", "layout",
                                      "a layout file starts with <layout name=\"...\">"};
    return language;
}

const ElementSpec* find_element(std::string_view name) { return layout_language().find(name); }

const AttrSpec* find_attribute(const ElementSpec& element, std::string_view name) {
    for (const auto& a : element.attributes) {
        if (a.name == name) return &a;
    }
    return nullptr;
}

static std::vector<std::string> names_in(const std::vector<ElementSpec>& table,
                                         Category category) {
    std::vector<std::string> names;
    for (const auto& e : table) {
        if (e.category == category) names.push_back(e.name);
    }
    return names;
}

std::vector<std::string> element_names(Category category) {
    return names_in(schema(), category);
}

std::vector<std::string> attribute_names(const ElementSpec& element) {
    std::vector<std::string> names;
    for (const auto& a : element.attributes) names.push_back(a.name);
    return names;
}

std::vector<std::string> XmlLanguage::allowed_children(const ElementSpec& parent) const {
    switch (parent.content) {
        case Content::Empty:
            return {};
        case Content::Elements:
            return parent.children;
        case Content::Flow:
            return names_in(*elements, Category::Flow);
        case Content::Inline:
            return names_in(*elements, Category::Inline);
    }
    return {};
}

std::vector<std::string> allowed_children(const ElementSpec& parent) {
    return layout_language().allowed_children(parent);
}

bool allows_child(const ElementSpec& parent, const ElementSpec& child) {
    switch (parent.content) {
        case Content::Empty:
            return false;
        case Content::Flow:
            return child.category == Category::Flow;
        case Content::Inline:
            return child.category == Category::Inline;
        case Content::Elements:
            for (const auto& name : parent.children) {
                if (name == child.name) return true;
            }
            return false;
    }
    return false;
}

static std::string join(const std::vector<std::string>& words, const char* separator) {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : separator) + w;
    return s;
}

// Whole numbers print as such ("1..1000000", not "1.000000.." or "1e+06").
static std::string number_text(double v) {
    char buffer[32];
    if (v == static_cast<double>(static_cast<long long>(v))) {
        std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(v));
    } else {
        std::snprintf(buffer, sizeof buffer, "%g", v);
    }
    return buffer;
}

static std::string range_text(const AttrSpec& attr) {
    if (attr.min >= attr.max) return "";
    // Built with append: GCC 12 at -O2 warns falsely (-Wrestrict) on "literal" + std::string.
    std::string text = " ";
    text += number_text(attr.min);
    text += "..";
    text += number_text(attr.max);
    return text;
}

std::string type_name(const AttrSpec& attr) {
    switch (attr.type) {
        case AttrType::String:
            return "string";
        case AttrType::ExpressionText:
            return "expression-text";
        case AttrType::Name:
            return "name";
        case AttrType::Length:
            return "length";
        case AttrType::LengthOrPercent:
            return "length or %";
        case AttrType::Extent:
            return "length, % or fr";
        case AttrType::Lengths:
            return "lengths";
        case AttrType::Color:
            return "color";
        case AttrType::HexColor:
            return "hex color";
        case AttrType::StyleRef:
            return "style-ref";
        case AttrType::PageMasterRef:
            return "page-master-ref";
        case AttrType::ComponentRef:
            return "component-ref";
        case AttrType::Bool:
            return "bool";
        case AttrType::Int:
            return "int" + range_text(attr);
        case AttrType::Number:
            return "number" + range_text(attr);
        case AttrType::Enum:
            return join(attr.choices, " | ");
        case AttrType::PageSize:
            return "page-size";
        case AttrType::Path:
            return "path";
        case AttrType::File:
            return "file";
        case AttrType::Filter:
            return "filter";
        case AttrType::FontWeight:
            return "font-weight";
        case AttrType::LineHeight:
            return "line-height";
    }
    return "string";
}

std::string expected_form(const AttrSpec& attr) {
    switch (attr.type) {
        case AttrType::String:
        case AttrType::ExpressionText:
            return "any text";
        case AttrType::Name:
            return "a name of letters, digits, '-' and '_'";
        case AttrType::Length:
            return "a length such as 12mm, 1.5cm, 10pt or 1in (a bare number "
                   "is points)";
        case AttrType::LengthOrPercent:
            return "a length such as 12mm, 10pt or 1in, or a "
                   "percentage such as 50%";
        case AttrType::Extent:
            return "a length such as 40mm, a percentage such as 50% or a "
                   "share such as 2fr";
        case AttrType::Lengths:
            return "1 to 4 lengths (top right bottom left), such as "
                   "'20mm' or '22mm 20mm 24mm 20mm'";
        case AttrType::Color:
            return "#rgb, #rrggbb, #rrggbbaa or a palette name";
        case AttrType::HexColor:
            return "#rgb, #rrggbb or #rrggbbaa";
        case AttrType::StyleRef:
            return "the name of a <style>";
        case AttrType::PageMasterRef:
            return "the name of a <page-master>";
        case AttrType::ComponentRef:
            return "the name of a <component>";
        case AttrType::Bool:
            return "true or false";
        case AttrType::Int:
            return "a whole number" + range_text(attr);
        case AttrType::Number:
            return "a number" + range_text(attr);
        case AttrType::Enum:
            return "one of: " + join(attr.choices, ", ");
        case AttrType::PageSize:
            return "A3, A4, A5, A6, A7, B5, Letter, Legal, or width and "
                   "height such as '210mm 297mm'";
        case AttrType::Path:
            return "a data path such as project.phases";
        case AttrType::File:
            return "a PNG, JPEG or SVG file, relative to the layout file";
        case AttrType::Filter:
            return "field=value or field!=value";
        case AttrType::FontWeight:
            return "100..900, or thin, extralight, light, normal, medium, "
                   "semibold, bold, extrabold, black";
        case AttrType::LineHeight:
            return "a multiple of the font size such as 1.4, or a length "
                   "such as 14pt";
    }
    return "any text";
}

}  // namespace dw::layout

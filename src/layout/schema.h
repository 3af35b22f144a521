#pragma once
#include <string>
#include <string_view>
#include <vector>

// The layout language, declared once. The reader validates against this table, "did you mean"
// hints draw their candidates from it, and docs/layout-reference.md is generated from it, so the
// three can never disagree.
namespace dw::layout {

enum class AttrType {
    String,           // any text
    ExpressionText,   // text that may hold {{expressions}}
    Name,             // an identifier: letters, digits, '-', '_'
    Length,           // absolute: 12mm, 1.5cm, 10pt, 1in, bare number = pt
    LengthOrPercent,  // absolute or a percentage of a reference
    Extent,           // absolute, percentage or fraction (2fr) of the remaining space
    Lengths,          // 1 to 4 absolute lengths in CSS margin order
    Color,            // #rgb, #rrggbb, #rrggbbaa or a palette name
    HexColor,         // #rgb, #rrggbb, #rrggbbaa only (palette entries)
    StyleRef,         // name of a <style>
    PageMasterRef,    // name of a <page-master>
    ComponentRef,     // name of a <component>
    Bool,             // true | false
    Int,              // whole number, optionally within [min, max]
    Number,           // decimal number, optionally within [min, max]
    Enum,             // one of AttrSpec::choices
    PageSize,         // A3..A7, B5, Letter, Legal, or "W H"
    Path,             // a data path: project.phases
    File,             // an image file relative to the layout file
    Filter,           // field=value or field!=value
    FontWeight,       // 100..900 or thin, light, normal, medium, semibold, bold, black...
    LineHeight,       // multiplier (1.4) or length (14pt)
};

struct AttrSpec {
    std::string name;
    AttrType type = AttrType::String;
    std::string default_value;         // as it would be written in a layout; "" = none
    std::string doc;                   // one line
    std::vector<std::string> choices;  // AttrType::Enum
    double min = 0, max = 0;           // Int and Number: checked when min < max
    // Length-valued types (Length, LengthOrPercent, Extent, Lengths, PageSize): min and max are
    // the range in points when min < max, else the default of layout/length_range.h; and the
    // range of a percentage.
    double min_percent = 0, max_percent = 100;
    bool required = false;
};

// What an element may contain.
enum class Content {
    Empty,     // no children, no text
    Elements,  // only the elements named in ElementSpec::children
    Flow,      // flow content: any Category::Flow element
    Inline,    // character data with {{expressions}} and Category::Inline elements
};

enum class Category { Structure, Flow, Inline };

// How often an element may appear inside its parent (for Content::Elements parents).
enum class Occurs { Any, AtMostOnce, ExactlyOnce };

struct ElementSpec {
    std::string name;
    std::string doc;  // one line
    Category category = Category::Structure;
    Content content = Content::Empty;
    std::vector<std::string> children;  // Content::Elements only
    std::vector<AttrSpec> attributes;
    Occurs occurs = Occurs::Any;
    bool expressions = false;  // may attribute values hold {{expressions}}?
};

// The whole language, root element first.
const std::vector<ElementSpec>& schema();

// An XML language the node reader checks a file against: the layout language, or another one
// declared the same way (the batch manifest). `what` names its files in messages ("layout").
struct XmlLanguage {
    const std::vector<ElementSpec>* elements = nullptr;
    std::string root;
    std::string what;
    std::string root_hint;  // how a file of this language starts

    const ElementSpec* find(std::string_view name) const;
    // The element names allowed directly inside `parent` (empty for Content::Empty).
    std::vector<std::string> allowed_children(const ElementSpec& parent) const;
};

const XmlLanguage& layout_language();

const ElementSpec* find_element(std::string_view name);
const AttrSpec* find_attribute(const ElementSpec& element, std::string_view name);

std::vector<std::string> element_names(Category category);
std::vector<std::string> attribute_names(const ElementSpec& element);
// The element names allowed directly inside `parent` (empty for Content::Empty).
std::vector<std::string> allowed_children(const ElementSpec& parent);
bool allows_child(const ElementSpec& parent, const ElementSpec& child);

// Human descriptions of a type, for hints and the reference document.
std::string type_name(const AttrSpec& attr);      // "length", "one of: left, right"
std::string expected_form(const AttrSpec& attr);  // "a length such as 12mm, 1.5cm, 10pt or 1in"

}  // namespace dw::layout

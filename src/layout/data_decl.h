#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/source_loc.h"

namespace dw::layout {

struct Node;

// The data a layout takes, declared in the layout with <data> and <field> (see the schema
// table). It checks the layout's {{paths}} when the layout is read (data_use_check.h), the data
// before binding (bind/data_validation.h), and it writes starter files and JSON Schema.
enum class FieldType { Text, RichText, Date, DateOrMonth, Number, Bool, Enum, List, Map };

struct FieldDecl {
    std::string name;
    FieldType type = FieldType::Text;
    // List: the type of each item when it has no fields (a list of text); with fields each item
    // is a map of them.
    FieldType item_type = FieldType::Text;
    std::vector<std::string> values;  // Enum (also for a list of enum items)
    // "list.field": a value not among that field of the document's list is a warning (an
    // action's owner who is not an attendee); "" = any value.
    std::string one_of;
    bool required = false;
    bool has_default = false;
    std::string default_value;
    std::string doc;
    std::string example;            // for starter files; "" = made up from the type
    std::vector<FieldDecl> fields;  // Map, or the items of a List
    SourceLoc loc;

    const FieldDecl* find(std::string_view field) const;
    std::vector<std::string> field_names() const;
    // Whether a list's items are maps of `fields`.
    bool has_item_fields() const { return type == FieldType::List && !fields.empty(); }
};

// The kinds of data file a layout can take.
enum class DataFormat { Markdown, Yaml, Csv };

struct DataDecl {
    DataFormat format = DataFormat::Yaml;
    // The root: a map of fields (Markdown front matter, YAML), or for CSV a list whose items
    // are the rows, with a field per column. A component's data may be either.
    FieldDecl root;
    SourceLoc loc;
};

struct DataDecls {
    bool declared = false;  // the layout has a <data> for its document or deck
    DataDecl document;
    std::map<std::string, DataDecl> components;  // <data component="postits">
};

const char* field_type_name(FieldType type);
const char* data_format_name(DataFormat format);  // "Markdown with front matter", ...
// The format of a data file by its extension; false for an unknown extension.
bool data_format_of_file(const std::string& path, DataFormat& format);

// Reads the <data> elements of a layout's root (already checked against the schema); reports
// declarations that contradict themselves (an enum without values, a default not of the type).
DataDecls read_data_decls(const Node& root, Diagnostics& diags);

}  // namespace dw::layout

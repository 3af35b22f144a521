#include "layout/data_decl.h"

#include <filesystem>

#include "layout/layout.h"

namespace dw::layout {
namespace {

FieldType parse_type(const std::string& text) {
    static const std::pair<const char*, FieldType> kTypes[] = {
        {"text", FieldType::Text},     {"richtext", FieldType::RichText},
        {"date", FieldType::Date},     {"date-or-month", FieldType::DateOrMonth},
        {"number", FieldType::Number}, {"bool", FieldType::Bool},
        {"enum", FieldType::Enum},     {"list", FieldType::List},
        {"map", FieldType::Map}};
    for (const auto& [name, type] : kTypes)
        if (text == name) return type;
    return FieldType::Text;  // the schema allows only the names above
}

// "yellow pink blue" or "yellow, pink, blue"
std::vector<std::string> split_values(const std::string& text) {
    std::vector<std::string> values;
    std::string word;
    for (char c : text + " ") {
        if (c == ' ' || c == ',' || c == '\t' || c == '\n') {
            if (!word.empty()) values.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return values;
}

class DeclReader {
public:
    explicit DeclReader(Diagnostics& diags) : diags_(diags) {}

    FieldDecl read_field(const Node& node) {
        FieldDecl f;
        f.name = node.attribute_or("name", "");
        f.type = parse_type(node.attribute_or_default("type"));
        f.doc = node.attribute_or("doc", "");
        f.example = node.attribute_or("example", "");
        f.required = node.attribute_or("required", "false") == "true";
        f.loc = node.loc;
        if (const std::string* def = node.attribute("default")) {
            f.has_default = true;
            f.default_value = *def;
        }
        if (const std::string* of = node.attribute("of")) f.item_type = parse_type(*of);
        f.values = split_values(node.attribute_or("values", ""));
        f.one_of = node.attribute_or("one-of", "");
        read_children(node, f);
        check(node, f);
        return f;
    }

    void read_children(const Node& node, FieldDecl& f) {
        std::map<std::string, SourceLoc> seen;
        for (const auto& child : node.children) {
            if (child.element != "field") continue;
            FieldDecl field = read_field(child);
            if (auto [it, fresh] = seen.emplace(field.name, child.loc); !fresh) {
                diags_.error(child.attribute_loc("name"), "duplicate field '" + field.name + "'",
                             "the first is on line " + std::to_string(it->second.line));
                continue;
            }
            f.fields.push_back(std::move(field));
        }
    }

private:
    void check(const Node& node, const FieldDecl& f) {
        bool enum_like = f.type == FieldType::Enum ||
                         (f.type == FieldType::List && f.item_type == FieldType::Enum);
        if (enum_like && f.values.empty())
            diags_.error(node.loc, "field '" + f.name + "' is an enum without values",
                         "list its values: values=\"yellow pink blue\"");
        if (!f.fields.empty() && f.type != FieldType::Map && f.type != FieldType::List)
            diags_.error(
                node.loc,
                "field '" + f.name + "' of type " + field_type_name(f.type) + " cannot hold fields",
                "only type=\"map\" and type=\"list\" (a list of maps) hold <field>s");
        if (f.required && f.has_default)
            diags_.error(node.attribute_loc("default"),
                         "field '" + f.name + "' is required and has a default",
                         "a field with a default may be left out: drop required=\"true\"");
        if (f.has_default && f.type == FieldType::Enum && !f.default_value.empty()) {
            bool known = false;
            for (const auto& v : f.values) known |= v == f.default_value;
            if (!known)
                diags_.error(node.attribute_loc("default"),
                             "default '" + f.default_value + "' is not one of the values");
        }
    }

    Diagnostics& diags_;
};

bool format_by_name(const std::string& name, DataFormat& format) {
    if (name == "markdown")
        format = DataFormat::Markdown;
    else if (name == "yaml")
        format = DataFormat::Yaml;
    else if (name == "csv")
        format = DataFormat::Csv;
    else
        return false;
    return true;
}

}  // namespace

const FieldDecl* FieldDecl::find(std::string_view field) const {
    for (const auto& f : fields)
        if (f.name == field) return &f;
    return nullptr;
}

std::vector<std::string> FieldDecl::field_names() const {
    std::vector<std::string> names;
    names.reserve(fields.size());
    for (const auto& f : fields) names.push_back(f.name);
    return names;
}

const char* field_type_name(FieldType type) {
    switch (type) {
        case FieldType::Text:
            return "text";
        case FieldType::RichText:
            return "richtext";
        case FieldType::Date:
            return "date";
        case FieldType::DateOrMonth:
            return "date-or-month";
        case FieldType::Number:
            return "number";
        case FieldType::Bool:
            return "bool";
        case FieldType::Enum:
            return "enum";
        case FieldType::List:
            return "list";
        case FieldType::Map:
            return "map";
    }
    return "text";
}

const char* data_format_name(DataFormat format) {
    switch (format) {
        case DataFormat::Markdown:
            return "a Markdown file (.md) with YAML front matter";
        case DataFormat::Yaml:
            return "a YAML file (.yaml)";
        case DataFormat::Csv:
            return "a CSV file (.csv) with a header row";
    }
    return "";
}

bool data_format_of_file(const std::string& path, DataFormat& format) {
    std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".md" || ext == ".markdown")
        format = DataFormat::Markdown;
    else if (ext == ".yaml" || ext == ".yml")
        format = DataFormat::Yaml;
    else if (ext == ".csv")
        format = DataFormat::Csv;
    else
        return false;
    return true;
}

DataDecls read_data_decls(const Node& root, Diagnostics& diags) {
    DataDecls decls;
    DeclReader reader(diags);
    for (const auto& node : root.children) {
        if (node.element != "data") continue;
        DataDecl d;
        d.loc = node.loc;
        format_by_name(node.attribute_or_default("format"), d.format);
        d.root.name = node.attribute_or("component", "");
        d.root.type =
            node.attribute_or_default("type") == "list" ? FieldType::List : FieldType::Map;
        if (d.format == DataFormat::Csv) d.root.type = FieldType::List;
        d.root.required = true;
        d.root.doc = node.attribute_or("doc", "");
        reader.read_children(node, d.root);
        if (d.root.name.empty()) {
            if (decls.declared)
                diags.error(node.loc, "a layout has one <data> for its document",
                            "declare a component's data with <data component=\"name\">");
            decls.declared = true;
            decls.document = std::move(d);
        } else if (!decls.components.emplace(d.root.name, d).second) {
            diags.error(node.loc, "duplicate <data> for component '" + d.root.name + "'");
        }
    }
    return decls;
}

}  // namespace dw::layout

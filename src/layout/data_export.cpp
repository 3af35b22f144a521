#include "layout/data_export.h"

#include <cstdio>

#include "layout/collection_decl.h"

namespace dw::layout {
namespace {

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

std::string indent(int level) { return std::string(size_t(level) * 2, ' '); }

// The item of a list of scalars, as a field of its own.
FieldDecl scalar_item(const FieldDecl& list) {
    FieldDecl item;
    item.type = list.item_type;
    item.values = list.values;
    item.example = list.example;
    return item;
}

// The JSON Schema of one field's value, as members of an object (without the braces).
std::vector<std::string> schema_members(const FieldDecl& f, FieldType type, int level);

std::string schema_object(const FieldDecl& f, FieldType type, int level) {
    std::vector<std::string> members = schema_members(f, type, level + 1);
    std::string out = "{\n";
    for (size_t i = 0; i < members.size(); ++i)
        out += indent(level + 1) + members[i] + (i + 1 < members.size() ? ",\n" : "\n");
    return out + indent(level) + "}";
}

std::string properties(const FieldDecl& map, int level) {
    std::string out = "{\n";
    for (size_t i = 0; i < map.fields.size(); ++i) {
        const FieldDecl& f = map.fields[i];
        out += indent(level + 1) + json_string(f.name) + ": " +
               schema_object(f, f.type, level + 1) + (i + 1 < map.fields.size() ? ",\n" : "\n");
    }
    return out + indent(level) + "}";
}

std::vector<std::string> object_members(const FieldDecl& map, int level) {
    std::vector<std::string> members{"\"type\": \"object\"",
                                     "\"properties\": " + properties(map, level),
                                     "\"additionalProperties\": false"};
    std::string required;
    for (const auto& f : map.fields)
        if (f.required) required += (required.empty() ? "" : ", ") + json_string(f.name);
    if (!required.empty()) members.push_back("\"required\": [" + required + "]");
    return members;
}

std::vector<std::string> schema_members(const FieldDecl& f, FieldType type, int level) {
    std::vector<std::string> m;
    if (!f.doc.empty()) m.push_back("\"description\": " + json_string(f.doc));
    if (f.has_default) m.push_back("\"default\": " + json_string(f.default_value));
    switch (type) {
        case FieldType::Text:
        case FieldType::RichText:
            m.push_back("\"type\": \"string\"");
            break;
        case FieldType::Date:
            m.push_back("\"type\": \"string\"");
            m.push_back("\"pattern\": \"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\"");
            break;
        case FieldType::DateOrMonth:
            m.push_back("\"type\": \"string\"");
            m.push_back("\"pattern\": \"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$\"");
            break;
        case FieldType::Number:
            m.push_back("\"type\": [\"number\", \"string\"]");
            break;
        case FieldType::Bool:
            m.push_back("\"type\": \"boolean\"");
            break;
        case FieldType::Enum: {
            std::string values;
            for (const auto& v : f.values) values += (values.empty() ? "" : ", ") + json_string(v);
            m.push_back("\"enum\": [" + values + "]");
            break;
        }
        case FieldType::List: {
            m.push_back("\"type\": \"array\"");
            if (f.fields.empty()) {
                m.push_back("\"items\": " + schema_object(scalar_item(f), f.item_type, level));
            } else {
                FieldDecl item;
                item.fields = f.fields;
                m.push_back("\"items\": " + schema_object(item, FieldType::Map, level));
            }
            break;
        }
        case FieldType::Map:
            for (auto& member : object_members(f, level)) m.push_back(std::move(member));
            break;
    }
    return m;
}

// The front matter of a Markdown file holds every field but its body.
FieldDecl without_rich_text(const FieldDecl& root) {
    FieldDecl front = root;
    front.fields.clear();
    for (const auto& f : root.fields)
        if (f.type != FieldType::RichText) front.fields.push_back(f);
    return front;
}

// ---- starter files ----

std::string example_of(const FieldDecl& f, FieldType type) {
    if (!f.example.empty()) return f.example;
    if (f.has_default) return f.default_value;
    switch (type) {
        case FieldType::Date:
            return "2025-01-31";
        case FieldType::DateOrMonth:
            return "2025-01";
        case FieldType::Number:
            return "1";
        case FieldType::Bool:
            return "false";
        case FieldType::Enum:
            return f.values.empty() ? "" : f.values.front();
        default:
            return "...";
    }
}

std::string yaml_scalar(const std::string& s) {
    bool plain = !s.empty() && s.find(": ") == std::string::npos &&
                 s.find(" #") == std::string::npos && s.find('"') == std::string::npos &&
                 std::string("-?:,[]{}#&*!|>'%@`").find(s.front()) == std::string::npos;
    return plain ? s : json_string(s);
}

void yaml_fields(const FieldDecl& map, int level, std::string& out, bool first_in_item = false,
                 bool comments = true);

void yaml_value(const FieldDecl& f, int level, std::string& out) {
    if (f.type == FieldType::List) {
        out += "\n";
        for (int n = 0; n < 2; ++n) {
            out += indent(level + 1) + "- ";
            if (f.fields.empty()) {
                out += yaml_scalar(example_of(scalar_item(f), f.item_type)) + "\n";
            } else {
                FieldDecl item;
                item.fields = f.fields;
                yaml_fields(item, level + 2, out, true, /*comments=*/n == 0);
            }
        }
    } else if (f.type == FieldType::Map) {
        out += "\n";
        yaml_fields(f, level + 1, out);
    } else {
        out += " " + yaml_scalar(example_of(f, f.type)) + "\n";
    }
}

// Required fields and those with an example are written; the others as a comment.
void yaml_fields(const FieldDecl& map, int level, std::string& out, bool first_in_item,
                 bool comments) {
    for (const auto& f : map.fields) {
        if (f.type == FieldType::RichText) continue;
        // A comment cannot stand between an item's "- " and its first field.
        if (first_in_item) {
            first_in_item = false;
        } else {
            if (comments && !f.doc.empty())
                out += indent(level) + "# " + f.doc + (f.required ? " (required)" : "") + "\n";
            out += indent(level);
        }
        if (!f.required && f.example.empty() && f.type != FieldType::List &&
            f.type != FieldType::Map) {
            out += "# " + f.name + ":" +
                   (f.has_default ? " " + yaml_scalar(f.default_value) + "   (the default)" : "") +
                   "\n";
            continue;
        }
        out += f.name + ":";
        yaml_value(f, level, out);
    }
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(";\",\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_starter(const FieldDecl& root) {
    std::string out;
    for (const auto& f : root.fields) out += (out.empty() ? "" : ";") + f.name;
    out += "\n";
    for (int row = 0; row < 2; ++row) {
        std::string line;
        for (size_t i = 0; i < root.fields.size(); ++i) {
            const FieldDecl& f = root.fields[i];
            std::string value = example_of(f, f.type);
            if (f.type == FieldType::Number && !f.required)
                value.clear();
            else if (f.type == FieldType::Number && row == 1)
                value = "2";
            line += (i ? ";" : "") + csv_field(value);
        }
        out += line + "\n";
    }
    return out;
}

std::string markdown_starter(const Layout& layout) {
    std::string out = "---\n# " + layout.data.document.root.doc + "\n";
    yaml_fields(layout.data.document.root, 0, out);
    out +=
        "---\n\n# Eerste onderwerp\n\nSchrijf hier de tekst, in Markdown: **vet**, *cursief*, "
        "lijsten met - en koppen met #.\n";
    for (const auto& [name, decl] : layout.data.components) {
        out += "\n# " + name + "\n\n```" + name + "\n";
        FieldDecl holder;
        FieldDecl data = decl.root;
        data.name = "x";
        holder.fields.push_back(data);
        std::string block;
        yaml_value(data, -1, block);
        out += block.substr(1) + "```\n";
    }
    return out;
}

// ---- the reference page ----

std::string type_text(const FieldDecl& f) {
    std::string t = field_type_name(f.type);
    if (f.type == FieldType::Enum) {
        t += ": ";
        for (size_t i = 0; i < f.values.size(); ++i)
            t += (i ? ", " : "") + std::string("`" + f.values[i] + "`");
    }
    if (f.type == FieldType::List)
        t = f.fields.empty() ? std::string("list of ") + field_type_name(f.item_type)
                             : "list of maps";
    return t;
}

void reference_rows(const FieldDecl& map, const std::string& prefix, std::string& out) {
    for (const auto& f : map.fields) {
        std::string name = prefix + f.name;
        std::string wanted = f.required      ? "required"
                             : f.has_default ? "default `" + f.default_value + "`"
                                             : "optional";
        out += "| `" + name + "` | " + type_text(f) + " | " + wanted + " | " + f.doc + " |\n";
        if (!f.fields.empty())
            reference_rows(f, name + (f.type == FieldType::List ? "[]." : "."), out);
    }
}

std::string table(const FieldDecl& root) {
    std::string out = "| Field | Type | Given | Description |\n|---|---|---|---|\n";
    reference_rows(root, "", out);
    return out;
}

}  // namespace

std::string data_json_schema(const Layout& layout) {
    const DataDecl& decl = layout.data.document;
    FieldDecl root = decl.format == DataFormat::Markdown ? without_rich_text(decl.root) : decl.root;
    std::vector<std::string> members{
        "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"",
        "\"title\": " + json_string("Data of the layout " + layout.file)};
    for (auto& m : schema_members(root, root.type, 1)) members.push_back(std::move(m));
    if (!layout.data.components.empty()) {
        std::string defs = "{\n";
        size_t i = 0;
        for (const auto& [name, component] : layout.data.components)
            defs += indent(2) + json_string(name) + ": " +
                    schema_object(component.root, component.root.type, 2) +
                    (++i < layout.data.components.size() ? ",\n" : "\n");
        members.push_back("\"$defs\": " + defs + indent(1) + "}");
    }
    std::string out = "{\n";
    for (size_t i = 0; i < members.size(); ++i)
        out += indent(1) + members[i] + (i + 1 < members.size() ? ",\n" : "\n");
    return out + "}\n";
}

std::string data_starter_file(const Layout& layout) {
    const DataDecl& decl = layout.data.document;
    switch (decl.format) {
        case DataFormat::Csv:
            return csv_starter(decl.root);
        case DataFormat::Markdown:
            return markdown_starter(layout);
        case DataFormat::Yaml: {
            std::string out = "# " + decl.root.doc + "\n";
            yaml_fields(decl.root, 0, out);
            return out;
        }
    }
    return "";
}

std::string data_reference_markdown(const Layout& layout, const std::string& layout_path) {
    const DataDecl& decl = layout.data.document;
    std::string out = "# The data of " + layout_path +
                      "\n\n<!-- Generated by `drukwerk schema "
                      "--data-doc " +
                      layout_path + "`; do not edit. -->\n\n" + decl.root.doc +
                      " The layout takes " + data_format_name(decl.format) + ".\n";
    if (decl.format == DataFormat::Csv) out += "The fields are the columns of the header row.\n";
    if (layout.collection_files) {
        out += "It takes many such files at once, each with the data of " +
               layout.collection_files->file + " (checked against it), and binds them as:\n";
        out += "\n" + table(collection_outline(layout));
    } else {
        out += "\n" + table(decl.root);
    }
    for (const auto& [name, component] : layout.data.components) {
        out += "\n## The `" + name + "` block\n\n" + component.root.doc + " Its YAML is " +
               (component.root.type == FieldType::List ? "a list of maps" : "a map") +
               " with these fields.\n\n" + table(component.root);
    }
    out += "\nStart a new file with `drukwerk new " + layout_path +
           " -o FILE`; `drukwerk schema --data " + layout_path +
           "` prints the JSON Schema for editors.\n";
    return out;
}

}  // namespace dw::layout

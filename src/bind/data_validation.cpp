#include "bind/data_validation.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>

#include "bind/dutch_date.h"
#include "data/rich_text.h"
#include "diag/suggest.h"

namespace dw::bind {
namespace {

using data::Value;
using layout::FieldDecl;
using layout::FieldType;

bool is_digits(std::string_view s, size_t from, size_t count) {
    if (from + count > s.size()) return false;
    for (size_t i = from; i < from + count; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

bool is_iso_date(std::string_view s) {
    return s.size() == 10 && is_digits(s, 0, 4) && s[4] == '-' && is_digits(s, 5, 2) &&
           s[7] == '-' && is_digits(s, 8, 2) && parse_date(s);
}

bool is_iso_month(std::string_view s) {
    if (s.size() != 7 || !is_digits(s, 0, 4) || s[4] != '-' || !is_digits(s, 5, 2)) return false;
    int month = std::atoi(std::string(s.substr(5)).c_str());
    return month >= 1 && month <= 12;
}

// "18-03-2025", "18/3/2025" or "18.03.2025" as the ISO date it means, or "" when it is none.
std::string iso_from_day_first(std::string_view s) {
    std::string parts[3];
    int part = 0;
    for (char c : s) {
        if (c == '-' || c == '/' || c == '.') {
            if (++part > 2) return "";
        } else if (c >= '0' && c <= '9') {
            parts[part] += c;
        } else {
            return "";
        }
    }
    if (part != 2 || parts[0].empty() || parts[0].size() > 2 || parts[1].empty() ||
        parts[1].size() > 2 || parts[2].size() != 4)
        return "";
    auto two = [](const std::string& p) { return p.size() == 1 ? "0" + p : p; };
    std::string iso = parts[2] + "-" + two(parts[1]) + "-" + two(parts[0]);
    return is_iso_date(iso) ? iso : "";
}

bool is_number(const std::string& s) {
    if (s.empty()) return false;
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end && *end == '\0';
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

std::string quoted(const std::string& path) { return path.empty() ? "the data" : "'" + path + "'"; }

class Validator {
public:
    Validator(const layout::Layout& layout, const ValidationOptions& options, Diagnostics& diags)
        : layout_(layout), options_(options), diags_(diags) {}

    bool ok() const { return errors_ == 0; }

    void document(Value& data) {
        root_ = &data;
        const layout::DataDecl& decl = layout_.data.document;
        if (decl.format == layout::DataFormat::Csv) {
            rows(data, decl.root);
        } else {
            if (data.is_null()) {  // an empty file: no fields at all
                data = Value::map({options_.data_file, 1, 1});
            }
            value(data, decl.root, "");
        }
    }

private:
    void error(const SourceLoc& loc, std::string message, std::string hint = {}) {
        ++errors_;
        diags_.error(loc, std::move(message), std::move(hint));
    }

    static std::string item_path(const std::string& path, size_t index) {
        return path + "[" + std::to_string(index + 1) + "]";
    }
    static std::string field_path(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }

    // CSV: the header once against the columns, then every row; a row with errors is left out.
    void rows(Value& data, const FieldDecl& decl) {
        if (!data.is_list()) return;
        if (!data.items.empty()) header(data.items.front(), decl);
        std::vector<Value> good;
        good.reserve(data.items.size());
        for (auto& row : data.items) {
            int before = errors_;
            fields(row, decl, "", /*csv_row=*/true);
            if (errors_ == before) good.push_back(std::move(row));
        }
        data.items = std::move(good);
    }

    // A misspelt column is one error at its name; a column the layout does not know, a warning.
    void header(const Value& first_row, const FieldDecl& decl) {
        std::vector<std::string> names = decl.field_names();
        std::vector<size_t> unknowns;
        for (size_t i = 0; i < first_row.fields.size(); ++i)
            if (!decl.find(first_row.fields[i].key)) unknowns.push_back(i);
        std::set<size_t> explained;
        for (const auto& column : decl.fields) {
            if (!column.required || first_row.find(column.name)) continue;
            if (auto typo = misspelling_of(column.name, first_row, unknowns, names)) {
                explained.insert(*typo);
                error(key_loc(first_row.fields[*typo]),
                      "unknown column '" + first_row.fields[*typo].key + "'",
                      "did you mean '" + column.name + "'? (the layout requires it)");
                continue;
            }
            SourceLoc at =
                first_row.fields.empty() ? first_row.loc : first_row.fields.front().key_loc;
            error(at, "the header has no column '" + column.name + "'",
                  "the layout takes the columns " + joined(names));
        }
        for (size_t i : unknowns)
            if (!explained.count(i))
                unknown(first_row.fields[i].key, key_loc(first_row.fields[i]), "column", names);
    }

    void unknown(const std::string& key, const SourceLoc& loc, const std::string& what,
                 const std::vector<std::string>& names) {
        std::string near = closest_match(key, names);
        std::string hint = !near.empty() ? "did you mean '" + near + "'?"
                                         : "the layout does not use it; it takes: " + joined(names);
        if (options_.strict) {
            error(loc, "unknown " + what + " '" + key + "'", hint);
        } else {
            diags_.warning(loc, "unknown " + what + " '" + key + "'", hint);
        }
    }

    void value(Value& v, const FieldDecl& decl, const std::string& path) {
        if (v.is_null()) {
            if (decl.required) {
                error(v.loc, quoted(path) + " is empty", decl.doc);
            } else {
                v = default_value(decl, v.loc);
            }
            return;
        }
        switch (decl.type) {
            case FieldType::List:
                return list(v, decl, path);
            case FieldType::Map:
                if (!v.is_map()) return wrong_shape(v, decl, path);
                return fields(v, decl, path, false);
            case FieldType::RichText:
                if (!v.is_rich() && !v.is_string()) wrong_shape(v, decl, path);
                return;
            default:
                return scalar(v, decl.type, decl, path);
        }
    }

    void list(Value& v, const FieldDecl& decl, const std::string& path) {
        if (!v.is_list()) return wrong_shape(v, decl, path);
        for (size_t i = 0; i < v.items.size(); ++i) {
            Value& item = v.items[i];
            std::string at = item_path(path, i);
            if (!decl.has_item_fields()) {
                scalar(item, decl.item_type, decl, at);
            } else if (!item.is_map()) {
                error(item.loc, quoted(at) + " should be a map of fields (name: value)",
                      "the items of '" + path + "' have the fields " + joined(decl.field_names()));
            } else {
                fields(item, decl, at, false);
            }
        }
    }

    void wrong_shape(const Value& v, const FieldDecl& decl, const std::string& path) {
        static const char* kinds[] = {"empty", "text", "a list", "a map", "rich text"};
        std::string is = kinds[int(v.kind)];
        std::string hint;
        if (decl.type == FieldType::List)
            hint = "write one item per line, each starting with '- '";
        else if (decl.type == FieldType::Map && path.empty())
            hint = "write one field per line (name: value): " + joined(decl.field_names());
        else if (decl.type == FieldType::Map)
            hint = "write its fields indented below it: " + joined(decl.field_names());
        std::string want = decl.type == FieldType::List  ? "a list"
                           : decl.type == FieldType::Map ? "a map of fields"
                                                         : field_type_name(decl.type);
        error(v.loc, quoted(path) + " should be " + want + ", not " + is, hint);
    }

    void scalar(Value& v, FieldType type, const FieldDecl& decl, const std::string& path) {
        if (!v.is_string()) {
            if (v.is_null()) return;
            FieldDecl as = decl;
            as.type = type;
            return wrong_shape(v, as, path);
        }
        if (v.text.empty()) {
            if (decl.required) error(v.loc, quoted(path) + " is empty", decl.doc);
            return;
        }
        if (!decl.one_of.empty()) among(v, decl, path);
        switch (type) {
            case FieldType::Date:
            case FieldType::DateOrMonth:
                return date(v, type, path);
            case FieldType::Number:
                if (!is_number(v.text))
                    error(v.loc, quoted(path) + " is '" + v.text + "', not a number",
                          "write a number such as 2 or 1.5");
                return;
            case FieldType::Bool:
                if (v.text != "true" && v.text != "false")
                    error(v.loc, quoted(path) + " is '" + v.text + "', not true or false");
                return;
            case FieldType::Enum:
                return enumeration(v, decl, path);
            default:
                return;
        }
    }

    void date(const Value& v, FieldType type, const std::string& path) {
        if (is_iso_date(v.text) || (type == FieldType::DateOrMonth && is_iso_month(v.text))) return;
        std::string iso = iso_from_day_first(v.text);
        if (!iso.empty()) {
            error(v.loc, quoted(path) + " is '" + v.text + "', not a date in the form YYYY-MM-DD",
                  "write " + iso + " (year-month-day)");
            return;
        }
        error(v.loc, quoted(path) + " is '" + v.text + "', not a date",
              type == FieldType::Date ? "write dates as YYYY-MM-DD, e.g. 2024-11-12"
                                      : "write a date as YYYY-MM-DD or a month as YYYY-MM");
    }

    // one-of="list.field": the value should be one of that field's values in the document's list.
    void among(const Value& v, const FieldDecl& decl, const std::string& path) {
        size_t dot = decl.one_of.find('.');
        const Value* list = root_ ? root_->find(decl.one_of.substr(0, dot)) : nullptr;
        if (!list || !list->is_list() || list->items.empty()) return;
        std::string key = dot == std::string::npos ? "" : decl.one_of.substr(dot + 1);
        std::vector<std::string> known;
        for (const auto& item : list->items) {
            const Value* field = key.empty() ? &item : item.find(key);
            if (field && field->is_string()) known.push_back(field->text);
        }
        if (std::find(known.begin(), known.end(), v.text) != known.end()) return;
        std::string near = closest_match(v.text, known);
        diags_.warning(v.loc, quoted(path) + " is '" + v.text + "', not one of " + decl.one_of,
                       near.empty() ? "the values are: " + joined(known)
                                    : "did you mean '" + near + "'?");
    }

    void enumeration(const Value& v, const FieldDecl& decl, const std::string& path) {
        for (const auto& allowed : decl.values)
            if (allowed == v.text) return;
        std::string near = closest_match(v.text, decl.values);
        std::string hint = (near.empty() ? "" : "did you mean '" + near + "'? ") +
                           "the values are: " + joined(decl.values);
        error(v.loc, quoted(path) + " is '" + v.text + "', not one of its values", hint);
    }

    // A map's fields: each checked, unknown ones reported, left-out ones filled in. A CSV row's
    // unknown and missing columns were reported once, at the header.
    void fields(Value& map, const FieldDecl& decl, const std::string& path, bool csv_row) {
        std::vector<std::string> names = decl.field_names();
        std::vector<size_t> unknowns;
        for (size_t i = 0; i < map.fields.size(); ++i) {
            data::Field& field = map.fields[i];
            if (const FieldDecl* f = decl.find(field.key)) {
                value(field.value, *f, field_path(path, field.key));
            } else {
                unknowns.push_back(i);
            }
        }
        std::set<size_t> explained;
        std::vector<std::string> missing;
        std::vector<data::Field> added;
        for (const auto& f : decl.fields) {
            if (map.find(f.name)) continue;
            if (!f.required) {
                added.emplace_back(f.name, default_value(f, map.loc));
                continue;
            }
            if (csv_row) continue;
            if (auto typo = misspelling_of(f.name, map, unknowns, names)) {
                explained.insert(*typo);
                const data::Field& field = map.fields[*typo];
                error(key_loc(field), "unknown field '" + field.key + "'",
                      "did you mean '" + f.name + "'? (the layout requires it)");
                continue;
            }
            missing.push_back(f.name);
        }
        report_missing(map, decl, path, missing);
        if (!csv_row)
            for (size_t i : unknowns)
                if (!explained.count(i))
                    unknown(map.fields[i].key, key_loc(map.fields[i]), "field", names);
        for (auto& field : added) map.fields.push_back(std::move(field));
    }

    static const SourceLoc& key_loc(const data::Field& field) {
        return field.key_loc.line ? field.key_loc : field.value.loc;
    }

    static std::optional<size_t> misspelling_of(const std::string& name, const Value& map,
                                                const std::vector<size_t>& unknowns,
                                                const std::vector<std::string>& names) {
        for (size_t i : unknowns)
            if (closest_match(map.fields[i].key, names) == name) return i;
        return std::nullopt;
    }

    // Every required field missing at the top is one cause (an empty file, or a file of another
    // layout), reported once.
    void report_missing(const Value& map, const FieldDecl& decl, const std::string& path,
                        const std::vector<std::string>& missing) {
        if (missing.empty()) return;
        size_t required = 0;
        for (const auto& f : decl.fields) required += f.required;
        if (path.empty() && missing.size() == required && required > 1) {
            error(map.loc, "none of the required fields is given: " + joined(missing),
                  "this layout takes " +
                      std::string(layout::data_format_name(layout_.data.document.format)) +
                      "; `drukwerk new " + layout_.file + " -o FILE` writes a starter file");
            return;
        }
        for (const auto& name : missing) {
            const FieldDecl* f = decl.find(name);
            error(map.loc, "missing field '" + field_path(path, name) + "'",
                  f->doc.empty() ? "the layout requires it" : name + ": " + f->doc);
        }
    }

    // What an optional field that is left out (or empty) stands for.
    static Value default_value(const FieldDecl& decl, const SourceLoc& loc) {
        if (decl.has_default) return Value::string(decl.default_value, loc);
        if (decl.type == FieldType::List) return Value::list(loc);
        if (decl.type == FieldType::Map) {
            Value map = Value::map(loc);
            for (const auto& f : decl.fields)
                map.fields.emplace_back(f.name, default_value(f, loc));
            return map;
        }
        return Value::string("", loc);
    }

public:
    // The data of the components in rich text (```postits), checked as declared.
    void components(Value& data) {
        if (layout_.data.components.empty()) return;
        for (auto& field : data.fields) {
            Value& v = field.value;
            if (!v.is_rich() || !v.rich || !has_components(v.rich->blocks)) continue;
            auto copy = std::make_shared<data::RichText>(*v.rich);
            component_blocks(copy->blocks);
            v.rich = std::move(copy);
        }
    }

private:
    static bool has_components(const std::vector<data::Block>& blocks) {
        for (const auto& b : blocks)
            if (b.kind == data::Block::Kind::Component || has_components(b.children)) return true;
        return false;
    }

    void component_blocks(std::vector<data::Block>& blocks) {
        for (auto& block : blocks) {
            component_blocks(block.children);
            if (block.kind != data::Block::Kind::Component) continue;
            auto it = layout_.data.components.find(block.info);
            if (it == layout_.data.components.end()) continue;
            Value copy = block.data ? *block.data : Value();
            if (copy.loc.line == 0) copy.loc = block.loc;
            value(copy, it->second.root, block.info);
            block.data = std::make_shared<const Value>(std::move(copy));
        }
    }

    const layout::Layout& layout_;
    const ValidationOptions& options_;
    Diagnostics& diags_;
    int errors_ = 0;
    const Value* root_ = nullptr;  // the document, for one-of
};

}  // namespace

bool check_data_format(const std::string& path, const layout::Layout& layout, Diagnostics& diags) {
    if (!layout.data.declared) return true;
    layout::DataFormat format;
    if (!layout::data_format_of_file(path, format)) return true;  // reported by the loader
    layout::DataFormat wanted = layout.data.document.format;
    if (format == wanted) return true;
    diags.error({path, 1, 1},
                "this is " + std::string(layout::data_format_name(format)) + ", but the layout '" +
                    layout.file + "' takes " + layout::data_format_name(wanted),
                "give the layout its kind of data file, or choose the layout made for this one");
    return false;
}

bool validate_data(data::Value& data, const layout::Layout& layout,
                   const ValidationOptions& options, Diagnostics& diags) {
    if (!layout.data.declared && layout.data.components.empty()) return true;
    Validator validator(layout, options, diags);
    if (layout.data.declared) validator.document(data);
    validator.components(data);
    return validator.ok();
}

}  // namespace dw::bind

#include "data/yaml_loader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <unordered_map>
#include <vector>

#include "data/line_index.h"
#include "data/text_file.h"
#include "data/utf8_check.h"
#include "data/yaml_guard.h"
#include "data/yaml_hints.h"

namespace dw::data {

namespace {

// Aliases share nodes, so a few lines of "billion laughs" YAML expand to an enormous tree; this
// caps the values one parse may produce, far above any real data file.
constexpr size_t kMaxValues = 1'000'000;

// Turns yaml-cpp nodes into Values with file positions, checking what yaml-cpp lets through:
// duplicate keys, aliases that contain themselves, and alias bombs.
class YamlConverter {
public:
    YamlConverter(std::string_view text, const SourceLoc& origin, Diagnostics& diags)
        : index_(text), origin_(origin), diags_(diags) {}

    SourceLoc loc_of(const YAML::Mark& mark) const;
    Value convert(const YAML::Node& node);

private:
    Value convert_map(const YAML::Node& node, const SourceLoc& loc);
    Value convert_list(const YAML::Node& node, const SourceLoc& loc);
    std::string key_text(const YAML::Node& key);
    bool refers_to_ancestor(const YAML::Node& node, const SourceLoc& loc);
    bool within_budget(const SourceLoc& loc);

    LineIndex index_;
    SourceLoc origin_;
    Diagnostics& diags_;
    std::vector<YAML::Node> ancestors_;  // the lists and maps being converted, outermost first
    size_t values_made_ = 0;
};

SourceLoc YamlConverter::loc_of(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return origin_;
    int col = index_.char_column(mark.line + 1, mark.column + 1);  // yaml-cpp counts from 0
    return {origin_.file, origin_.line + mark.line, origin_.col - 1 + col};
}

Value YamlConverter::convert(const YAML::Node& node) {
    SourceLoc loc = loc_of(node.Mark());
    if (!within_budget(loc)) return Value{};
    switch (node.Type()) {
        case YAML::NodeType::Scalar:
            return Value::string(node.Scalar(), loc);
        case YAML::NodeType::Sequence:
            return convert_list(node, loc);
        case YAML::NodeType::Map:
            return convert_map(node, loc);
        default: {
            Value null;
            null.loc = loc;
            return null;
        }
    }
}

Value YamlConverter::convert_list(const YAML::Node& node, const SourceLoc& loc) {
    Value list = Value::list(loc);
    if (refers_to_ancestor(node, loc)) return list;
    ancestors_.push_back(node);
    for (const auto& item : node) list.items.push_back(convert(item));
    ancestors_.pop_back();
    return list;
}

Value YamlConverter::convert_map(const YAML::Node& node, const SourceLoc& loc) {
    Value map = Value::map(loc);
    if (refers_to_ancestor(node, loc)) return map;
    ancestors_.push_back(node);
    std::unordered_map<std::string, int> first_line;  // key → line it was first defined on
    for (const auto& entry : node) {
        SourceLoc key_loc = loc_of(entry.first.Mark());
        std::string key = key_text(entry.first);
        auto [seen, fresh] = first_line.emplace(key, key_loc.line);
        if (!fresh) {
            diags_.error(key_loc,
                         "duplicate key '" + key + "' (first defined on line " +
                             std::to_string(seen->second) + ")",
                         "a key may appear once in a map; remove or rename one of them");
            continue;  // keep the first, as the message says
        }
        Value value = convert(entry.second);
        // yaml-cpp marks an empty value ("date:") at the next token, often lines below; the key
        // is where the user wrote it.
        if (value.is_null() && value.loc.line != key_loc.line) value.loc = key_loc;
        map.fields.emplace_back(std::move(key), std::move(value));
    }
    ancestors_.pop_back();
    return map;
}

// Flow-style text of a value, for keys that are lists or maps ("? [a, b]: x").
std::string flow_text(const Value& v) {
    std::string s;
    switch (v.kind) {
        case Value::Kind::String:
            return v.text;
        case Value::Kind::List:
            for (const auto& item : v.items) s += (s.empty() ? "" : ", ") + flow_text(item);
            return "[" + s + "]";
        case Value::Kind::Map:
            for (const auto& [k, item] : v.fields)
                s += (s.empty() ? "" : ", ") + k + ": " + flow_text(item);
            return "{" + s + "}";
        default:
            return "null";
    }
}

std::string YamlConverter::key_text(const YAML::Node& key) {
    if (key.IsScalar()) return key.Scalar();  // numbers and booleans too, as written
    return flow_text(convert(key));
}

bool YamlConverter::refers_to_ancestor(const YAML::Node& node, const SourceLoc& loc) {
    for (const auto& ancestor : ancestors_)
        if (ancestor.is(node)) {
            diags_.error(loc, "an alias refers to the list or map that contains it",
                         "an alias '*name' cannot be used inside its own anchor '&name'");
            return true;
        }
    return false;
}

bool YamlConverter::within_budget(const SourceLoc& loc) {
    if (++values_made_ < kMaxValues) return true;
    if (values_made_ == kMaxValues)
        diags_.error(
            loc, "aliases expand this YAML to more than " + std::to_string(kMaxValues) + " values",
            "use fewer nested aliases ('*name')");
    return false;
}

// yaml-cpp 0.7 silently starts a new document at a line that does not fit the structure above
// it ("- a" then "b: 1"), so any document after the first is reported, never dropped.
void report_extra_document(std::string_view text, const SourceLoc& at, int line_in_text,
                           Diagnostics& diags) {
    if (follows_document_marker(text, line_in_text))
        diags.error(at, "a second YAML document starts here; drukwerk reads one per file",
                    "remove the '---' line above, or put each document in its own file");
    else
        diags.error(at, "this line does not fit in the list or map above it",
                    "check the indentation; the top level holds either a list or a map");
}

// The last '[' or '{' that no bracket closes, outside quotes and comments.
std::optional<YAML::Mark> unclosed_flow_opener(std::string_view text) {
    std::vector<YAML::Mark> open;
    YAML::Mark at = YAML::Mark::null_mark();
    at.pos = at.line = at.column = 0;
    char quote = 0;
    bool comment = false;
    for (size_t i = 0; i < text.size(); ++i, ++at.pos, ++at.column) {
        char c = text[i];
        if (c == '\n') {
            at.line++;
            at.column = -1;
            comment = false;
            continue;
        }
        if (comment) continue;
        if (quote) {
            if (c == quote) quote = 0;
        } else if ((c == '"' || c == '\'') &&
                   (i == 0 || std::string_view(" \t[{,:-\n").find(text[i - 1]) != std::string_view::npos)) {
            quote = c;  // a quote starts a scalar only at its beginning ("collega's" is plain)
        } else if (c == '#' && (i == 0 || text[i - 1] == ' ')) {
            comment = true;
        } else if (c == '[' || c == '{') {
            open.push_back(at);
        } else if ((c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
        }
    }
    if (open.empty()) return std::nullopt;
    return open.back();
}

// Where yaml-cpp would loop forever (see yaml_guard.h): the token it cannot place.
void report_stall(std::string_view text, const TextPosition& at, const YamlConverter& converter,
                  Diagnostics& diags) {
    YAML::Mark mark;
    mark.line = at.line;
    mark.column = at.col;
    size_t offset = 0;
    for (int line = 0; line < at.line && offset != text.npos; ++line) {
        offset = text.find('\n', offset);
        if (offset != text.npos) ++offset;
    }
    char c = offset == text.npos || offset + size_t(at.col) >= text.size() ? ' ' : text[offset + size_t(at.col)];
    if (c == ',') {
        diags.error(converter.loc_of(mark), "unexpected ','",
                    "commas separate items only inside [ ] and { }; quote the text (\", ...\") "
                    "when the comma belongs to it");
    } else {
        diags.error(converter.loc_of(mark), "YAML syntax error", "check the syntax at this point");
    }
}

}  // namespace

std::optional<Value> parse_yaml(std::string_view text, const SourceLoc& origin,
                                Diagnostics& diags) {
    SourceLoc start{origin.file, origin.line > 0 ? origin.line : 1,
                    origin.col > 0 ? origin.col : 1};
    text = strip_bom(text);
    if (!check_utf8(text, start, diags)) return std::nullopt;
    YamlConverter converter(text, start, diags);
    if (auto stall = find_parser_stall(text)) {
        report_stall(text, *stall, converter, diags);
        return std::nullopt;
    }
    try {
        std::vector<YAML::Node> docs = YAML::LoadAll(std::string(text));
        if (docs.empty()) {
            Value empty;
            empty.loc = start;
            return empty;
        }
        if (docs.size() > 1) {
            report_extra_document(text, converter.loc_of(docs[1].Mark()), docs[1].Mark().line,
                                  diags);
            return std::nullopt;
        }
        return converter.convert(docs[0]);
    } catch (const YAML::DeepRecursion& e) {
        diags.error(converter.loc_of(e.mark), "YAML nested too deeply",
                    "lists and maps may nest at most a few hundred levels; is this file generated?");
    } catch (const YAML::Exception& e) {
        diags.error(converter.loc_of(e.mark), e.msg, yaml_error_hint(e.msg));
        // yaml-cpp notices an unclosed '[' or '{' only where the text ends: point at the opener.
        if (e.msg.find("flow not found") != std::string::npos)
            if (auto opener = unclosed_flow_opener(text))
                diags.add({Severity::Note, converter.loc_of(*opener),
                           "the '" + std::string(1, text[size_t(opener->pos)]) +
                               "' opened here is never closed",
                           {}});
    } catch (const std::exception& e) {
        diags.error(start, std::string("cannot read YAML: ") + e.what());
    }
    return std::nullopt;
}

std::optional<Value> parse_yaml(std::string_view text, const std::string& file, int first_line,
                                Diagnostics& diags) {
    return parse_yaml(text, SourceLoc{file, first_line, 1}, diags);
}

std::optional<Value> load_yaml_file(const std::string& path, Diagnostics& diags) {
    std::optional<std::string> bytes = read_text_file(path, diags);
    if (!bytes) return std::nullopt;
    return parse_yaml(*bytes, path, 1, diags);
}

}  // namespace dw::data

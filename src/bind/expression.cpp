#include "bind/expression.h"

#include <glib.h>

#include <algorithm>

#include "bind/dutch_date.h"
#include "data/rich_text.h"
#include "diag/suggest.h"

namespace dw::bind {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

// Splits on `separator` outside double quotes.
std::vector<std::string_view> split_outside_quotes(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    bool quoted = false;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '"') quoted = !quoted;
        if (s[i] == separator && !quoted) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(s.substr(start));
    return parts;
}

const std::vector<std::string>& filter_names() {
    static const std::vector<std::string> names{"upper", "lower", "date-nl", "date-nl-short",
                                                "date-iso", "join", "default", "count", "first"};
    return names;
}

struct Filter {
    std::string name;
    std::string argument;
    bool has_argument = false;
};

std::optional<Filter> parse_filter(std::string_view text, const SourceLoc& loc, Diagnostics& diags) {
    text = trim(text);
    Filter f;
    size_t paren = text.find('(');
    f.name = std::string(trim(text.substr(0, paren)));
    if (paren != std::string_view::npos) {
        std::string_view arg = trim(text.substr(paren + 1));
        if (arg.empty() || arg.back() != ')') {
            diags.error(loc, "filter '" + f.name + "' has no closing ')'",
                        "write arguments as " + f.name + "(\"text\")");
            return std::nullopt;
        }
        arg = trim(arg.substr(0, arg.size() - 1));
        if (arg.size() >= 2 && arg.front() == '"' && arg.back() == '"') arg = arg.substr(1, arg.size() - 2);
        f.argument = std::string(arg);
        f.has_argument = true;
    }
    if (std::find(filter_names().begin(), filter_names().end(), f.name) == filter_names().end()) {
        diags.error(loc, "unknown filter '" + f.name + "'", suggestion_hint(f.name, filter_names()));
        return std::nullopt;
    }
    return f;
}

std::string utf8_case(const std::string& s, bool upper) {
    gchar* converted = upper ? g_utf8_strup(s.c_str(), -1) : g_utf8_strdown(s.c_str(), -1);
    std::string out = converted ? converted : s;
    g_free(converted);
    return out;
}

// A filter turns the value (as text, or the value itself for list filters) into text.
std::string apply_filter(const Filter& f, const data::Value* value, const std::string& text,
                         const SourceLoc& loc, Diagnostics& diags) {
    if (f.name == "upper") return utf8_case(text, true);
    if (f.name == "lower") return utf8_case(text, false);
    if (f.name == "default") return text.empty() ? f.argument : text;
    if (f.name == "count") return std::to_string(value && value->is_list() ? value->items.size() : 0);
    if (f.name == "first")
        return value && value->is_list() && !value->items.empty()
                   ? value_text(value->items.front(), loc, diags)
                   : text;
    if (f.name == "join") {
        if (!value || !value->is_list()) return text;
        std::string sep = f.has_argument ? f.argument : ", ", out;
        for (const auto& item : value->items) out += (out.empty() ? "" : sep) + value_text(item, loc, diags);
        return out;
    }
    // date filters
    auto date = parse_date(text);
    if (!date) {
        diags.error(value ? value->loc : loc, "'" + text + "' is not a date",
                    "write dates as YYYY-MM-DD, e.g. 2024-11-12");
        return text;
    }
    if (f.name == "date-nl") return dutch_long_date(*date);
    if (f.name == "date-nl-short") return dutch_short_date(*date);
    return iso_date(*date);
}

SourceLoc offset_loc(const SourceLoc& loc, std::string_view text, size_t offset) {
    SourceLoc at = loc;
    std::string_view before = text.substr(0, offset);
    if (before.find('\n') == std::string_view::npos && at.col > 0) at.col += int(offset);
    return at;
}

Piece evaluate_expression(std::string_view expr, const SourceLoc& loc, ExpressionContext& ctx) {
    auto parts = split_outside_quotes(expr, '|');
    std::string_view path = trim(parts[0]);
    if (path == "page" || path == "pages") {
        if (!ctx.page_fields_allowed)
            ctx.diags.error(loc, "{{" + std::string(path) + "}} is only known in a header or footer");
        return {"", path == "page" ? Span::Field::PageNumber : Span::Field::PageCount};
    }
    const data::Value* value = resolve_path(path, loc, ctx);
    std::string text = value ? value_text(*value, loc, ctx.diags) : std::string();
    if (value && value->is_list()) text.clear();  // list filters see the value itself
    for (size_t i = 1; i < parts.size(); ++i) {
        auto filter = parse_filter(parts[i], loc, ctx.diags);
        if (!filter) continue;
        if (value && value->is_list() && (filter->name == "upper" || filter->name == "lower"))
            text = value_text(*value, loc, ctx.diags);
        text = apply_filter(*filter, i == 1 ? value : nullptr, text, loc, ctx.diags);
    }
    if (value && value->is_list() && parts.size() == 1) text = value_text(*value, loc, ctx.diags);
    return {text, Span::Field::None};
}

}  // namespace

std::string value_text(const data::Value& v, const SourceLoc& loc, Diagnostics& diags) {
    switch (v.kind) {
        case data::Value::Kind::Null: return "";
        case data::Value::Kind::String: return v.text;
        case data::Value::Kind::List: {
            std::string out;
            for (const auto& item : v.items) out += (out.empty() ? "" : ", ") + value_text(item, loc, diags);
            return out;
        }
        case data::Value::Kind::Map:
            diags.error(loc, "a map cannot be printed as text",
                        "name one of its fields: " + suggestion_hint("", v.keys()));
            return "";
        case data::Value::Kind::Rich:
            diags.error(loc, "rich text cannot be used inside text", "use <richtext source=\"...\"/>");
            return "";
    }
    return "";
}

const data::Value* resolve_path(std::string_view path, const SourceLoc& loc, ExpressionContext& ctx,
                                bool report) {
    auto names = split_outside_quotes(path, '.');
    std::string first(trim(names[0]));
    if (first.empty()) {
        if (report) ctx.diags.error(loc, "empty expression", "write {{field}} or {{item.field}}");
        return nullptr;
    }
    const data::Value* value = ctx.scope.lookup(first);
    if (!value) {
        if (report)
            ctx.diags.error(loc, "unknown field '" + first + "'",
                            suggestion_hint(first, ctx.scope.visible_names()));
        return nullptr;
    }
    std::string walked = first;
    for (size_t i = 1; i < names.size(); ++i) {
        std::string name(trim(names[i]));
        const data::Value* next = nullptr;
        if (value->is_list() && !name.empty() && std::all_of(name.begin(), name.end(), ::isdigit)) {
            size_t index = std::stoul(name);
            if (index < value->items.size()) next = &value->items[index];
        } else {
            next = value->find(name);
        }
        if (!next) {
            if (report)
                ctx.diags.error(loc, "'" + walked + "' has no field '" + name + "'",
                                value->is_map() ? suggestion_hint(name, value->keys())
                                                : "'" + walked + "' is not a map");
            return nullptr;
        }
        value = next;
        walked += "." + name;
    }
    return value;
}

const data::Value* resolve_reference(std::string_view attribute, const SourceLoc& loc,
                                     ExpressionContext& ctx) {
    std::string_view path = trim(attribute);
    if (path.size() >= 4 && path.substr(0, 2) == "{{" && path.substr(path.size() - 2) == "}}")
        path = trim(path.substr(2, path.size() - 4));
    return resolve_path(path, loc, ctx);
}

bool is_truthy(const data::Value* v) {
    if (!v) return false;
    switch (v->kind) {
        case data::Value::Kind::Null: return false;
        case data::Value::Kind::String: return !v->text.empty() && v->text != "false";
        case data::Value::Kind::List: return !v->items.empty();
        case data::Value::Kind::Map: return !v->fields.empty();
        case data::Value::Kind::Rich: return v->rich && !v->rich->blocks.empty();
    }
    return false;
}

std::vector<Piece> evaluate_template(std::string_view text, const SourceLoc& loc,
                                     ExpressionContext& ctx) {
    std::vector<Piece> pieces;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t open = text.find("{{", pos);
        if (open == std::string_view::npos) {
            pieces.push_back({std::string(text.substr(pos))});
            break;
        }
        if (open > pos) pieces.push_back({std::string(text.substr(pos, open - pos))});
        size_t close = text.find("}}", open + 2);
        SourceLoc at = offset_loc(loc, text, open);
        if (close == std::string_view::npos) {
            ctx.diags.error(at, "'{{' without a closing '}}'", "write {{field}}");
            break;
        }
        pieces.push_back(evaluate_expression(text.substr(open + 2, close - open - 2), at, ctx));
        pos = close + 2;
    }
    return pieces;
}

std::string evaluate_string(std::string_view text, const SourceLoc& loc, ExpressionContext& ctx) {
    std::string out;
    for (const auto& piece : evaluate_template(text, loc, ctx)) out += piece.text;
    return out;
}

}  // namespace dw::bind

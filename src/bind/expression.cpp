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

// What a filter chain carries: a data value (so list filters see the list) or, after a text
// filter, plain text.
struct Current {
    const data::Value* value = nullptr;
    std::string text;
    bool is_text = false;

    std::string as_text(const SourceLoc& loc, Diagnostics& diags) const {
        if (is_text) return text;
        return value ? value_text(*value, loc, diags) : std::string();
    }
    static Current of_text(std::string t) { return {nullptr, std::move(t), true}; }
};

Current apply_filter(const Filter& f, const Current& in, const SourceLoc& loc, Diagnostics& diags) {
    const data::Value* list = !in.is_text && in.value && in.value->is_list() ? in.value : nullptr;
    if (f.name == "count") return Current::of_text(std::to_string(list ? list->items.size() : 0));
    if (f.name == "first") {
        if (list) return list->items.empty() ? Current::of_text("") : Current{&list->items.front(), {}, false};
        return in;
    }
    if (f.name == "join" && list) {
        std::string sep = f.has_argument ? f.argument : ", ", out;
        for (const auto& item : list->items)
            out += (out.empty() ? "" : sep) + value_text(item, loc, diags);
        return Current::of_text(out);
    }
    std::string text = in.as_text(loc, diags);
    if (f.name == "upper") return Current::of_text(utf8_case(text, true));
    if (f.name == "lower") return Current::of_text(utf8_case(text, false));
    if (f.name == "default") return text.empty() ? Current::of_text(f.argument) : in;
    if (f.name == "join") return Current::of_text(text);
    auto date = parse_date(text);
    if (!date) {
        diags.error(!in.is_text && in.value ? in.value->loc : loc, "'" + text + "' is not a date",
                    "write dates as YYYY-MM-DD, e.g. 2024-11-12");
        return Current::of_text(text);
    }
    if (f.name == "date-nl") return Current::of_text(dutch_long_date(*date));
    if (f.name == "date-nl-short") return Current::of_text(dutch_short_date(*date));
    return Current::of_text(iso_date(*date));
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
        return {"", path == "page" ? Span::Field::PageNumber : Span::Field::PageCount, loc};
    }
    std::vector<Filter> filters;
    for (size_t i = 1; i < parts.size(); ++i)
        if (auto filter = parse_filter(parts[i], loc, ctx.diags)) filters.push_back(*filter);
    // A chain with a default makes the field optional: a missing field is then not an error.
    bool optional = std::any_of(filters.begin(), filters.end(),
                                [](const Filter& f) { return f.name == "default"; });
    Current current{resolve_path(path, loc, ctx, !optional), {}, false};
    for (const auto& filter : filters) current = apply_filter(filter, current, loc, ctx.diags);
    SourceLoc from = current.value ? current.value->loc : loc;
    return {current.as_text(loc, ctx.diags), Span::Field::None, from};
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
                                     ExpressionContext& ctx, bool report) {
    std::string_view path = trim(attribute);
    if (path.size() >= 4 && path.substr(0, 2) == "{{" && path.substr(path.size() - 2) == "}}")
        path = trim(path.substr(2, path.size() - 4));
    return resolve_path(path, loc, ctx, report);
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
            pieces.push_back({std::string(text.substr(pos)), Span::Field::None, offset_loc(loc, text, pos)});
            break;
        }
        if (open > pos)
            pieces.push_back({std::string(text.substr(pos, open - pos)), Span::Field::None,
                              offset_loc(loc, text, pos)});
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

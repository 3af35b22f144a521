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

// The parts of a text between `separator`s outside double quotes, one at a time: paths and filter
// chains are split for every evaluation, and most have a single part.
class OutsideQuotesSplitter {
public:
    OutsideQuotesSplitter(std::string_view text, char separator)
        : text_(text), separator_(separator) {}

    // The next part; false when every part has been given.
    bool next(std::string_view& part) {
        if (done_) return false;
        for (size_t i = start_; i < text_.size(); ++i) {
            if (text_[i] == '"') quoted_ = !quoted_;
            if (text_[i] == separator_ && !quoted_) {
                part = text_.substr(start_, i - start_);
                start_ = i + 1;
                return true;
            }
        }
        part = text_.substr(start_);
        done_ = true;
        return true;
    }

private:
    std::string_view text_;
    char separator_;
    size_t start_ = 0;
    bool quoted_ = false;
    bool done_ = false;
};

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

// What an expression gives: its text, or a page field, and the data value it was read from.
struct Evaluated {
    std::string text;
    Span::Field field = Span::Field::None;
    const data::Value* value = nullptr;
};

Evaluated evaluate_expression(std::string_view expr, const SourceLoc& loc, ExpressionContext& ctx) {
    OutsideQuotesSplitter chain(expr, '|');
    std::string_view part;
    chain.next(part);
    std::string_view path = trim(part);
    if (path == "page" || path == "pages") {
        if (!ctx.page_fields_allowed)
            ctx.diags.error(loc,
                            "{{" + std::string(path) + "}} is only known in a header or footer");
        return {"", path == "page" ? Span::Field::PageNumber : Span::Field::PageCount, nullptr};
    }
    std::vector<Filter> filters;
    while (chain.next(part))
        if (auto filter = parse_filter(part, loc, ctx.diags)) filters.push_back(*filter);
    // A chain with a default makes the field optional: a missing field is then not an error.
    bool optional = std::any_of(filters.begin(), filters.end(),
                                [](const Filter& f) { return f.name == "default"; });
    Current current{resolve_path(path, loc, ctx, !optional), {}, false};
    for (const auto& filter : filters) current = apply_filter(filter, current, loc, ctx.diags);
    return {current.as_text(loc, ctx.diags), Span::Field::None, current.value};
}

// The names of `path` before the one at `count`, trimmed and joined with '.' ("contact.email").
std::string walked_names(std::string_view path, size_t count) {
    std::string walked;
    OutsideQuotesSplitter names(path, '.');
    std::string_view name;
    for (size_t i = 0; i < count && names.next(name); ++i) {
        if (i > 0) walked += '.';
        walked += trim(name);
    }
    return walked;
}

// A list's item by its index ("attendees.0"), or nullptr when there is no such item.
const data::Value* list_item(const data::Value& list, std::string_view index_text) {
    size_t index = std::stoul(std::string(index_text));
    return index < list.items.size() ? &list.items[index] : nullptr;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), ::isdigit);
}

void report_unclosed(const layout::TemplatePart& part, ExpressionContext& ctx) {
    ctx.diags.error(part.loc, "'{{' without a closing '}}'", "write {{field}}");
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
    OutsideQuotesSplitter names(path, '.');
    std::string_view part;
    names.next(part);
    std::string_view first = trim(part);
    if (first.empty()) {
        if (report) ctx.diags.error(loc, "empty expression", "write {{field}} or {{item.field}}");
        return nullptr;
    }
    const data::Value* value = ctx.scope.lookup(first);
    if (!value) {
        if (report)
            ctx.diags.error(loc, "unknown field '" + std::string(first) + "'",
                            suggestion_hint(first, ctx.scope.visible_names()));
        return nullptr;
    }
    for (size_t walked = 1; names.next(part); ++walked) {
        std::string_view name = trim(part);
        const data::Value* next =
            value->is_list() && all_digits(name) ? list_item(*value, name) : value->find(name);
        if (!next) {
            if (report) {
                std::string path_so_far = walked_names(path, walked);
                ctx.diags.error(loc,
                                "'" + path_so_far + "' has no field '" + std::string(name) + "'",
                                value->is_map() ? suggestion_hint(name, value->keys())
                                                : "'" + path_so_far + "' is not a map");
            }
            return nullptr;
        }
        value = next;
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

std::vector<Piece> evaluate_template(const layout::TextTemplate& parts, ExpressionContext& ctx) {
    std::vector<Piece> pieces;
    pieces.reserve(parts.size());
    for (const auto& part : parts) {
        switch (part.kind) {
            case layout::TemplatePart::Kind::Literal:
                pieces.push_back({part.text, Span::Field::None, part.loc});
                break;
            case layout::TemplatePart::Kind::Expression: {
                Evaluated e = evaluate_expression(part.text, part.loc, ctx);
                pieces.push_back({std::move(e.text), e.field, e.value ? e.value->loc : part.loc});
                break;
            }
            case layout::TemplatePart::Kind::Unclosed:
                report_unclosed(part, ctx);
                break;
        }
    }
    return pieces;
}

std::string evaluate_string(const layout::TextTemplate& parts, ExpressionContext& ctx) {
    std::string out;
    for (const auto& part : parts) {
        switch (part.kind) {
            case layout::TemplatePart::Kind::Literal: out += part.text; break;
            case layout::TemplatePart::Kind::Expression:
                out += evaluate_expression(part.text, part.loc, ctx).text;
                break;
            case layout::TemplatePart::Kind::Unclosed: report_unclosed(part, ctx); break;
        }
    }
    return out;
}

std::vector<Piece> evaluate_template(std::string_view text, const SourceLoc& loc,
                                     ExpressionContext& ctx) {
    return evaluate_template(layout::split_template(text, loc), ctx);
}

std::string evaluate_string(std::string_view text, const SourceLoc& loc, ExpressionContext& ctx) {
    return evaluate_string(layout::split_template(text, loc), ctx);
}

}  // namespace dw::bind

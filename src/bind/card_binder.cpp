#include "bind/card_binder.h"

#include "bind/binder_internal.h"

namespace dw::bind {

void Binder::bind_card_face(const std::vector<layout::Node>& face, const data::Value& theme,
                            const std::string& style, std::vector<Box>& out) {
    ScopedVariable var(scope_, "theme", &theme);
    if (!style.empty()) default_styles_.push_back(style);
    out.reserve(out.size() + face.size());
    bind_flow(face, out);
    if (!style.empty()) default_styles_.pop_back();
}

std::string Binder::evaluate_card_text(const std::string& text, const SourceLoc& loc,
                                      const data::Value& theme) {
    ScopedVariable var(scope_, "theme", &theme);
    auto ctx = expression_context();
    return evaluate_string(text, loc, ctx);
}

data::Value theme_value(const layout::CardTheme& theme) {
    data::Value v = data::Value::map(theme.loc);
    v.set("number", data::Value::string(theme.number, theme.loc));
    v.set("name", data::Value::string(theme.name, theme.loc));
    v.set("color", data::Value::string(theme.color, theme.loc));
    v.set("tint", data::Value::string(theme.tint, theme.loc));
    v.set("icon", data::Value::string(theme.icon, theme.loc));
    return v;
}

BoundCard bind_card(const layout::Layout& layout, const layout::CardDeck& deck,
                    const data::Value& card, const data::Value& theme, bool with_back,
                    Diagnostics& diags) {
    Binder binder(layout, card, diags);
    BoundCard bound;
    bound.loc = card.loc;
    for (Box* face : {&bound.front, &bound.back}) {
        face->kind = Box::Kind::Stack;
        face->loc = face == &bound.front ? deck.front.loc : deck.back.loc;
    }
    if (!deck.label.empty()) bound.label = binder.evaluate_card_text(deck.label, deck.loc, theme);
    binder.bind_card_face(deck.front.children, theme, deck.style, bound.front.children);
    if (with_back) binder.bind_card_face(deck.back.children, theme, deck.style, bound.back.children);
    return bound;
}

namespace {

// The first name of a path or expression: "theme" of "theme.name | upper".
std::string_view first_name(std::string_view expr) {
    while (!expr.empty() && expr.front() == ' ') expr.remove_prefix(1);
    size_t end = expr.find_first_of(".| }");
    return expr.substr(0, end);
}

bool text_uses_only(std::string_view text, const std::string& variable) {
    for (size_t open = text.find("{{"); open != std::string_view::npos;
         open = text.find("{{", open + 2)) {
        if (first_name(text.substr(open + 2)) != variable) return false;
    }
    return true;
}

// Attributes whose plain value (without braces) is a data path.
bool is_path_attribute(const std::string& name) {
    return name == "test" || name == "each" || name == "source" || name == "data";
}

}  // namespace

bool face_uses_only(const layout::Node& face, const std::string& variable) {
    if (!text_uses_only(face.text, variable)) return false;
    for (const auto& [name, value] : face.attributes) {
        if (!text_uses_only(value, variable)) return false;
        if (is_path_attribute(name) && value.find("{{") == std::string::npos &&
            first_name(value) != variable)
            return false;
    }
    for (const auto& child : face.children)
        if (!face_uses_only(child, variable)) return false;
    return true;
}

Metadata bind_deck_metadata(const layout::Layout& layout, Diagnostics& diags) {
    data::Value empty = data::Value::map(layout.metadata.loc);
    Binder binder(layout, empty, diags);
    const auto& meta = layout.metadata;
    Metadata out;
    out.title = binder.evaluate_card_text(meta.title, meta.loc, empty);
    out.author = binder.evaluate_card_text(meta.author, meta.loc, empty);
    out.subject = binder.evaluate_card_text(meta.subject, meta.loc, empty);
    out.keywords = binder.evaluate_card_text(meta.keywords, meta.loc, empty);
    out.language = binder.evaluate_card_text(meta.language, meta.loc, empty);
    return out;
}

}  // namespace dw::bind

#include "layout/card_deck.h"

#include <algorithm>
#include <set>

#include "layout/value_parse.h"

namespace dw::layout {
namespace {

// Attribute (or its schema default) as points; the schema check has reported bad values.
double points(const Node& node, const char* name, double fallback) {
    auto length = parse_length(node.attribute_or_default(name));
    return length && !length->is_relative() ? length->to_pt() : fallback;
}

bool flag(const Node& node, const char* name) {
    return parse_bool(node.attribute_or_default(name)).value_or(false);
}

SheetSpec resolve_sheet(const Node& node) {
    SheetSpec s;
    s.loc = node.loc;
    if (auto paper = parse_page_size(node.attribute_or_default("paper"))) {
        s.paper_width = paper->width.to_pt();
        s.paper_height = paper->height.to_pt();
    }
    std::string orientation = node.attribute_or_default("orientation");
    s.orientation = orientation == "portrait"    ? SheetOrientation::Portrait
                    : orientation == "landscape" ? SheetOrientation::Landscape
                                                 : SheetOrientation::Auto;
    s.columns = parse_int(node.attribute_or("columns", "0")).value_or(0);
    s.rows = parse_int(node.attribute_or("rows", "0")).value_or(0);
    s.gutter = points(node, "gutter", 0);
    s.margin = points(node, "margin", s.margin);
    s.crop_marks = flag(node, "crop-marks");
    s.crop_length = points(node, "crop-length", s.crop_length);
    std::string duplex = node.attribute_or_default("duplex");
    s.duplex = duplex == "short-edge" ? Duplex::ShortEdge
               : duplex == "none"     ? Duplex::None
                                      : Duplex::LongEdge;
    s.back_offset_x = points(node, "back-offset-x", 0);
    s.back_offset_y = points(node, "back-offset-y", 0);
    s.calibration = flag(node, "calibration");
    s.note = node.attribute_or("note", "");
    s.note_style = node.attribute_or("note-style", "");
    return s;
}

void add_theme(const Node& node, CardDeck& deck, std::set<std::string>& seen, Diagnostics& diags) {
    CardTheme theme;
    theme.number = node.attribute_or("number", "");
    theme.name = node.attribute_or("name", "");
    theme.color = node.attribute_or("color", "");
    theme.tint = node.attribute_or_default("tint");
    theme.icon = node.attribute_or("icon", "");
    theme.loc = node.loc;
    if (!seen.insert(theme.number).second) {
        diags.error(node.attribute_loc("number"), "duplicate theme '" + theme.number + "'");
        return;
    }
    deck.themes.push_back(std::move(theme));
}

}  // namespace

const CardTheme* CardDeck::theme(const std::string& number) const {
    for (const auto& t : themes)
        if (t.number == number) return &t;
    return nullptr;
}

CardDeck resolve_card_deck(const Node& node, Diagnostics& diags) {
    CardDeck deck;
    deck.loc = node.loc;
    deck.each = node.attribute_or("each", "");
    if (auto size = parse_page_size(node.attribute_or_default("size"))) {
        deck.width = size->width.to_pt();
        deck.height = size->height.to_pt();
    }
    deck.bleed = points(node, "bleed", deck.bleed);
    deck.safe = points(node, "safe", deck.safe);
    deck.style = node.attribute_or("style", "");
    deck.theme_field = node.attribute_or_default("theme-field");
    deck.quantity_field = node.attribute_or_default("quantity-field");
    deck.label = node.attribute_or("label", "");
    std::set<std::string> seen;
    for (const auto& child : node.children) {
        if (child.element == "theme") add_theme(child, deck, seen, diags);
        if (child.element == "front") deck.front = child;
        if (child.element == "back") deck.back = child;
        if (child.element == "sheet") deck.sheet = resolve_sheet(child);
    }
    if (2 * deck.safe >= std::min(deck.width, deck.height))
        diags.error(node.attribute_loc("safe"), "the safe area leaves no room on the card");
    return deck;
}

}  // namespace dw::layout

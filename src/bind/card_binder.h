#pragma once
#include <string>
#include <vector>

#include "bind/box.h"
#include "data/value.h"
#include "diag/diagnostics.h"
#include "layout/card_deck.h"
#include "layout/layout.h"

namespace dw::bind {

// The theme of a card as data: {number, name, color, tint, icon}, for {{theme.*}} in templates.
data::Value theme_value(const layout::CardTheme& theme);

// One card bound: both faces (the back empty when the deck has none) and its label.
struct BoundCard {
    Box front, back;  // Kind::Stack
    std::string label;
    SourceLoc loc;  // the card's data (its CSV row)
};

// `with_back` false leaves the back empty (its face is already known, see face_uses_only).
BoundCard bind_card(const layout::Layout& layout, const layout::CardDeck& deck,
                    const data::Value& card, const data::Value& theme, bool with_back,
                    Diagnostics& diags);

// Whether every expression and data path in `face` starts with `variable` ("theme"): then the
// face is the same for all cards of one theme and can be typeset once per theme. Conservative:
// anything it cannot read as such a path counts as depending on the card.
bool face_uses_only(const layout::Node& face, const std::string& variable);

// The layout's <metadata> for a deck: its values are literal text (a deck has no single card
// to take fields from).
Metadata bind_deck_metadata(const layout::Layout& layout, Diagnostics& diags);

}  // namespace dw::bind

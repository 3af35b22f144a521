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

BoundCard bind_card(const layout::Layout& layout, const layout::CardDeck& deck,
                    const data::Value& card, const data::Value& theme, Diagnostics& diags);

// The layout's <metadata> for a deck: its values are literal text (a deck has no single card
// to take fields from).
Metadata bind_deck_metadata(const layout::Layout& layout, Diagnostics& diags);

}  // namespace dw::bind

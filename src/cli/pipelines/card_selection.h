#pragma once
#include <string>
#include <vector>

#include "data/value.h"
#include "diag/diagnostics.h"
#include "layout/card_deck.h"

namespace dw::cli {

// One card to print: its data row, its theme, and how many copies.
struct CardEntry {
    const data::Value* card = nullptr;
    const layout::CardTheme* theme = nullptr;
    int copies = 1;
};

// The cards of the deck's list that pass --where, sorted by --sort, each checked: a map, a known
// theme, a whole-number quantity. Cards with errors are reported and left out.
std::vector<CardEntry> select_cards(const data::Value& data, const layout::CardDeck& deck,
                                    const std::string& where, const std::string& sort,
                                    Diagnostics& diags);

}  // namespace dw::cli

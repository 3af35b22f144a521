#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/source_loc.h"
#include "layout/layout.h"

namespace dw::layout {

// A <theme> of a card deck. Colours and icon stay as written (a palette name or #hex; a path
// relative to the layout file): the templates use them through {{theme.color}} and friends, and
// bind resolves them like any attribute value.
struct CardTheme {
    std::string number, name, color, tint, icon;
    SourceLoc loc;
};

enum class Duplex { LongEdge, ShortEdge, None };
enum class SheetOrientation { Auto, Portrait, Landscape };

// <sheet>: how cards are imposed on paper. Lengths in pt.
struct SheetSpec {
    SourceLoc loc;
    double paper_width = 595.276, paper_height = 841.89;  // as named, before orientation
    SheetOrientation orientation = SheetOrientation::Auto;
    int columns = 0, rows = 0;  // 0: as many as fit
    double gutter = 0, margin = 28.35;
    bool crop_marks = true;
    double crop_length = 11.34;
    Duplex duplex = Duplex::LongEdge;
    double back_offset_x = 0, back_offset_y = 0;
    bool calibration = false;
    std::string note;        // may hold {{expressions}}
    std::string note_style;  // empty: the default style
};

// <cards>: the deck.
struct CardDeck {
    SourceLoc loc;
    std::string each;  // data path of the card list; empty: the data root
    double width = 178.58, height = 249.45;  // trimmed card, pt
    double bleed = 8.5, safe = 11.34;
    std::string style;  // default style of card text; empty: the layout's default
    std::string theme_field = "theme", quantity_field = "quantity";
    std::string label;  // expression naming a card in messages
    std::vector<CardTheme> themes;
    Node front, back;   // back.children empty: the deck has no backs
    std::optional<SheetSpec> sheet;

    const CardTheme* theme(const std::string& number) const;
};

CardDeck resolve_card_deck(const Node& node, Diagnostics& diags);

}  // namespace dw::layout

#pragma once
#include <vector>

#include "impose/sheet_plan.h"
#include "typeset/page.h"

// The impose stage: typeset card faces (pages of card plus bleed, trim box set) in, the pages to
// print out. Plain data only; the geometry comes from sheet_plan.h.
namespace dw::impose {

using typeset::Item;
using typeset::Page;

struct Deck {
    std::vector<Page> fronts;
    std::vector<Page> backs;  // empty, or one per front
};

// Typeset text for the sheet margin ("print at 100%"): items with x from 0 and y from 0 at the
// top of the text, `width` wide and `height` tall.
struct SheetNote {
    std::vector<Item> items;
    double width = 0, height = 0;
};

// Home and office printing: front sheets with crop marks and the note, each followed by its
// back sheet (when the plan has backs and the deck has backs); with `calibration`, first a
// sheet pair that shows the printer's front-to-back misregistration.
std::vector<Page> impose_sheets(Deck deck, const SheetPlan& plan, const SheetSpec& spec,
                                const SheetNote& note, bool calibration);

// Print shops: one face per page with bleed, trim and bleed boxes kept.
enum class Faces { Interleaved, Fronts, Backs };
std::vector<Page> print_shop_pages(Deck deck, Faces faces);

// Screens: every face cut to its trim box (no bleed), for PNG.
std::vector<Page> trimmed_pages(Deck deck, Faces faces);

// One card face placed into a slot: clipped to the slot, turned when the slot says so. The
// face's items are moved out. A face marked for reuse (Page::reuse) is placed as two groups:
// its drawing, marked for reuse, and then its structure (the text inside its Sect's children),
// drawn on every card.
void place_card(Page&& face, const CardSlot& slot, std::vector<Item>& out);

}  // namespace dw::impose

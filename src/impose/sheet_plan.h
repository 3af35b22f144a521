#pragma once
#include <vector>

#include "typeset/page.h"

// Imposition geometry on plain numbers (pt, origin top-left, y down): where the cards, the crop
// marks and the backs go on a sheet. No text, no drawing: imposer.h turns a plan into pages.
namespace dw::impose {

using typeset::Rect;

enum class Flip { LongEdge, ShortEdge, None };
enum class Orientation { Auto, Portrait, Landscape };

struct SheetSpec {
    double paper_width = 595.276, paper_height = 841.89;  // as named; orientation applies
    Orientation orientation = Orientation::Auto;
    int columns = 0, rows = 0;  // 0: as many as fit
    double card_width = 0, card_height = 0;  // trimmed
    double bleed = 0;
    double gutter = 0;  // 0: neighbours share a cut line
    double margin = 0;  // least space from the paper edge to a card's cut
    bool crop_marks = true;
    double crop_length = 11.34;
    double crop_gap = 2;  // between the outer bleed and a mark
    Flip flip = Flip::LongEdge;
    double back_offset_x = 0, back_offset_y = 0;
};

struct CardSlot {
    Rect trim;           // where the card is cut
    Rect clip;           // what of its bleed is shown: all of it at the sheet's outer edges,
                         // up to half the gutter between cards, none at a shared cut line
    bool rotated = false;  // drawn turned by 180 degrees (backs for a flip over the short side)
};

struct CropMark {
    double x1, y1, x2, y2;
};

struct SheetPlan {
    double width = 0, height = 0;  // the sheet with orientation applied
    int columns = 0, rows = 0;
    std::vector<CardSlot> fronts;  // row by row, left to right
    std::vector<CardSlot> backs;   // backs[i] is behind fronts[i]; empty for Flip::None
    std::vector<CropMark> crop_marks;
    Rect grid;  // the trimmed area of all cards together
    bool fits = true;  // false: not even one card fits within the margins (nothing placed)
};

// Plans one sheet: orientation (Auto takes the one that holds more cards, portrait on a tie),
// the grid (given, or as many as fit inside the margins), centred on the sheet.
SheetPlan plan_sheet(const SheetSpec& spec);

}  // namespace dw::impose

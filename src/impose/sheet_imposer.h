#pragma once
#include <optional>
#include <string>
#include <vector>

#include "impose/calibration.h"
#include "impose/imposer.h"

namespace dw::impose {

// impose_sheets one card at a time: each card is placed on the sheet being filled as it comes,
// and a sheet (with its back sheet) is handed out as soon as its last slot is taken. However
// large the deck, only the faces of one sheet pair are ever held, so the card pipeline can paint
// and drop every sheet before it typesets the next card. Each card keeps its structure (a Sect
// per face), so the structure reads the cards in order: a front sheet's fronts, then its back
// sheet's backs, each sheet's cards in the order they were placed (not mirrored).
class SheetImposer {
public:
    // `backs`: the deck has backs (every card then comes with one); ignored when the plan has no
    // back slots (no duplex).
    SheetImposer(const SheetPlan& plan, const SheetSpec& spec, SheetNote note, bool calibration,
                 bool backs);

    // The words of the calibration sheets (calibration.h), before start().
    void set_calibration_text(CalibrationText text) { calibration_text_ = std::move(text); }
    // The calibration sheet pair, when asked for: the pages that come before any card.
    std::vector<Page> start();
    // Places one card; returns the sheets it completed: none, or a front sheet and its back.
    // `group` is the card's theme: where neighbours share cut lines (a gutter under twice the
    // bleed), a card of another theme starts a new sheet, so that a cut a little off never shows
    // a neighbour's colour on a card's edge.
    std::vector<Page> add(Page&& front, std::optional<Page>&& back, const std::string& group = {});
    // The last sheet pair, when it is partly filled; nothing when the deck filled its sheets.
    std::vector<Page> finish();

private:
    std::vector<Page> take_sheets();

    SheetPlan plan_;
    SheetSpec spec_;
    SheetNote note_;
    CalibrationText calibration_text_;
    bool calibration_, backs_;
    std::string group_;  // of the cards on the sheet being filled
    int number_ = 0;     // of the sheet being filled, from 1
    size_t placed_ = 0;  // cards on it
    Page front_, back_;
};

}  // namespace dw::impose

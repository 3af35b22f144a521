#include "impose/imposer.h"

#include "impose/calibration.h"
#include "typeset/fragment.h"

namespace dw::impose {
namespace {

using typeset::GroupBegin;
using typeset::GroupEnd;
using typeset::Line;

Line hairline(const CropMark& m) {
    Line line;
    line.x1 = m.x1, line.y1 = m.y1, line.x2 = m.x2, line.y2 = m.y2;
    line.width = 0.25;  // registration-thin, as print shops draw them
    return line;
}

// The note sits centred below the bottom crop marks (or the grid), inside the paper.
void place_note(const SheetNote& note, const SheetPlan& plan, const SheetSpec& spec,
                std::vector<Item>& out) {
    if (note.items.empty()) return;
    double below = plan.grid.y + plan.grid.h + spec.bleed +
                   (spec.crop_marks ? spec.crop_gap + spec.crop_length : 0) + 4;
    double y = std::min(below, plan.height - note.height - 6);
    std::vector<Item> items = note.items;
    typeset::translate_items(items, (plan.width - note.width) / 2, y);
    out.insert(out.end(), items.begin(), items.end());
}

Page sheet_page(const SheetPlan& plan, std::string label) {
    Page page;
    page.width = plan.width;
    page.height = plan.height;
    page.label = std::move(label);
    return page;
}

}  // namespace

void place_card(Page&& face, const CardSlot& slot, std::vector<Item>& out) {
    double bleed_x = face.trim_box ? face.trim_box->x : 0, bleed_y = face.trim_box ? face.trim_box->y : 0;
    GroupBegin group;
    group.degrees = slot.rotated ? 180 : 0;
    group.cx = slot.trim.x + slot.trim.w / 2;
    group.cy = slot.trim.y + slot.trim.h / 2;
    group.clip = slot.clip;
    out.emplace_back(group);
    std::vector<Item> items = std::move(face.items);
    typeset::translate_items(items, slot.trim.x - bleed_x, slot.trim.y - bleed_y);
    out.insert(out.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    out.emplace_back(std::in_place_type<GroupEnd>);
}

std::vector<Page> impose_sheets(Deck deck, const SheetPlan& plan, const SheetSpec& spec,
                                const SheetNote& note, bool calibration) {
    std::vector<Page> sheets;
    if (!plan.fits) return sheets;
    if (calibration) {
        sheets.push_back(calibration_front(plan, spec));
        if (!plan.backs.empty()) sheets.push_back(calibration_back(plan, spec));
    }
    const size_t per_sheet = plan.fronts.size();
    bool with_backs = !plan.backs.empty() && deck.backs.size() == deck.fronts.size();
    for (size_t first = 0, n = 1; first < deck.fronts.size(); first += per_sheet, ++n) {
        size_t count = std::min(per_sheet, deck.fronts.size() - first);
        Page front = sheet_page(plan, std::to_string(n) + "a");
        for (size_t i = 0; i < count; ++i) place_card(std::move(deck.fronts[first + i]), plan.fronts[i], front.items);
        for (const CropMark& m : plan.crop_marks) front.items.push_back(hairline(m));
        place_note(note, plan, spec, front.items);
        sheets.push_back(std::move(front));
        if (!with_backs) continue;
        Page back = sheet_page(plan, std::to_string(n) + "b");
        for (size_t i = 0; i < count; ++i) place_card(std::move(deck.backs[first + i]), plan.backs[i], back.items);
        sheets.push_back(std::move(back));
    }
    return sheets;
}

std::vector<Page> print_shop_pages(Deck deck, Faces faces) {
    std::vector<Page> pages;
    bool fronts = faces != Faces::Backs, backs = faces != Faces::Fronts && !deck.backs.empty();
    for (size_t i = 0; i < deck.fronts.size(); ++i) {
        if (fronts) pages.push_back(std::move(deck.fronts[i]));
        if (backs && i < deck.backs.size()) pages.push_back(std::move(deck.backs[i]));
    }
    return pages;
}

std::vector<Page> trimmed_pages(Deck deck, Faces faces) {
    std::vector<Page> pages = print_shop_pages(std::move(deck), faces);
    for (Page& page : pages) {
        if (!page.trim_box) continue;
        typeset::Rect trim = *page.trim_box;
        CardSlot slot{{0, 0, trim.w, trim.h}, {0, 0, trim.w, trim.h}, false};
        Page cut;
        cut.width = trim.w;
        cut.height = trim.h;
        cut.label = page.label;
        place_card(std::move(page), slot, cut.items);
        page = std::move(cut);
    }
    return pages;
}

}  // namespace dw::impose

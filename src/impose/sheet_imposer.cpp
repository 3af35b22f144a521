#include "impose/sheet_imposer.h"

#include <algorithm>

#include "impose/calibration.h"
#include "typeset/fragment.h"

namespace dw::impose {
namespace {

using typeset::Line;

Line hairline(const CropMark& m) {
    Line line;
    line.x1 = m.x1, line.y1 = m.y1, line.x2 = m.x2, line.y2 = m.y2;
    line.width = 0.25;  // registration-thin, as print shops draw them
    return line;
}

// The margin note is about printing the sheet, not part of the deck: drawn outside any
// structure element, the PDF/UA finishing makes it an artifact, as it does the crop marks.
void drop_structure_tags(std::vector<Item>& items) {
    std::erase_if(items, typeset::is_structure_tag);
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

SheetImposer::SheetImposer(const SheetPlan& plan, const SheetSpec& spec, SheetNote note,
                           bool calibration, bool backs)
    : plan_(plan),
      spec_(spec),
      note_(std::move(note)),
      calibration_(calibration),
      backs_(backs && !plan.backs.empty()) {
    drop_structure_tags(note_.items);
}

std::vector<Page> SheetImposer::start() {
    std::vector<Page> pages;
    if (!calibration_ || !plan_.fits) return pages;
    pages.push_back(calibration_front(plan_, spec_, calibration_text_));
    if (!plan_.backs.empty()) pages.push_back(calibration_back(plan_, spec_, calibration_text_));
    return pages;
}

std::vector<Page> SheetImposer::add(Page&& front, std::optional<Page>&& back,
                                    const std::string& group) {
    if (!plan_.fits) return {};
    const bool shared_cuts = spec_.bleed > 0 && spec_.gutter < 2 * spec_.bleed - 0.01;
    std::vector<Page> done;
    if (placed_ > 0 && shared_cuts && group != group_) done = take_sheets();
    group_ = group;
    if (placed_ == 0) {
        ++number_;
        front_ = sheet_page(plan_, std::to_string(number_) + "a");
        if (backs_) back_ = sheet_page(plan_, std::to_string(number_) + "b");
    }
    place_card(std::move(front), plan_.fronts[placed_], front_.items);
    if (backs_ && back) {
        place_card(std::move(*back), plan_.backs[placed_], back_.items);
    }
    if (++placed_ < plan_.fronts.size()) return done;
    for (Page& page : take_sheets()) done.push_back(std::move(page));
    return done;
}

std::vector<Page> SheetImposer::finish() {
    if (placed_ == 0) return {};
    return take_sheets();
}

// Crop marks and the note go on last, over the cards, as the printed sheet has always had them.
std::vector<Page> SheetImposer::take_sheets() {
    for (const CropMark& m : plan_.crop_marks) front_.items.push_back(hairline(m));
    place_note(note_, plan_, spec_, front_.items);
    std::vector<Page> sheets;
    sheets.push_back(std::move(front_));
    if (backs_) sheets.push_back(std::move(back_));
    front_ = Page{}, back_ = Page{};
    placed_ = 0;
    return sheets;
}

}  // namespace dw::impose

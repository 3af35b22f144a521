#include "impose/imposer.h"

#include "impose/sheet_imposer.h"
#include "typeset/fragment.h"

namespace dw::impose {
namespace {

using typeset::GroupBegin;
using typeset::GroupEnd;

// A face's items split for reuse: the drawing that is the same on every card of the key, and
// what must be drawn on each card itself.
struct ReuseSplit {
    std::vector<Item> drawing;   // drawing only (see GroupBegin::reuse)
    std::vector<Item> per_card;  // structure tags and their content, links, destinations
};

// A face comes wrapped in one structure element (its Sect, see CardTypesetter::face): what is
// drawn inside that element but outside its children is decoration (Cairo marks no content for
// it, and the PDF/UA finishing makes it an artifact). That goes into the drawing to repeat; the
// children (the theme name as H1) are real text and go on every card, so that the structure of
// each back holds them. Order within each part is kept: the drawing is painted under the text.
ReuseSplit split_for_reuse(std::vector<Item>&& items) {
    ReuseSplit split;
    int depth = 0;
    for (Item& item : items) {
        const bool begins = std::holds_alternative<typeset::TagBegin>(item);
        const bool ends = std::holds_alternative<typeset::TagEnd>(item);
        const bool drawing = !begins && !ends && depth <= 1 &&
                             !std::holds_alternative<typeset::Link>(item) &&
                             !std::holds_alternative<typeset::Dest>(item);
        if (begins) ++depth;
        if (ends && depth > 0) --depth;
        (drawing ? split.drawing : split.per_card).push_back(std::move(item));
    }
    return split;
}

void append_group(GroupBegin group, std::vector<Item>&& items, double dx, double dy,
                  std::vector<Item>& out) {
    if (items.empty()) return;
    out.emplace_back(std::move(group));
    typeset::translate_items(items, dx, dy);
    out.insert(out.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    out.emplace_back(std::in_place_type<GroupEnd>);
}

}  // namespace

void place_card(Page&& face, const CardSlot& slot, std::vector<Item>& out) {
    double bleed_x = face.trim_box ? face.trim_box->x : 0, bleed_y = face.trim_box ? face.trim_box->y : 0;
    const double dx = slot.trim.x - bleed_x, dy = slot.trim.y - bleed_y;
    GroupBegin group;
    group.degrees = slot.rotated ? 180 : 0;
    group.cx = slot.trim.x + slot.trim.w / 2;
    group.cy = slot.trim.y + slot.trim.h / 2;
    group.clip = slot.clip;
    if (face.reuse.empty()) return append_group(group, std::move(face.items), dx, dy, out);
    ReuseSplit split = split_for_reuse(std::move(face.items));
    GroupBegin repeated = group;
    repeated.reuse = face.reuse;
    repeated.reuse_bounds = {dx, dy, face.width, face.height};
    append_group(std::move(repeated), std::move(split.drawing), dx, dy, out);
    append_group(std::move(group), std::move(split.per_card), dx, dy, out);
}

std::vector<Page> impose_sheets(Deck deck, const SheetPlan& plan, const SheetSpec& spec,
                                const SheetNote& note, bool calibration) {
    if (!plan.fits) return {};
    const bool with_backs = deck.backs.size() == deck.fronts.size();
    SheetImposer imposer(plan, spec, note, calibration, with_backs);
    std::vector<Page> sheets = imposer.start();
    auto append = [&sheets](std::vector<Page>&& more) {
        for (Page& page : more) sheets.push_back(std::move(page));
    };
    for (size_t i = 0; i < deck.fronts.size(); ++i) {
        std::optional<Page> back;
        if (with_backs) back = std::move(deck.backs[i]);
        append(imposer.add(std::move(deck.fronts[i]), std::move(back)));
    }
    append(imposer.finish());
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

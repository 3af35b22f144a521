// The streaming imposer: sheets come out as soon as they are full, so the card pipeline never
// holds more than one sheet pair of faces.
#include <catch2/catch.hpp>

#include "impose/sheet_imposer.h"

using namespace dw::impose;

namespace {

constexpr double mm(double v) { return v * 72.0 / 25.4; }

SheetSpec poker_on_a4() {
    SheetSpec s;
    s.paper_width = mm(210);
    s.paper_height = mm(297);
    s.card_width = mm(63);
    s.card_height = mm(88);
    s.bleed = mm(3);
    return s;
}

Page face() {
    Page p;
    p.width = mm(69);
    p.height = mm(94);
    p.trim_box = Rect{mm(3), mm(3), mm(63), mm(88)};
    p.items.push_back(dw::typeset::Shape{});
    return p;
}

}  // namespace

TEST_CASE("SheetImposer hands out each sheet pair when its last card is placed", "[impose]") {
    SheetSpec spec = poker_on_a4();
    SheetPlan plan = plan_sheet(spec);
    REQUIRE(plan.fronts.size() == 9);
    SheetImposer imposer(plan, spec, {}, false, true);
    CHECK(imposer.start().empty());
    for (int card = 1; card <= 20; ++card) {
        std::vector<Page> done = imposer.add(face(), face());
        if (card % 9 != 0) {
            CHECK(done.empty());
            continue;
        }
        REQUIRE(done.size() == 2);  // this card filled a sheet: front and back leave at once
        CHECK(done[0].label == std::to_string(card / 9) + "a");
        CHECK(done[1].label == std::to_string(card / 9) + "b");
    }
    std::vector<Page> rest = imposer.finish();
    REQUIRE(rest.size() == 2);  // cards 19 and 20
    CHECK(rest[0].label == "3a");
    CHECK(imposer.finish().empty());
}

TEST_CASE("SheetImposer gives the pages impose_sheets gives", "[impose]") {
    SheetSpec spec = poker_on_a4();
    SheetPlan plan = plan_sheet(spec);
    Deck deck;
    for (int i = 0; i < 10; ++i) deck.fronts.push_back(face()), deck.backs.push_back(face());
    std::vector<Page> whole = impose_sheets(deck, plan, spec, {}, true);
    SheetImposer imposer(plan, spec, {}, true, true);
    std::vector<Page> streamed = imposer.start();
    for (int i = 0; i < 10; ++i)
        for (Page& p : imposer.add(face(), face())) streamed.push_back(std::move(p));
    for (Page& p : imposer.finish()) streamed.push_back(std::move(p));
    REQUIRE(streamed.size() == whole.size());
    for (size_t i = 0; i < whole.size(); ++i) {
        CHECK(streamed[i].label == whole[i].label);
        CHECK(streamed[i].items.size() == whole[i].items.size());
    }
}

TEST_CASE("sheets leave out the faces' structure tags", "[impose]") {
    SheetSpec spec = poker_on_a4();
    SheetPlan plan = plan_sheet(spec);
    SheetNote note;
    note.items = {dw::typeset::TagBegin{"P"}, dw::typeset::Shape{}, dw::typeset::TagEnd{}};
    SheetImposer imposer(plan, spec, note, false, true);
    Page tagged = face();
    tagged.items.insert(tagged.items.begin(), dw::typeset::TagBegin{"P"});
    tagged.items.push_back(dw::typeset::TagEnd{});
    imposer.add(Page(tagged), Page(tagged));
    std::vector<Page> sheets = imposer.finish();
    REQUIRE(sheets.size() == 2);
    for (const Page& sheet : sheets) {
        for (const Item& item : sheet.items) {
            CHECK_FALSE(std::holds_alternative<dw::typeset::TagBegin>(item));
            CHECK_FALSE(std::holds_alternative<dw::typeset::TagEnd>(item));
        }
        CHECK(sheet.items.size() > 2);  // the card's group, its shape, ...
    }
}

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

namespace {

using dw::typeset::GroupBegin;
using dw::typeset::GroupEnd;
using dw::typeset::TagBegin;
using dw::typeset::TagEnd;

// A face as CardTypesetter::face makes it: a Sect around a background shape and a titled text.
Page sectioned_face(const std::string& title) {
    Page p = face();
    p.items = {TagBegin{"Sect"}, dw::typeset::Shape{}, TagBegin{"H1"}, dw::typeset::GlyphRun{},
               TagEnd{}, TagEnd{}};
    std::get<dw::typeset::GlyphRun>(p.items[3]).text = title;
    return p;
}

// The sheet's items in order, as letters: S(ect) H(1) /(end) g(roup) r(eused group) e(nd of group)
// b(ackground) t(ext) l(ine) n(ote text).
std::string outline(const Page& sheet) {
    std::string out;
    for (const Item& item : sheet.items) {
        if (const auto* tag = std::get_if<TagBegin>(&item)) out += tag->tag == "Sect" ? 'S' : 'H';
        else if (std::holds_alternative<TagEnd>(item)) out += '/';
        else if (const auto* g = std::get_if<GroupBegin>(&item)) out += g->reuse.empty() ? 'g' : 'r';
        else if (std::holds_alternative<GroupEnd>(item)) out += 'e';
        else if (std::holds_alternative<dw::typeset::Shape>(item)) out += 'b';
        else if (const auto* run = std::get_if<dw::typeset::GlyphRun>(&item))
            out += run->text == "note" ? 'n' : 't';
        else if (std::holds_alternative<dw::typeset::Line>(item)) out += 'l';
    }
    return out;
}

}  // namespace

TEST_CASE("sheets keep each card's section and leave the note and crop marks outside the structure",
          "[impose]") {
    SheetSpec spec = poker_on_a4();
    spec.crop_marks = true;
    SheetPlan plan = plan_sheet(spec);
    SheetNote note;
    note.items = {TagBegin{"P"}, dw::typeset::GlyphRun{}, TagEnd{}};
    std::get<dw::typeset::GlyphRun>(note.items[1]).text = "note";
    SheetImposer imposer(plan, spec, note, false, true);
    imposer.add(sectioned_face("one"), sectioned_face("back"));
    imposer.add(sectioned_face("two"), sectioned_face("back"));
    std::vector<Page> sheets = imposer.finish();
    REQUIRE(sheets.size() == 2);
    const std::string front = outline(sheets[0]);
    // Two cards, each in its group with its Sect and H1, in the order placed; then crop marks
    // and the note, untagged.
    CHECK(front.substr(0, 16) == "gSbHt//egSbHt//e");
    const std::string after = front.substr(16);
    CHECK(after.find('l') != std::string::npos);
    CHECK(after.find('n') != std::string::npos);
    CHECK(after.find_first_not_of("ln") == std::string::npos);
}

TEST_CASE("a reused back is its drawing, repeated, then its text in its own section", "[impose]") {
    SheetSpec spec = poker_on_a4();
    SheetPlan plan = plan_sheet(spec);
    SheetImposer imposer(plan, spec, {}, false, true);
    for (const char* title : {"one", "two"}) {
        Page back = sectioned_face("Thema 1");
        back.reuse = "back 1";
        imposer.add(sectioned_face(title), std::move(back));
    }
    std::vector<Page> sheets = imposer.finish();
    REQUIRE(sheets.size() == 2);
    // The background in a group marked for reuse, outside the structure; the theme name on
    // every card, in the card's Sect.
    CHECK(outline(sheets[1]) == "rbegSHt//erbegSHt//e");
}

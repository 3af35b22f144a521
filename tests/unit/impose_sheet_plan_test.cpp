#include <catch2/catch.hpp>

#include "impose/imposer.h"
#include "impose/sheet_plan.h"

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
    s.margin = mm(10);
    s.crop_length = mm(4);
    s.crop_gap = 2;
    return s;
}

void check_rect(const Rect& r, double x_mm, double y_mm, double w_mm, double h_mm) {
    CHECK(r.x == Approx(mm(x_mm)).margin(0.01));
    CHECK(r.y == Approx(mm(y_mm)).margin(0.01));
    CHECK(r.w == Approx(mm(w_mm)).margin(0.01));
    CHECK(r.h == Approx(mm(h_mm)).margin(0.01));
}

}  // namespace

TEST_CASE("63 x 88 mm cards go 9-up on A4, centred, with shared cut lines", "[impose]") {
    SheetPlan plan = plan_sheet(poker_on_a4());
    REQUIRE(plan.fits);
    CHECK(plan.width == Approx(mm(210)));
    REQUIRE(plan.columns == 3);
    REQUIRE(plan.rows == 3);
    REQUIRE(plan.fronts.size() == 9);
    check_rect(plan.grid, 10.5, 16.5, 189, 264);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            INFO("row " << r << " column " << c);
            check_rect(plan.fronts[size_t(r * 3 + c)].trim, 10.5 + 63 * c, 16.5 + 88 * r, 63, 88);
        }
    // shared cuts: no bleed between cards, all of it at the outside
    check_rect(plan.fronts[0].clip, 7.5, 13.5, 66, 91);
    check_rect(plan.fronts[4].clip, 73.5, 104.5, 63, 88);
    check_rect(plan.fronts[8].clip, 136.5, 192.5, 66, 91);
}

TEST_CASE("crop marks sit on every cut line, outside the bleed", "[impose]") {
    SheetPlan plan = plan_sheet(poker_on_a4());
    // 4 vertical cut lines x (top, bottom) + 4 horizontal x (left, right)
    REQUIRE(plan.crop_marks.size() == 16);
    const CropMark& top_left = plan.crop_marks[0];
    CHECK(top_left.x1 == Approx(mm(10.5)));
    CHECK(top_left.x2 == Approx(mm(10.5)));
    CHECK(top_left.y1 == Approx(mm(16.5 - 3) - 2));  // starts past the bleed and the gap
    CHECK(top_left.y2 == Approx(mm(16.5 - 3 - 4) - 2));
    for (const CropMark& m : plan.crop_marks) {
        bool outside_x = std::max(m.x1, m.x2) <= plan.grid.x - mm(3) + 0.01 ||
                         std::min(m.x1, m.x2) >= plan.grid.x + plan.grid.w + mm(3) - 0.01;
        bool outside_y = std::max(m.y1, m.y2) <= plan.grid.y - mm(3) + 0.01 ||
                         std::min(m.y1, m.y2) >= plan.grid.y + plan.grid.h + mm(3) - 0.01;
        CHECK((outside_x || outside_y));
        CHECK(std::min({m.x1, m.x2, m.y1, m.y2}) >= 0);
    }
}

TEST_CASE("long-edge backs mirror the columns, short-edge backs mirror the rows, turned",
          "[impose]") {
    SheetSpec spec = poker_on_a4();
    SheetPlan longer = plan_sheet(spec);
    REQUIRE(longer.backs.size() == 9);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            const CardSlot& back = longer.backs[size_t(r * 3 + c)];
            check_rect(back.trim, 10.5 + 63 * (2 - c), 16.5 + 88 * r, 63, 88);
            CHECK_FALSE(back.rotated);
        }
    check_rect(longer.backs[0].clip, 136.5, 13.5, 66, 91);  // the outer bleed mirrored too

    spec.flip = Flip::ShortEdge;
    SheetPlan shorter = plan_sheet(spec);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            const CardSlot& back = shorter.backs[size_t(r * 3 + c)];
            check_rect(back.trim, 10.5 + 63 * c, 16.5 + 88 * (2 - r), 63, 88);
            CHECK(back.rotated);
        }

    spec.flip = Flip::None;
    CHECK(plan_sheet(spec).backs.empty());
}

TEST_CASE("back offsets move every back card", "[impose]") {
    SheetSpec spec = poker_on_a4();
    spec.back_offset_x = mm(1.5);
    spec.back_offset_y = mm(-2);
    SheetPlan plan = plan_sheet(spec);
    check_rect(plan.backs[0].trim, 136.5 + 1.5, 16.5 - 2, 63, 88);
    check_rect(plan.backs[8].trim, 10.5 + 1.5, 192.5 - 2, 63, 88);
    check_rect(plan.fronts[0].trim, 10.5, 16.5, 63, 88);  // fronts stay
}

TEST_CASE("gutters: auto orientation takes the one with the most cards, bleed shows up to half "
          "the gutter",
          "[impose]") {
    SheetSpec spec = poker_on_a4();
    spec.gutter = mm(5);
    SheetPlan plan = plan_sheet(spec);
    // portrait holds 2 x 3 = 6; landscape 4 x 2 = 8
    CHECK(plan.width == Approx(mm(297)));
    REQUIRE(plan.columns == 4);
    REQUIRE(plan.rows == 2);
    double x0 = (297 - (4 * 63 + 3 * 5)) / 2.0, y0 = (210 - (2 * 88 + 5)) / 2.0;
    check_rect(plan.fronts[1].trim, x0 + 68, y0, 63, 88);
    check_rect(plan.fronts[5].trim, x0 + 68, y0 + 93, 63, 88);
    check_rect(plan.fronts[5].clip, x0 + 68 - 2.5, y0 + 93 - 2.5, 68, 93.5);
    // each card has its own two cut lines: 8 vertical and 4 horizontal, each marked twice
    CHECK(plan.crop_marks.size() == 2 * (8 + 4));
    // landscape paper turns over its long edge about the horizontal axis: rows mirror, turned
    CHECK(plan.backs[0].rotated);
    check_rect(plan.backs[0].trim, x0, y0 + 93, 63, 88);

    spec.orientation = Orientation::Portrait;
    SheetPlan portrait = plan_sheet(spec);
    CHECK(portrait.columns * portrait.rows == 6);
    CHECK_FALSE(portrait.backs[0].rotated);
}

TEST_CASE("a given grid is used as given, a card larger than the paper does not fit", "[impose]") {
    SheetSpec spec = poker_on_a4();
    spec.columns = 2;
    spec.rows = 2;
    SheetPlan plan = plan_sheet(spec);
    CHECK(plan.fronts.size() == 4);
    check_rect(plan.grid, (210 - 126) / 2.0, (297 - 176) / 2.0, 126, 176);

    spec = poker_on_a4();
    spec.card_width = mm(300);
    spec.card_height = mm(400);
    CHECK_FALSE(plan_sheet(spec).fits);
}

TEST_CASE("impose_sheets: a front sheet then its back sheet, cards clipped and moved", "[impose]") {
    SheetSpec spec = poker_on_a4();
    SheetPlan plan = plan_sheet(spec);
    Deck deck;
    for (int i = 0; i < 10; ++i) {
        Page face;
        face.width = mm(69);
        face.height = mm(94);
        face.trim_box = Rect{mm(3), mm(3), mm(63), mm(88)};
        dw::typeset::Shape s;
        s.rect = {0, 0, face.width, face.height};
        face.items.push_back(s);
        deck.fronts.push_back(face);
        deck.backs.push_back(face);
    }
    auto pages = impose_sheets(deck, plan, spec, {}, false);
    REQUIRE(pages.size() == 4);  // 9 + 1 cards: two sheet pairs
    CHECK(pages[0].label == "1a");
    CHECK(pages[1].label == "1b");
    auto count = [](const Page& p, auto type) {
        return std::count_if(p.items.begin(), p.items.end(),
                             [&](const Item& i) { return std::holds_alternative<decltype(type)>(i); });
    };
    CHECK(count(pages[0], dw::typeset::GroupBegin{}) == 9);
    CHECK(count(pages[0], dw::typeset::Line{}) == 16);  // crop marks on fronts
    CHECK(count(pages[1], dw::typeset::Line{}) == 0);
    CHECK(count(pages[2], dw::typeset::GroupBegin{}) == 1);
    const auto& group = std::get<dw::typeset::GroupBegin>(pages[0].items[0]);
    REQUIRE(group.clip);
    check_rect(*group.clip, 7.5, 13.5, 66, 91);
    const auto& shape = std::get<dw::typeset::Shape>(pages[0].items[1]);
    check_rect(shape.rect, 7.5, 13.5, 69, 94);  // the face's bleed edge at trim - bleed

    SheetSpec with_calibration = spec;
    auto calibrated = impose_sheets(deck, plan, with_calibration, {}, true);
    CHECK(calibrated.size() == 6);
    CHECK(calibrated[0].label == "calibration a");
}

TEST_CASE("print-shop pages interleave or separate the faces, cut cards lose the bleed",
          "[impose]") {
    Deck deck;
    for (const char* label : {"a", "b"}) {
        Page f;
        f.label = std::string(label) + "-front";
        f.width = 100;
        f.height = 120;
        f.trim_box = Rect{10, 10, 80, 100};
        Page b = f;
        b.label = std::string(label) + "-back";
        deck.fronts.push_back(f);
        deck.backs.push_back(b);
    }
    auto both = print_shop_pages(deck, Faces::Interleaved);
    REQUIRE(both.size() == 4);
    CHECK(both[1].label == "a-back");
    CHECK(print_shop_pages(deck, Faces::Backs)[1].label == "b-back");
    auto cut = trimmed_pages(deck, Faces::Fronts);
    REQUIRE(cut.size() == 2);
    CHECK(cut[0].width == 80);
    CHECK(cut[0].height == 100);
}

// The timeline's geometry: label placement on plain numbers, and a typeset timeline whose
// markers must sit at the x of their dates in their status colours.
#include "typeset/timeline_geometry.h"
#include "typeset_support.h"

using namespace typeset_test;

namespace {

struct Flag {
    double left, right, anchor;
    int lane;
};

std::vector<Flag> flags(const std::vector<LabelRequest>& requests,
                        const std::vector<LabelPlacement>& places, double pad) {
    std::vector<Flag> out;
    for (size_t i = 0; i < requests.size(); ++i) {
        double text_left = places[i].x, text_right = places[i].x + requests[i].width;
        double left = std::min(text_left, requests[i].anchor), right = std::max(text_right, requests[i].anchor);
        (void)pad;
        out.push_back({left, right, requests[i].anchor, places[i].lane});
    }
    return out;
}

}  // namespace

TEST_CASE("the timeline scale maps days linearly onto the axis", "[typeset][timeline]") {
    TimelineScale s{100, 300, 1000, 1300};
    CHECK(s.x_of(1000) == Approx(100));
    CHECK(s.x_of(1300) == Approx(400));
    CHECK(s.x_of(1150) == Approx(250));
}

TEST_CASE("labels never overlap, and leaders never cut through a label", "[typeset][timeline]") {
    const double pad = 4, gap = 6, left = 0, right = 600;
    std::vector<LabelRequest> requests;
    for (double anchor : {20.0, 60.0, 60.0, 61.0, 150.0, 170.0, 300.0, 320.0, 330.0, 590.0})
        requests.push_back({anchor, 90});
    auto places = place_labels(requests, left, right, pad, gap);
    REQUIRE(places.size() == requests.size());
    auto f = flags(requests, places, pad);
    for (size_t i = 0; i < f.size(); ++i) {
        INFO("label " << i << " at " << places[i].x << " lane " << places[i].lane);
        CHECK(places[i].x >= left);
        CHECK(places[i].x + requests[i].width <= right + 0.01);
        for (size_t j = 0; j < f.size(); ++j) {
            if (i == j) continue;
            INFO("against label " << j);
            if (f[i].lane == f[j].lane) CHECK((f[i].right + gap <= f[j].left || f[j].right + gap <= f[i].left));
            // j's leader runs from the axis up to lane j; it may not pass through i's text
            bool passes = f[j].lane > f[i].lane && std::abs(f[j].anchor - f[i].anchor) > 2 &&
                          f[j].anchor > places[i].x && f[j].anchor < places[i].x + requests[i].width;
            CHECK_FALSE(passes);
        }
    }
    // Labels at the same date stack on one leader; the last label hangs left of its leader.
    CHECK(places[1].lane != places[2].lane);
    CHECK(places[9].flipped);
    CHECK(places[9].x + 90 <= 590);
}

TEST_CASE("labels far apart stay next to the axis", "[typeset][timeline]") {
    auto places = place_labels({{10, 50}, {200, 50}, {400, 50}}, 0, 600, 4, 6);
    for (const auto& p : places) CHECK(p.lane == 0);
    CHECK(places[0].x == Approx(14));
}

TEST_CASE("a typeset timeline puts each marker at its date in its status colour",
          "[typeset][timeline]") {
    auto data = yaml(
        "items:\n"
        "  - {title: Begin, date: 2024-01-01, status: done}\n"
        "  - {title: Midden, date: 2024-07-01, status: busy}\n"
        "  - {title: Eind, date: 2024-12-31, status: todo}\n");
    std::string body = R"(
      <timeline each="items" as="m" from="2024-01-01" to="2024-12-31" date="{{m.date}}"
                status="{{m.status}}" marker-size="4mm" legend="none" label-width="30mm">
        <status name="done" color="#1f5f4a"/>
        <status name="busy" color="#f7b32b"/>
        <status name="todo" color="#c8553d" outline="true"/>
        <label><text style="small">{{m.title}}</text></label>
      </timeline>)";
    Typeset t = typeset_xml(geometry_layout(body, "", "size=\"A4\" orientation=\"landscape\" margin=\"20mm\""), data);
    INFO(printed(t.diags));
    REQUIRE(t.doc.pages.size() == 1);
    const double marker = mm(4), x0 = mm(20), width = mm(297 - 40);
    std::vector<const Shape*> discs;
    for (const Shape* s : items_of<Shape>(t.doc.pages[0]))
        if (std::abs(s->rect.w - marker) < 0.01 && std::abs(s->radius - marker / 2) < 0.01) discs.push_back(s);
    REQUIRE(discs.size() == 3);
    auto centre = [](const Shape* s) { return s->rect.x + s->rect.w / 2; };
    // The axis runs inside half a marker at each end so that end markers stay in the column.
    const double first = x0 + marker / 2, span = width - marker;
    CHECK(centre(discs[0]) == Approx(first));
    CHECK(centre(discs[1]) == Approx(first + span * 182.0 / 365.0));  // 1 July is day 182 of 2024
    CHECK(centre(discs[2]) == Approx(first + span));
    CHECK(discs[0]->fill == dw::Color{0x1f / 255.0, 0x5f / 255.0, 0x4a / 255.0, 1});
    CHECK(discs[1]->fill == dw::Color{0xf7 / 255.0, 0xb3 / 255.0, 0x2b / 255.0, 1});
    // An outline status: a white disc with a coloured ring.
    CHECK(discs[2]->fill == dw::Color{1, 1, 1, 1});
    CHECK(discs[2]->stroke == dw::Color{0xc8 / 255.0, 0x55 / 255.0, 0x3d / 255.0, 1});
    // Every item's label is on the page.
    std::string text;
    for (const GlyphRun* r : runs(t.doc.pages[0])) text += r->text + " ";
    for (const char* word : {"Begin", "Midden", "Eind", "jan", "2024", "dec"}) {
        INFO(word);
        CHECK(text.find(word) != std::string::npos);
    }
}

TEST_CASE("a scaled page master lays out the design large and scales it to the paper",
          "[typeset][scale]") {
    auto data = yaml("x: 1\n");
    Typeset full = typeset_xml(geometry_layout("<box fill=\"green\" height=\"100mm\"/>", "",
                                               "size=\"A3\" margin=\"20mm\""), data);
    Typeset half = typeset_xml(geometry_layout("<box fill=\"green\" height=\"100mm\"/>", "",
                                               "size=\"A4\" margin=\"20mm\" scale=\"0.7071\""), data);
    REQUIRE(half.doc.pages.size() == 1);
    CHECK(half.doc.pages[0].width == Approx(595.276));
    auto big = items_of<Shape>(full.doc.pages[0]), small = items_of<Shape>(half.doc.pages[0]);
    REQUIRE(big.size() == 1);
    REQUIRE(small.size() == 1);
    CHECK(small[0]->rect.h == Approx(big[0]->rect.h * 0.7071));
    CHECK(small[0]->rect.w == Approx(big[0]->rect.w * 0.7071).epsilon(0.002));
    CHECK(small[0]->rect.x == Approx(mm(20) * 0.7071));
}

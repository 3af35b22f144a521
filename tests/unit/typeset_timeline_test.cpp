// The timeline's geometry: label placement on plain numbers, and a typeset timeline whose
// markers must sit at the x of their dates in their status colours.
#include "typeset/timeline_geometry.h"
#include "typeset_support.h"

using namespace typeset_test;

namespace {

// A label as the reader sees it: its leader (a vertical line at `anchor` from the axis up to the
// label's top) and its text [text_left, text_right] in its lane.
struct Flag {
    double anchor, text_left, text_right;
    int lane;
};

std::vector<Flag> flags(const std::vector<LabelRequest>& requests, const LabelLayout& layout) {
    std::vector<Flag> out;
    for (size_t i = 0; i < requests.size(); ++i)
        out.push_back({requests[i].anchor, layout.places[i].x, layout.places[i].x + requests[i].width,
                       layout.places[i].lane});
    return out;
}

// The rules a reader needs, checked on plain geometry: every leader is at its text's left edge;
// texts in one lane keep `gap` apart; no leader runs through (or within `gap` of) the text of
// another label nearer the axis, except a leader shared by labels at the same date.
void check_readable(const std::vector<LabelRequest>& requests, const LabelLayout& layout,
                    double pad, double gap, double right) {
    REQUIRE(layout.places.size() == requests.size());
    auto f = flags(requests, layout);
    for (size_t i = 0; i < f.size(); ++i) {
        INFO("label " << i << " at " << f[i].text_left << " lane " << f[i].lane);
        CHECK(f[i].text_left == Approx(f[i].anchor + pad));  // the leader is on the left
        CHECK(f[i].text_right <= right + 0.01);
        for (size_t j = 0; j < f.size(); ++j) {
            if (i == j) continue;
            INFO("against label " << j << " at " << f[j].text_left << " lane " << f[j].lane);
            if (f[i].lane == f[j].lane)
                CHECK((f[i].text_right + gap <= f[j].anchor || f[j].text_right + gap <= f[i].anchor));
            // j's leader runs from the axis up past every lane below j's own
            bool shared = std::abs(f[j].anchor - f[i].anchor) <= kSharedLeader;
            bool through = f[j].lane > f[i].lane && !shared && f[j].anchor > f[i].anchor &&
                           f[j].anchor < f[i].text_right + gap;
            CHECK_FALSE(through);
        }
    }
}

// Markers overlap when their spans come closer than `gap` in one row.
void check_markers_apart(const std::vector<MarkerSpan>& spans, const std::vector<int>& rows,
                         double gap) {
    REQUIRE(rows.size() == spans.size());
    for (size_t i = 0; i < spans.size(); ++i)
        for (size_t j = i + 1; j < spans.size(); ++j) {
            INFO("markers " << i << " and " << j << " in rows " << rows[i] << ", " << rows[j]);
            if (rows[i] == rows[j])
                CHECK((spans[i].right + gap <= spans[j].left || spans[j].right + gap <= spans[i].left));
        }
}

}  // namespace

TEST_CASE("the timeline scale maps days linearly onto the axis", "[typeset][timeline]") {
    TimelineScale s{100, 300, 1000, 1300};
    CHECK(s.x_of(1000) == Approx(100));
    CHECK(s.x_of(1300) == Approx(400));
    CHECK(s.x_of(1150) == Approx(250));
}

TEST_CASE("every leader runs up the left edge of its label and through no other label",
          "[typeset][timeline]") {
    const double pad = 4, gap = 6, right = 600;
    std::vector<LabelRequest> requests;
    for (double anchor : {20.0, 60.0, 60.0, 61.0, 150.0, 170.0, 300.0, 320.0, 330.0, 500.0})
        requests.push_back({anchor, 90});
    auto layout = place_labels(requests, right, pad, gap);
    check_readable(requests, layout, pad, gap, right);
    CHECK_FALSE(layout.too_wide);
    // Labels at the same date stack on one leader, the first nearest the axis.
    CHECK(layout.places[1].lane < layout.places[2].lane);
}

TEST_CASE("the blueprint's crowded dates read at a glance", "[typeset][timeline]") {
    // The blueprint's situation: a long bar from the left, four items in one month (one of
    // them three days earlier), a bar and a point at its end near the right.
    const double pad = 6.4, gap = 6.8, right = 750;
    std::vector<LabelRequest> requests{{40, 150},  {400, 170}, {403.4, 160}, {403.4, 120},
                                       {403.4, 110}, {550, 150}, {640, 95}};
    auto layout = place_labels(requests, right, pad, gap);
    check_readable(requests, layout, pad, gap, right);
    CHECK(layout.places[0].lane == 0);
}

TEST_CASE("labels far apart stay next to the axis", "[typeset][timeline]") {
    auto layout = place_labels({{10, 50}, {200, 50}, {400, 50}}, 600, 4, 6);
    for (const auto& p : layout.places) CHECK(p.lane == 0);
    CHECK(layout.places[0].x == Approx(14));
}

TEST_CASE("a label that cannot fit right of its leader is reported, the first one by order",
          "[typeset][timeline]") {
    auto layout = place_labels({{10, 50}, {560, 50}, {580, 50}}, 600, 4, 6);
    REQUIRE(layout.too_wide);
    CHECK(*layout.too_wide == 1);
}

TEST_CASE("markers that would overlap go into rows above the axis", "[typeset][timeline]") {
    // A bar over a year; a point inside it; two points three days apart; a point at its end.
    std::vector<MarkerSpan> spans{{100, 400}, {200, 214}, {390, 404}, {393, 407}, {500, 514},
                                  {407, 421}, {600, 650}};
    const double gap = 1.5;
    auto rows = stack_markers(spans, gap);
    check_markers_apart(spans, rows, gap);
    CHECK(rows[0] == 0);
    CHECK(rows[1] == 1);
    CHECK(rows[4] == 0);
    CHECK(rows[6] == 0);
}

TEST_CASE("a typeset timeline puts each marker at its date in its status colour",
          "[typeset][timeline]") {
    auto data = yaml(
        "items:\n"
        "  - {title: Begin, date: 2024-01-01, status: done}\n"
        "  - {title: Midden, date: 2024-07-01, status: busy}\n"
        "  - {title: Eind, date: 2024-11-30, status: todo}\n");
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
    CHECK(centre(discs[2]) == Approx(first + span * 334.0 / 365.0));  // its label fits right of it
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

namespace {

// The blueprint's milestones, crowded as they are: a bar from the left, four items in one month,
// a bar near the end and a point at its end.
const char* kCrowded =
    "items:\n"
    "  - {title: Monitoring van de drie wijken, date: 2023-11, end: 2024-11, status: done}\n"
    "  - {title: Vierde consortiumbijeenkomst, date: 2024-11-12, status: done}\n"
    "  - {title: Bouwstenen, date: 2024-11, status: busy}\n"
    "  - {title: Wetenschappelijk artikel, date: 2024-11, status: busy}\n"
    "  - {title: ABCD-onderzoek, date: 2024-11, status: busy}\n"
    "  - {title: Samen-leren-sessies per gemeente, date: 2025-03, end: 2025-05, status: todo}\n"
    "  - {title: Slotbijeenkomst, date: 2025-05, status: todo}\n";

std::string crowded_timeline(const std::string& to = "2025-08") {
    return R"(
      <timeline each="items" as="m" from="2023-10" to=")" + to + R"(" date="{{m.date}}"
                end="{{m.end | default(&quot;&quot;)}}" status="{{m.status}}" marker-size="5mm"
                legend="none" label-width="40mm" gap="2.4mm">
        <status name="done" color="#1f5f4a"/>
        <status name="busy" color="#f7b32b"/>
        <status name="todo" color="#c8553d" outline="true"/>
        <label><text style="small">{{m.title}}</text></label>
      </timeline>)";
}

double run_right(const GlyphRun* r) { return r->glyphs.back().x + r->size * 0.6; }

}  // namespace

TEST_CASE("a typeset timeline: each label's leader at its left edge, no marker on another",
          "[typeset][timeline]") {
    Typeset t = typeset_xml(geometry_layout(crowded_timeline(), "",
                                            "size=\"A4\" orientation=\"landscape\" margin=\"20mm\""),
                            yaml(kCrowded));
    INFO(printed(t.diags));
    REQUIRE(t.diags.all().empty());
    REQUIRE(t.doc.pages.size() == 1);
    const Page& page = t.doc.pages[0];
    std::vector<const Line*> leaders;  // solid lines running up from a marker
    for (const Line* l : items_of<Line>(page))
        if (l->x1 == l->x2 && l->y2 < l->y1 && l->dash.empty()) leaders.push_back(l);
    std::vector<const GlyphRun*> labels;
    for (const GlyphRun* r : runs(page))
        if (!r->glyphs.empty() && r->glyphs[0].y < leaders.front()->y1) labels.push_back(r);
    REQUIRE(leaders.size() == 7);
    const double pad = 0.45 * mm(5), gap = mm(2.4);
    // Each label's first line starts `pad` right of a leader that reaches its top.
    for (const GlyphRun* r : labels) {
        INFO(r->text);
        bool own = false;
        for (const Line* l : leaders)
            own = own || (std::abs(r->glyphs[0].x - (l->x1 + pad)) < 0.5 && l->y2 < r->glyphs[0].y);
        // lines after a label's first start at the same x, under the same leader
        CHECK(own);
        // and no other leader passes through it or within the gap
        for (const Line* l : leaders) {
            bool beside = l->x1 > r->glyphs[0].x - pad + kSharedLeader && l->x1 < run_right(r) + gap;
            bool spans = l->y2 < r->glyphs[0].y && l->y1 > r->glyphs[0].y;
            CHECK_FALSE((beside && spans));
        }
    }
    // Markers: discs and bars, none overlapping another.
    std::vector<const Shape*> markers;
    for (const Shape* s : items_of<Shape>(page))
        if (s->radius > 0) markers.push_back(s);
    CHECK(markers.size() == 5);  // 7 items; the three busy ones of November share one
    for (size_t i = 0; i < markers.size(); ++i)
        for (size_t j = i + 1; j < markers.size(); ++j) {
            const Rect &a = markers[i]->rect, &b = markers[j]->rect;
            bool apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            INFO("markers " << i << " and " << j);
            CHECK(apart);
        }
}

TEST_CASE("a timeline label that cannot fit before the end of the axis is an error at its item",
          "[typeset][timeline]") {
    Typeset t = typeset_xml(geometry_layout(crowded_timeline("2025-05"), "",
                                            "size=\"A4\" orientation=\"landscape\" margin=\"20mm\""),
                            yaml(kCrowded));
    std::string text = printed(t.diags);
    INFO(text);
    CHECK(text.find("d.yaml:8:5: error: the timeline label 'Slotbijeenkomst' does not fit") !=
          std::string::npos);
}

TEST_CASE("a timeline with more items than fit on the page names the first that does not fit",
          "[typeset][timeline]") {
    std::string data = "items:\n";
    for (int i = 0; i < 200; ++i)
        data += "  - {title: Mijlpaal " + std::to_string(i + 1) + ", date: 2024-06-" +
                (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + ", status: done}\n";
    Typeset t = typeset_xml(geometry_layout(crowded_timeline(), "",
                                            "size=\"A4\" orientation=\"landscape\" margin=\"20mm\""),
                            yaml(data));
    std::string text = printed(t.diags);
    INFO(text);
    CHECK(t.diags.error_count() == 1);
    CHECK(text.find("error: the timeline does not fit on the page from the label 'Mijlpaal") !=
          std::string::npos);
    CHECK(text.find("warning") == std::string::npos);
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

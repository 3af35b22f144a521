// <timeline>, <circle>, <arrow> and autolinks in the bind stage: dates become day numbers, ticks
// get Dutch month names, statuses become indices, and bad data is reported where it is written.
#include "bind/autolink.h"
#include "bind/timeline_dates.h"
#include "bind_support.h"

using namespace bind_test;
using namespace dw::bind;

TEST_CASE("day numbers count days since 1970-01-01 and convert back", "[bind][timeline]") {
    CHECK(day_number({1970, 1, 1}) == 0);
    CHECK(day_number({1969, 12, 31}) == -1);
    CHECK(day_number({2000, 2, 29}) == 11016);
    CHECK(day_number({2024, 11, 12}) == 20039);
    for (int day = -800; day < 25000; day += 37) {
        CalendarDate d = calendar_date(day);
        INFO(day << " -> " << iso_date(d));
        CHECK(day_number(d) == day);
    }
}

TEST_CASE("timeline dates: a day or a whole month", "[bind][timeline]") {
    auto day = parse_date_span("2024-11-12");
    REQUIRE(day);
    CHECK(day->first == 20039);
    CHECK_FALSE(day->is_month());
    auto month = parse_date_span("2025-05");
    REQUIRE(month);
    CHECK(month->first == day_number({2025, 5, 1}));
    CHECK(month->last == day_number({2025, 5, 31}));
    CHECK(parse_date_span("2024-02")->last == day_number({2024, 2, 29}));
    CHECK(parse_date_span("12-11-2024")->first == 20039);
    for (const char* bad : {"voorjaar", "2025-13", "2025-5-", "2025", "2024-11-31", "", "25-05"}) {
        INFO(bad);
        CHECK_FALSE(parse_date_span(bad));
    }
}

TEST_CASE("month ticks carry Dutch names and the year at the first tick and in January",
          "[bind][timeline]") {
    auto ticks = month_ticks(day_number({2024, 11, 12}), day_number({2025, 3, 31}), 1);
    REQUIRE(ticks.size() == 4);
    CHECK(ticks[0].day == day_number({2024, 12, 1}));
    CHECK(ticks[0].label == "dec");
    CHECK(ticks[0].year == "2024");
    CHECK(ticks[1].label == "jan");
    CHECK(ticks[1].year == "2025");
    CHECK(ticks[2].year.empty());
    CHECK(ticks[3].label == "mrt");

    auto quarters = month_ticks(day_number({2023, 10, 1}), day_number({2025, 8, 31}), 3);
    std::vector<std::string> labels;
    for (const auto& t : quarters) labels.push_back(t.label + t.year);
    CHECK(labels == std::vector<std::string>{"okt2023", "jan2024", "apr", "jul", "okt", "jan2025",
                                             "apr", "jul"});
}

namespace {

const char* kTimeline = R"(
  <timeline each="items" as="m" from="2024-01" to="2024-12" date="{{m.date}}"
            end="{{m.end | default(&quot;&quot;)}}" status="{{m.status}}" now="2024-07-01">
    <status name="done" color="green" label="Afgerond"/>
    <status name="planned" color="#c8553d" outline="true"/>
    <label><text>{{m.title}}</text></label>
  </timeline>)";

}  // namespace

TEST_CASE("a timeline binds its items to day numbers, statuses and labels", "[bind][timeline]") {
    auto data = yaml(
        "items:\n"
        "  - {title: Start, date: 2024-01-15, status: done}\n"
        "  - {title: Zomer, date: 2024-06, end: 2024-08, status: planned}\n"
        "  - {title: Mei, date: 2024-05, status: done}\n");
    Box body = bind_ok(kTimeline, data);
    REQUIRE(body.children.size() == 1);
    const Box& t = body.children[0];
    REQUIRE(t.kind == Box::Kind::Timeline);
    REQUIRE(t.timeline);
    const Timeline& tl = *t.timeline;
    CHECK(tl.start == day_number({2024, 1, 1}));
    CHECK(tl.end == day_number({2024, 12, 31}));
    CHECK(tl.ticks.size() == 12);
    CHECK(tl.now == day_number({2024, 7, 1}));
    REQUIRE(tl.statuses.size() == 2);
    CHECK(tl.statuses[0].label == "Afgerond");
    CHECK(tl.statuses[1].label == "planned");  // no label: the name
    CHECK(tl.statuses[1].outline);
    REQUIRE(tl.items.size() == 3);
    CHECK(tl.items[0].start == day_number({2024, 1, 15}));
    CHECK(tl.items[0].end == tl.items[0].start);
    CHECK(tl.items[1].start == day_number({2024, 6, 1}));   // a period: first day of June
    CHECK(tl.items[1].end == day_number({2024, 8, 31}));    // to the last day of August
    CHECK(tl.items[1].status == 1);
    CHECK(tl.items[2].start == day_number({2024, 5, 16}));  // a month alone: its middle
    REQUIRE(t.children.size() == 3);
    CHECK(t.children[1].children.at(0).spans.at(0).text == "Zomer");
}

TEST_CASE("bad timeline data is reported at the data value", "[bind][timeline][bad]") {
    auto data = yaml(
        "items:\n"
        "  - {title: A, date: voorjaar, status: done}\n"
        "  - {title: B, date: 2024-03-01, status: klaar}\n"
        "  - {title: C, date: 2023-12-01, status: done}\n"
        "  - {title: D, date: 2024-11, end: 2025-02, status: done}\n"
        "  - {title: E, status: done}\n");
    Bound b = bind_layout(layout_xml(kTimeline), data);
    auto errors = b.errors();
    INFO(printed(b.diags));
    REQUIRE(errors.size() == 5);
    CHECK(where(errors[0]->loc) == "d.yaml:2:22");
    CHECK(errors[0]->message == "'voorjaar' is not a date");
    CHECK(where(errors[1]->loc) == "d.yaml:3:42");
    CHECK(errors[1]->hint == "expected one of: done, planned");
    CHECK(errors[1]->message == "unknown status 'klaar'");
    CHECK(errors[2]->message == "'2023-12-01' lies outside the timeline (2024-01-01 to 2024-12-31)");
    CHECK(where(errors[2]->loc) == "d.yaml:4:22");
    CHECK(errors[3]->message == "'2025-02' lies outside the timeline (2024-01-01 to 2024-12-31)");
    CHECK(where(errors[3]->loc) == "d.yaml:5:36");
    CHECK(errors[4]->message == "this timeline item has no date");
    CHECK(where(errors[4]->loc) == "d.yaml:6:5");
}

TEST_CASE("circles are round frames, arrows keep direction and head", "[bind][shapes]") {
    Box body = bind_ok(R"(<circle diameter="10mm" fill="green"><text>1</text></circle>
                          <arrow direction="down" length="12mm" head="2mm"/>)",
                       yaml("x: 1\n"));
    REQUIRE(body.children.size() == 2);
    const Box& circle = body.children[0];
    CHECK(circle.kind == Box::Kind::Frame);
    CHECK(circle.frame.radius == Approx(10 * 72 / 25.4 / 2));
    CHECK(circle.frame.width->to_pt(0) == Approx(10 * 72 / 25.4));
    CHECK(circle.frame.height->to_pt(0) == Approx(10 * 72 / 25.4));
    const Box& arrow = body.children[1];
    CHECK(arrow.kind == Box::Kind::Arrow);
    CHECK(arrow.arrow_direction == ArrowDirection::Down);
    CHECK(arrow.arrow_head == Approx(2 * 72 / 25.4));
}

TEST_CASE("autolinks: URLs and e-mail addresses in text become links", "[bind][autolink]") {
    auto links = find_links("Mail mellany.vanbommel@wur.nl of zie https://prezi.com/view/X/. En www.wur.nl");
    REQUIRE(links.size() == 3);
    CHECK(links[0].href == "mailto:mellany.vanbommel@wur.nl");
    CHECK(links[1].href == "https://prezi.com/view/X/");  // the full stop is not part of it
    CHECK(links[2].href == "https://www.wur.nl");
    CHECK(find_links("a @ b, x@y, 12@3").empty());

    Box body = bind_ok(R"(<text autolink="true">✉ {{mail}} en <link href="https://a.nl">https://a.nl</link></text>)",
                       yaml("mail: a.b@wur.nl\n"));
    const auto& spans = body.children.at(0).spans;
    std::vector<std::string> linked;
    for (const auto& s : spans)
        if (!s.link.empty()) linked.push_back(s.text + "=" + s.link);
    CHECK(linked == std::vector<std::string>{"a.b@wur.nl=mailto:a.b@wur.nl", "https://a.nl=https://a.nl"});
    Box plain = bind_ok("<text>{{mail}}</text>", yaml("mail: a.b@wur.nl\n"));
    CHECK(plain.children.at(0).spans.at(0).link.empty());
}

TEST_CASE("sizes of markers and shapes must be larger than zero, the axis must run forward",
          "[bind][timeline][bad]") {
    auto data = yaml("items: []\n");
    Bound b = bind_layout(layout_xml(R"(
      <timeline each="items" as="m" from="2024-06" to="2024-01" date="{{m.date}}" status="x"
                marker-size="0mm"><label/></timeline>
      <circle diameter="0mm"/>)"), data);
    std::vector<std::string> messages;
    for (const auto* e : b.errors()) messages.push_back(e->message);
    CHECK(messages == std::vector<std::string>{"the timeline ends before it starts",
                                               "diameter must be a length larger than 0"});
    Bound marker = bind_layout(layout_xml(R"(
      <timeline each="items" as="m" from="2024-01" to="2024-06" date="{{m.date}}" status="x"
                marker-size="0mm"><label/></timeline>)"), data);
    REQUIRE(marker.errors().size() == 1);
    CHECK(marker.errors()[0]->message == "marker-size must be a length larger than 0");
}

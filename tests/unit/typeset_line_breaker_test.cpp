// The Knuth-Plass line breaker on plain data: boxes of known widths, no fonts.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "typeset/line_breaker.h"

using namespace dw::typeset;

namespace {

BreakItem box(double width) { return BreakItem::box(width); }
BreakItem space() { return BreakItem::glue(5, 2.5, 5.0 / 3); }
BreakItem hyphen() { return BreakItem::break_at(50, 3, true); }
BreakItem fill() { return BreakItem::glue(0, 1e6, 0); }
BreakItem forced() { return BreakItem::break_at(BreakItem::kForcedBreak); }

// Words of the given widths separated by spaces, then the paragraph's end.
std::vector<BreakItem> words(const std::vector<double>& widths) {
    std::vector<BreakItem> items;
    for (size_t i = 0; i < widths.size(); ++i) {
        if (i > 0) items.push_back(space());
        items.push_back(box(widths[i]));
    }
    items.push_back(fill());
    items.push_back(forced());
    return items;
}

auto fixed(double width) {
    return [width](int) { return width; };
}

}  // namespace

TEST_CASE("a paragraph that fits stays on one line", "[linebreaker]") {
    auto items = words({20, 30, 40});
    auto breaks = break_lines(items, fixed(200));
    REQUIRE(breaks.size() == 1);
    CHECK(breaks[0] == items.size() - 1);
}

TEST_CASE("lines break at spaces and every line fits its width", "[linebreaker]") {
    auto items = words({40, 40, 40, 40, 40, 40, 40, 40});
    auto breaks = break_lines(items, fixed(100));
    REQUIRE(breaks.size() == 4);  // two 40-pt words and a space per 100-pt line
    for (size_t i = 0; i + 1 < breaks.size(); ++i)
        CHECK(items[breaks[i]].kind == BreakItem::Kind::Glue);
    CHECK(breaks.back() == items.size() - 1);
}

TEST_CASE("a hyphenation point is used when spaces alone would stretch too far", "[linebreaker]") {
    // "aaaa bb-cc": without hyphenating, line 1 ("aaaa") would be far too loose.
    std::vector<BreakItem> items{box(60), space(), box(20), hyphen(), box(30), fill(), forced()};
    auto breaks = break_lines(items, fixed(88));
    REQUIRE(breaks.size() == 2);
    CHECK(breaks[0] == 3);
}

TEST_CASE("a forced break always ends a line", "[linebreaker]") {
    std::vector<BreakItem> items{box(10), fill(), forced(), box(10), fill(), forced()};
    auto breaks = break_lines(items, fixed(500));
    REQUIRE(breaks.size() == 2);
    CHECK(breaks[0] == 2);
}

TEST_CASE("a box wider than the line gets an overfull line instead of no layout", "[linebreaker]") {
    auto items = words({30, 250, 30});
    auto breaks = break_lines(items, fixed(100));
    REQUIRE(breaks.size() == 3);
    CHECK(breaks[0] == 1);
    CHECK(breaks[1] == 3);
}

TEST_CASE("line widths may differ per line (indented first line)", "[linebreaker]") {
    auto items = words({45, 45, 45, 45});
    auto breaks = break_lines(items, [](int line) { return line == 0 ? 60.0 : 100.0; });
    REQUIRE(breaks.size() == 3);  // one word on the short first line, then two and one
    CHECK(breaks[0] == 1);
}

TEST_CASE("the adjustment ratio stretches, shrinks and reports what cannot fit", "[linebreaker]") {
    CHECK(adjustment_ratio(90, 20, 5, 100) == Approx(0.5));
    CHECK(adjustment_ratio(105, 20, 10, 100) == Approx(-0.5));
    CHECK(adjustment_ratio(100, 0, 0, 100) == 0);
    CHECK(std::isinf(adjustment_ratio(90, 0, 0, 100)));
    CHECK(adjustment_ratio(110, 0, 0, 100) < -1);
}

namespace {

// One word of `count` characters, each `width` wide, that may break between any two of them
// (as a word wider than its column is cut), then the paragraph's end.
std::vector<BreakItem> cuttable_word(size_t count, double width) {
    std::vector<BreakItem> items;
    for (size_t i = 0; i < count; ++i) {
        if (i > 0) items.push_back(BreakItem::break_at(50));
        items.push_back(box(width));
    }
    items.push_back(fill());
    items.push_back(forced());
    return items;
}

// The number of boxes on each line the breaks make.
std::vector<size_t> boxes_per_line(const std::vector<BreakItem>& items, const std::vector<size_t>& breaks) {
    std::vector<size_t> counts;
    size_t from = 0;
    for (size_t b : breaks) {
        size_t n = 0;
        for (size_t i = from; i < b; ++i) n += items[i].kind == BreakItem::Kind::Box;
        counts.push_back(n);
        from = b + 1;
    }
    return counts;
}

}  // namespace

TEST_CASE("a long word that may break anywhere fills every line to its end", "[linebreaker]") {
    for (size_t count : {size_t(200), size_t(200'000)}) {  // optimal, and first fit past the budget
        INFO(count << " characters");
        const auto items = cuttable_word(count, 5);
        const auto breaks = break_lines(items, [](int) { return 100.0; });
        REQUIRE(!breaks.empty());
        CHECK(breaks.back() == items.size() - 1);
        const auto counts = boxes_per_line(items, breaks);
        REQUIRE(counts.size() == count / 20);
        for (size_t n : counts) CHECK(n == 20);  // 20 characters of 5 fill a line of 100: no overflow
    }
}

TEST_CASE("first fit past the budget keeps forced breaks and gives an over-wide box its own line",
          "[linebreaker]") {
    auto items = cuttable_word(200'000, 5);
    items.insert(items.begin(), {box(150), BreakItem::break_at(50), box(5), forced()});
    const auto breaks = break_lines(items, [](int) { return 100.0; });
    const auto counts = boxes_per_line(items, breaks);
    REQUIRE(counts.size() >= 3);
    CHECK(counts[0] == 1);  // the box of 150 alone, overfull
    CHECK(counts[1] == 1);  // up to the forced break
    CHECK(counts[2] == 20);
}

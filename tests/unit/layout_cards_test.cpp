#include <catch2/catch.hpp>
#include <sstream>

#include "layout/card_deck.h"
#include "layout/layout_reader.h"

using namespace dw;
using namespace dw::layout;

namespace {

double mm(double v) { return v * 72.0 / 25.4; }

std::string printed(const Diagnostics& diags) {
    std::ostringstream out;
    diags.print(out);
    return out.str();
}

bool contains_message(const Diagnostics& diags, const std::string& message) {
    return printed(diags).find(message) != std::string::npos;
}

}  // namespace

TEST_CASE("<cards> reads size, bleed, themes, faces and the sheet", "[layout][cards]") {
    Diagnostics diags;
    auto layout = parse_layout(
        "<layout><cards size=\"A7\" bleed=\"2mm\" theme-field=\"thema\" label=\"{{thema}}.{{les}}\">"
        "<theme number=\"1\" name=\"Een\" color=\"#112233\"/>"
        "<front><text>{{titel}}</text></front><back><text>{{theme.name}}</text></back>"
        "<sheet paper=\"Letter\" orientation=\"landscape\" gutter=\"5mm\" duplex=\"short-edge\" "
        "back-offset-x=\"-1.5mm\" calibration=\"true\"/></cards></layout>",
        "t.xml", diags);
    INFO(printed(diags));
    REQUIRE(diags.all().empty());
    REQUIRE(layout);
    REQUIRE(layout->cards);
    const CardDeck& deck = *layout->cards;
    CHECK(deck.width == Approx(mm(74)));
    CHECK(deck.height == Approx(mm(105)));
    CHECK(deck.bleed == Approx(mm(2)));
    CHECK(deck.safe == Approx(mm(4)));
    CHECK(deck.theme_field == "thema");
    CHECK(deck.quantity_field == "quantity");
    CHECK(deck.label == "{{thema}}.{{les}}");
    REQUIRE(deck.themes.size() == 1);
    CHECK(deck.theme("1")->color == "#112233");
    CHECK(deck.theme("2") == nullptr);
    CHECK(deck.front.children.size() == 1);
    REQUIRE(deck.sheet);
    CHECK(deck.sheet->paper_width == Approx(612));
    CHECK(deck.sheet->orientation == SheetOrientation::Landscape);
    CHECK(deck.sheet->gutter == Approx(mm(5)));
    CHECK(deck.sheet->duplex == Duplex::ShortEdge);
    CHECK(deck.sheet->back_offset_x == Approx(mm(-1.5)));
    CHECK(deck.sheet->calibration);
}

TEST_CASE("<cards> errors: duplicate theme, missing front, document and cards together",
          "[layout][cards]") {
    Diagnostics dup;
    parse_layout("<layout><cards><theme number=\"1\" name=\"a\" color=\"#000\"/>"
                 "<theme number=\"1\" name=\"b\" color=\"#000\"/><front/></cards></layout>",
                 "t.xml", dup);
    CHECK(contains_message(dup, "duplicate theme '1'"));

    Diagnostics no_front;
    parse_layout("<layout><cards/></layout>", "t.xml", no_front);
    CHECK(no_front.has_errors());

    Diagnostics both;
    parse_layout("<layout><document/><cards><front/></cards></layout>", "t.xml", both);
    CHECK(printed(both).find("a layout has <document> or <cards>, not both") != std::string::npos);
}

// The reader prepares every template node for binding (templates split, static values converted,
// see layout::PreparedAttribute); binding a node built by hand, which has none of that, must give
// the same boxes and the same diagnostics at the same places.
#include <sstream>

#include "bind/card_binder.h"
#include "bind_support.h"

using namespace dw;
using namespace bind_test;

namespace {

const char* kCardLayout = R"(<layout name="t">
  <palette><color name="green" value="#1f5f4a"/></palette>
  <styles default="body"><style name="body" size="9pt"/></styles>
  <cards size="63mm 88mm">
    <front>
      <box fill="{{kleur}}" padding="2mm 3mm" height="{{h}}" border-color="#336699">
        <text color="{{kleur}}">Titel: {{titel}} en {{onbekend}}</text>
        <row gap="2mm"><column width="1fr"><text>{{titel | upper}}</text></column></row>
        <rule thickness="1pt" space-before="{{h}}"/>
      </box>
      <box padding="1mm" keep-together="false" rotate="3"><text>Vast</text></box>
    </front>
  </cards>
</layout>)";

// What the reader prepared, taken away again: a node as one built by hand would be.
void unprepare(layout::Node& node) {
    node.prepared_attributes.clear();
    node.text_template.clear();
    for (auto& child : node.children) unprepare(child);
}

std::string colour(const std::optional<Color>& c) {
    if (!c) return "none";
    std::ostringstream out;
    out << c->r << "," << c->g << "," << c->b << "," << c->a;
    return out.str();
}

// The bound values a card's boxes carry, one line per box, depth first.
void describe(const bind::Box& box, std::ostringstream& out) {
    const bind::Frame& f = box.frame;
    out << int(box.kind) << " " << where(box.loc) << " fill=" << colour(f.fill)
        << " border=" << colour(f.border_color) << " padding=" << f.padding[0] << "/"
        << f.padding[1] << "/" << f.padding[2] << "/" << f.padding[3]
        << " height=" << (f.height ? f.height->value : -1) << " keep=" << f.keep_together
        << " rotate=" << f.rotate << " colour=" << colour(box.style.color)
        << " thickness=" << box.thickness << " before=" << box.space_before << " gap=" << box.gap;
    for (const auto& span : box.spans) out << " [" << span.text << "@" << where(span.loc) << "]";
    out << "\n";
    for (const auto& child : box.children) describe(child, out);
}

struct BoundFront {
    std::string boxes;
    std::string diagnostics;
};

BoundFront bind_front(const layout::Layout& layout, const layout::CardDeck& deck) {
    data::Value card = yaml("kleur: green\nh: abc\ntitel: Hallo\n");
    data::Value theme = data::Value::map();
    Diagnostics diags;
    bind::BoundCard bound = bind::bind_card(layout, deck, card, theme, false, diags);
    std::ostringstream boxes;
    describe(bound.front, boxes);
    return {boxes.str(), printed(diags)};
}

}  // namespace

TEST_CASE("a node built by hand binds as the reader's prepared node does", "[bind][cards]") {
    Diagnostics layout_diags;
    auto layout = layout::parse_layout(kCardLayout, "t.xml", layout_diags);
    INFO(printed(layout_diags));
    REQUIRE(layout);
    REQUIRE(layout->cards);
    layout::CardDeck by_hand = *layout->cards;
    unprepare(by_hand.front);
    REQUIRE_FALSE(by_hand.front.children[0].prepared());

    BoundFront prepared = bind_front(*layout, *layout->cards);
    BoundFront unprepared = bind_front(*layout, by_hand);
    CHECK(prepared.boxes == unprepared.boxes);
    CHECK(prepared.diagnostics == unprepared.diagnostics);
    // The errors point where they are written: the attribute, the expression inside the text.
    CHECK(prepared.diagnostics.find("t.xml:6:47: error: 'abc' is not a length") !=
          std::string::npos);
    CHECK(prepared.diagnostics.find("t.xml:7:53: error: unknown field 'onbekend'") !=
          std::string::npos);
    CHECK(prepared.boxes.find("[Titel: @t.xml:7:33]") != std::string::npos);
}

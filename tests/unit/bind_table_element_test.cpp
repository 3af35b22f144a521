// <table each=...>: a Table box from a data list (header row, a row per item, widths per <cell>);
// <if before=...> for dates; and <field one-of=...>, a warning at the data's line.
#include "bind/data_validation.h"
#include "bind_support.h"

using namespace dw;
using namespace dw::bind;
using namespace bind_test;

namespace {

const char* kMeeting =
    "date: 2025-01-21\n"
    "attendees:\n"
    "  - name: Marga\n"
    "  - name: Dani\n"
    "actions:\n"
    "  - what: Offerte\n"
    "    who: Marga\n"
    "    due: 2025-01-10\n"
    "    status: open\n"
    "  - what: Wandelingen\n"
    "    who: Dani\n"
    "    due: 2025-02-28\n"
    "    status: open\n"
    "  - what: Kaarten\n"
    "    who: Piet\n"
    "    due: 2025-01-02\n"
    "    status: done\n";

const char* kStatusCell =
    "<cell header=\"Status\" width=\"20mm\">"
    "<if test=\"a.status\" equals=\"done\"><text>gedaan</text></if>"
    "<else><if test=\"a.due\" before=\"date\"><text>verlopen</text></if>"
    "<else><text>open</text></else></else></cell>";

const Box* find_table(const Box& box) {
    if (box.kind == Box::Kind::Table) return &box;
    for (const auto& child : box.children)
        if (const Box* t = find_table(child)) return t;
    return nullptr;
}

}  // namespace

TEST_CASE("<table each>: a header row, then a row per item with a cell per <cell>", "[bind]") {
    Box root = bind_ok(std::string("<table each=\"actions\" as=\"a\" width=\"100%\">"
                                   "<cell header=\"Actie\"><text>{{a.what}}</text></cell>"
                                   "<cell header=\"Wie\" width=\"30mm\"><text>{{a.who}}</text></cell>") +
                           kStatusCell + "</table>",
                       yaml(kMeeting));
    const Box* table = find_table(root);
    REQUIRE(table);
    REQUIRE(table->table);
    CHECK(table->table->header_rows == 1);
    REQUIRE(table->table->widths.size() == 3);
    CHECK_FALSE(table->table->widths[0]);
    CHECK(table->table->widths[1]->to_pt() == Approx(Length::mm(30).to_pt()));
    REQUIRE(table->children.size() == 4);
    CHECK(texts(table->children[0]) == std::vector<std::string>{"Actie", "Wie", "Status"});
    // Open and due before the meeting: overdue; open and due later: open; done stays done.
    CHECK(texts(table->children[1]) == std::vector<std::string>{"Offerte", "Marga", "verlopen"});
    CHECK(texts(table->children[2]) == std::vector<std::string>{"Wandelingen", "Dani", "open"});
    CHECK(texts(table->children[3]) == std::vector<std::string>{"Kaarten", "Piet", "gedaan"});
}

TEST_CASE("<table each> over an empty list prints nothing", "[bind]") {
    Box root = bind_ok("<table each=\"none\"><cell header=\"X\"><text>x</text></cell></table>",
                       yaml("none: []\n"));
    CHECK_FALSE(find_table(root));
}

TEST_CASE("<field one-of>: a value not in the named list is a warning at its line", "[bind][data]") {
    const char* xml =
        "<layout name=\"t\"><data>"
        "<field name=\"date\" type=\"date\"/>"
        "<field name=\"attendees\" type=\"list\"><field name=\"name\"/></field>"
        "<field name=\"actions\" type=\"list\"><field name=\"what\"/>"
        "<field name=\"who\" one-of=\"attendees.name\"/><field name=\"due\" type=\"date\"/>"
        "<field name=\"status\" type=\"enum\" values=\"open done\"/></field>"
        "</data><styles default=\"body\"><style name=\"body\" family=\"Lato\" size=\"10pt\"/>"
        "</styles><document><text>{{date}}</text><for each=\"attendees\"><text>{{item.name}}</text>"
        "</for><for each=\"actions\"><text>{{item.what}} {{item.who}} {{item.due}} {{item.status}}"
        "</text></for></document></layout>";
    Diagnostics layout_diags;
    auto layout = layout::parse_layout(xml, "t.xml", layout_diags);
    INFO(printed(layout_diags));
    REQUIRE(layout);
    REQUIRE(layout_diags.all().empty());
    data::Value data = yaml(kMeeting);
    Diagnostics diags;
    CHECK(validate_data(data, *layout, {}, diags));  // a warning, not an error
    REQUIRE(diags.all().size() == 1);
    CHECK(printed(diags).find("d.yaml:15:10") != std::string::npos);
    CHECK(printed(diags).find("'actions[3].who' is 'Piet', not one of attendees.name") !=
          std::string::npos);
}

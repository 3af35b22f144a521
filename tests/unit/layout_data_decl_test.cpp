// The data declaration of a layout (<data>, <field>) and the check of the layout's uses of data
// against it, on layouts written here.
#include <catch2/catch.hpp>

#include "layout/layout_reader.h"

using namespace dw;
using namespace dw::layout;

namespace {

// A layout whose <data> (line 2-8) declares a title, a list of people and a map; `body` is the
// document's flow content, from line 10 on.
std::string layout_with(const std::string& body, const std::string& extra_fields = "") {
    return "<layout>\n"
           "  <data format=\"yaml\">\n"
           "    <field name=\"title\" required=\"true\"/>\n"
           "    <field name=\"people\" type=\"list\">\n"
           "      <field name=\"name\" required=\"true\"/><field name=\"role\"/>\n"
           "    </field>\n"
           "    <field name=\"contact\" type=\"map\"><field name=\"email\"/></field>\n" +
           extra_fields + "  </data>\n  <document>\n" + body + "\n  </document>\n</layout>\n";
}

std::vector<std::string> messages(const std::string& xml) {
    Diagnostics diags;
    parse_layout(xml, "t.xml", diags);
    std::vector<std::string> out;
    for (const auto& d : diags.all())
        out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " +
                      d.message + " | " + d.hint);
    return out;
}

}  // namespace

TEST_CASE("a layout's data declaration is read into plain data", "[layout][data]") {
    Diagnostics diags;
    auto layout = parse_layout(layout_with("<text>{{title}}</text>"), "t.xml", diags);
    REQUIRE(layout);
    REQUIRE(layout->data.declared);
    const FieldDecl& root = layout->data.document.root;
    REQUIRE(root.field_names() == std::vector<std::string>{"title", "people", "contact"});
    CHECK(root.find("title")->required);
    CHECK(root.find("people")->has_item_fields());
    CHECK(root.find("contact")->type == FieldType::Map);
    CHECK(layout->data.document.format == DataFormat::Yaml);
}

TEST_CASE("every use of data must be declared, with loops and maps followed", "[layout][data]") {
    CHECK(messages(layout_with("<for each=\"people\" as=\"p\"><text>{{index}}. {{p.name}}, "
                               "{{p.role | upper}}</text></for><text>{{contact.email}}</text>"))
              .empty());
    CHECK(messages(layout_with("<text>{{titel}}</text>")) ==
          std::vector<std::string>{
              "10:7 the data declares no field 'titel' | did you mean 'title'?"});
    CHECK(messages(layout_with("<for each=\"people\" as=\"p\"><text>{{p.nme}}</text></for>")) ==
          std::vector<std::string>{"10:33 'p' declares no field 'nme' | did you mean 'name'?"});
    CHECK(messages(layout_with("<for each=\"people\" sort=\"rol\"><text>x</text></for>")) ==
          std::vector<std::string>{
              "10:26 'people[]' declares no field 'rol' | did you mean 'role'?"});
    CHECK(messages(layout_with("<for each=\"title\"><text>x</text></for>")) ==
          std::vector<std::string>{"10:12 'title' is declared as text, not a list | "});
}

TEST_CASE("declarations that contradict themselves are errors", "[layout][data]") {
    CHECK(messages(
              layout_with("<text>{{title}}</text>", "    <field name=\"c\" type=\"enum\"/>\n")) ==
          std::vector<std::string>{"8:5 field 'c' is an enum without values | list its values: "
                                   "values=\"yellow pink blue\""});
    CHECK(messages(layout_with(
              "<text>{{title}}</text>",
              "    <field name=\"c\" type=\"enum\" values=\"a b\" default=\"z\"/>\n")) ==
          std::vector<std::string>{"8:46 default 'z' is not one of the values | "});
}

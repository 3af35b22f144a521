// A layout that takes a collection (<data collection=... layout=...>): the files' layout is
// read with it, and the layout's uses of data are checked against what the collection binds.
#include <catch2/catch.hpp>

#include "layout/collection_decl.h"
#include "layout/layout_reader.h"

using namespace dw;
using namespace dw::layout;

namespace {

// Beside the example layouts, so that layout="minutes.xml" is found.
const std::string kFile = DRUKWERK_SOURCE_ROOT "/layouts/t.xml";

std::string collection_with(const std::string& body, const std::string& data_attributes =
                                                         "collection=\"meetings\" layout=\"minutes.xml\"") {
    return "<layout>\n  <data format=\"markdown\" " + data_attributes +
           "/>\n  <document>\n" + body + "\n  </document>\n</layout>\n";
}

std::vector<std::string> messages(const std::string& xml) {
    Diagnostics diags;
    parse_layout(xml, kFile, diags);
    std::vector<std::string> out;
    for (const auto& d : diags.all())
        out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + d.message);
    return out;
}

}  // namespace

TEST_CASE("a collection layout reads its files' layout and declares what it binds",
          "[layout][collection]") {
    Diagnostics diags;
    auto layout = parse_layout(
        collection_with("<for each=\"owners\" as=\"o\"><text>{{o.name}}</text>"
                        "<table each=\"o.actions\" as=\"a\"><cell><text>{{a.what}} "
                        "{{a.raised.date}} {{a.closed.venue}}</text></cell></table></for>"
                        "<text>{{latest.series}} {{meetings | count}} {{done | count}}</text>"),
        kFile, diags);
    INFO((diags.all().empty() ? std::string() : diags.all()[0].message));
    REQUIRE(layout);
    CHECK(diags.all().empty());
    CHECK(layout->collection == "meetings");
    REQUIRE(layout->collection_files);
    CHECK(layout->collection_files->data.document.root.find("attendees"));
    CHECK(layout->data.document.root.field_names() ==
          std::vector<std::string>{"meetings", "latest", "actions", "open", "done", "owners"});
    const FieldDecl* meetings = layout->data.document.root.find("meetings");
    REQUIRE(meetings);
    CHECK(meetings->find("source"));
    CHECK(meetings->find("venue"));
}

TEST_CASE("a collection's uses of data are checked, its declaration's mistakes reported",
          "[layout][collection]") {
    // A path the collection does not bind: an error in the layout with the fields it has.
    std::vector<std::string> m = messages(collection_with("<text>{{latest.venu}}</text>"));
    REQUIRE(m.size() == 1);
    CHECK(m[0].find("venu") != std::string::npos);
    // No layout for the files.
    m = messages(collection_with("<text>x</text>", "collection=\"meetings\""));
    REQUIRE(m.size() == 1);
    CHECK(m[0] == "2:3 a collection needs the layout of its files");
    // A collection of collections (this layout, actielijst.xml, takes minutes).
    m = messages(collection_with("<text>x</text>",
                                 "collection=\"lists\" layout=\"actielijst.xml\""));
    REQUIRE_FALSE(m.empty());
    CHECK(m[0].find("cannot be a collection themselves") != std::string::npos);
}

TEST_CASE("the reference page of a collection does not expand every meeting",
          "[layout][collection]") {
    Diagnostics diags;
    auto layout = parse_layout(collection_with("<text>{{latest.date}}</text>"), kFile, diags);
    REQUIRE(layout);
    FieldDecl outline = collection_outline(*layout);
    CHECK(outline.find("meetings")->fields.empty());
    CHECK(outline.find("latest")->fields.empty());
    CHECK(outline.find("open")->find("raised")->fields.empty());
    CHECK(outline.find("open")->find("what"));
}

TEST_CASE("a collection declares no fields of its own", "[layout][collection]") {
    std::string xml = "<layout>\n  <data format=\"markdown\" collection=\"meetings\" "
                      "layout=\"minutes.xml\">\n    <field name=\"x\"/>\n  </data>\n"
                      "  <document><text>{{latest.date}}</text></document>\n</layout>\n";
    std::vector<std::string> m = messages(xml);
    REQUIRE(m.size() == 1);
    CHECK(m[0] == "3:5 a collection declares no fields of its own");
}

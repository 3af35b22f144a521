#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "layout/reference_doc.h"
#include "layout/schema.h"
#include "layout/value_check.h"

using namespace dw::layout;

TEST_CASE("docs/layout-reference.md is generated from the schema", "[layout][schema]") {
    const std::string path = DRUKWERK_SOURCE_ROOT "/docs/layout-reference.md";
    std::ifstream in(path, std::ios::binary);
    std::stringstream file;
    file << in.rdbuf();
    INFO(path + " must match the layout schema (src/layout/schema_table.cpp).\n"
                "Regenerate it: build/drukwerk schema > docs/layout-reference.md");
    CHECK(file.str() == layout_reference_markdown());
}

TEST_CASE("the reference names every element and attribute", "[layout][schema]") {
    std::string doc = layout_reference_markdown();
    for (const auto& e : schema()) {
        INFO(e.name);
        CHECK(doc.find("### `<" + e.name + ">`") != std::string::npos);
        for (const auto& a : e.attributes) CHECK(doc.find("| `" + a.name + "` |") != doc.npos);
    }
}

TEST_CASE("every element and attribute is documented", "[layout][schema]") {
    for (const auto& e : schema()) {
        INFO(e.name);
        CHECK(!e.doc.empty());
        for (const auto& a : e.attributes) {
            INFO(a.name);
            CHECK(!a.doc.empty());
        }
    }
}

TEST_CASE("names are unique and children exist", "[layout][schema]") {
    std::set<std::string> elements;
    for (const auto& e : schema()) {
        CHECK(elements.insert(e.name).second);
        std::set<std::string> attributes;
        for (const auto& a : e.attributes) CHECK(attributes.insert(a.name).second);
        for (const auto& child : e.children) CHECK(find_element(child) != nullptr);
    }
    CHECK(schema().front().name == "layout");
}

TEST_CASE("every default is a valid value of its own type", "[layout][schema]") {
    for (const auto& e : schema()) {
        for (const auto& a : e.attributes) {
            if (a.default_value.empty()) continue;
            INFO(e.name << " " << a.name << "=" << a.default_value);
            CHECK_FALSE(a.required);
            CHECK_FALSE(check_value(a, a.default_value));
        }
    }
}

TEST_CASE("placement rules", "[layout][schema]") {
    const ElementSpec& document = *find_element("document");
    const ElementSpec& row = *find_element("row");
    CHECK(allows_child(document, *find_element("text")));
    CHECK(allows_child(document, row));
    CHECK_FALSE(allows_child(document, *find_element("column")));
    CHECK_FALSE(allows_child(document, *find_element("b")));
    CHECK(allows_child(row, *find_element("column")));
    CHECK(allows_child(*find_element("text"), *find_element("span")));
    CHECK(allowed_children(*find_element("image")).empty());
}

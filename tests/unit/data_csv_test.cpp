#include <catch2/catch.hpp>

#include "data/csv_loader.h"

using namespace dw;
using namespace dw::data;

namespace {

std::string where(const SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

Value parse_ok(std::string_view text) {
    Diagnostics diags;
    auto v = parse_csv(text, "d.csv", diags);
    INFO(text);
    REQUIRE(diags.all().empty());
    REQUIRE(v);
    return *v;
}

std::string first_error(std::string_view text) {
    Diagnostics diags;
    parse_csv(text, "d.csv", diags);
    REQUIRE(diags.has_errors());
    return where(diags.all()[0].loc) + ": " + diags.all()[0].message;
}

}  // namespace

TEST_CASE("CSV rows become maps keyed by the header, each field with its position", "[data][csv]") {
    Value v = parse_ok("theme,lesson,title\n1,2,Begin klein\n3,1,Één doel\n");
    REQUIRE(v.is_list());
    REQUIRE(v.items.size() == 2);
    const Value& row = v.items[1];
    REQUIRE(row.keys() == std::vector<std::string>{"theme", "lesson", "title"});
    CHECK(row.find("title")->text == "Één doel");
    CHECK(where(row.find("title")->loc) == "d.csv:3:5");
    CHECK(where(row.loc) == "d.csv:3:1");
}

TEST_CASE("CSV separator is sniffed from the header, a BOM and CRLF are accepted", "[data][csv]") {
    Value v = parse_ok("\xEF\xBB\xBFthema;titel;tekst\r\n2;\"Ede, Arnhem\";a,b\r\n");
    REQUIRE(v.items.size() == 1);
    CHECK(v.items[0].find("thema")->text == "2");
    CHECK(v.items[0].find("titel")->text == "Ede, Arnhem");
    CHECK(v.items[0].find("tekst")->text == "a,b");
    CHECK(where(v.items[0].find("tekst")->loc) == "d.csv:2:17");
}

TEST_CASE("CSV quoting follows RFC 4180, with newlines inside fields", "[data][csv]") {
    Value v = parse_ok("a,b\n\"zei \"\"ja\"\"\",\"twee\r\nregels\"\n\"\",x\n");
    REQUIRE(v.items.size() == 2);
    CHECK(v.items[0].find("a")->text == "zei \"ja\"");
    CHECK(v.items[0].find("b")->text == "twee\nregels");
    CHECK(v.items[1].find("a")->text.empty());
    CHECK(where(v.items[1].loc) == "d.csv:4:1");  // the line count includes the quoted newline
}

TEST_CASE("CSV blank and separator-only lines are skipped", "[data][csv]") {
    Value v = parse_ok("a;b\n\n1;2\n;;\n3;4\n");
    REQUIRE(v.items.size() == 2);
    CHECK(v.items[1].find("a")->text == "3");
}

TEST_CASE("CSV errors name file, line and column", "[data][csv]") {
    CHECK(first_error("") == "d.csv:1:1: the CSV file is empty");
    CHECK(first_error("a,b\n1,\"open\n2,3\n") ==
          "d.csv:2:3: unclosed quote: this field runs to the end of the file");
    CHECK(first_error("a,b,c\n1,2\n") ==
          "d.csv:2:3: this row has 2 field(s), the header 3; column 'c' is missing");
    CHECK(first_error("a,b\n1,2,3\n") == "d.csv:2:5: field 3 is past the last column ('b')");
    // An empty field too many is most often an unquoted separator inside a text: an error too.
    CHECK(first_error("a;b\n1;2;\n") == "d.csv:2:5: field 3 is past the last column ('b')");
    CHECK(first_error("a,,c\n") == "d.csv:1:3: empty column name in the header row");
    CHECK(first_error("a,a\n") == "d.csv:1:3: duplicate column 'a'");
    CHECK(first_error("a,b\n\"x\"y,2\n") == "d.csv:2:4: text after the closing quote of a field");
    CHECK(first_error("a\n\xff\n") == "d.csv:2:1: invalid UTF-8 byte 0xFF");
}

TEST_CASE("CSV keeps the good rows around a bad one", "[data][csv]") {
    Diagnostics diags;
    auto v = parse_csv("a,b\n1,2\n3\n4,5\n", "d.csv", diags);
    REQUIRE(v);
    CHECK(diags.error_count() == 1);
    REQUIRE(v->items.size() == 2);
    CHECK(v->items[1].find("a")->text == "4");
}

// The PDF syntax the finishing reads Cairo's objects with (output/pdf_syntax.h): tokens,
// dictionaries, arrays and references as written.
#include <catch2/catch.hpp>

#include "output/pdf_syntax.h"

using namespace dw::pdf_syntax;

TEST_CASE("a structure element's entries, as Cairo writes them", "[output]") {
    const std::string_view element =
        "\n<< /Type /StructElem\n   /S /P\n   /P 12 0 R\n   /ActualText (a (nested) \\) string)\n"
        "   /K [ 3 0 R 7 << /Type /MCR /Pg 5 0 R /MCID 2 >> [ 1 2 ] 14 0 R ]\n   /Pg 5 0 R\n>>\nendobj\n";
    const auto entries = dictionary_entries(element);
    REQUIRE(entries.size() == 6);
    CHECK(entry(entries, "/Type") == "/StructElem");
    CHECK(entry(entries, "/S") == "/P");
    CHECK(entry(entries, "/P") == "12 0 R");
    CHECK(entry(entries, "/ActualText") == "(a (nested) \\) string)");
    CHECK(entry(entries, "/Pg") == "5 0 R");
    CHECK(entry(entries, "/Alt").empty());
    const auto kids = array_items(entry(entries, "/K"));
    REQUIRE(kids.size() == 5);
    CHECK(kids[0] == "3 0 R");
    CHECK(kids[1] == "7");
    CHECK(kids[2].substr(0, 2) == "<<");
    CHECK(kids[3] == "[ 1 2 ]");
    CHECK(kids[4] == "14 0 R");
}

TEST_CASE("references are told from numbers", "[output]") {
    CHECK(reference("12 0 R") == std::pair{12, 0});
    CHECK(reference("12\n0 R") == std::pair{12, 0});
    CHECK_FALSE(reference("12"));
    CHECK_FALSE(reference("12 0"));
    CHECK_FALSE(reference("/R"));
    CHECK_FALSE(reference("1 2 3 R"));
    CHECK(array_items("4 0 R") == std::vector<std::string_view>{"4 0 R"});  // a single kid
    CHECK(array_items("[]").empty());
    CHECK(array_items("").empty());
}

TEST_CASE("what is not a dictionary has no entries", "[output]") {
    CHECK(dictionary_entries("12").empty());
    CHECK(dictionary_entries("[ 1 2 ]").empty());
    CHECK(dictionary_entries("<< 1 2 >>").empty());  // keys are names
    CHECK(dictionary_entries("<< >>").empty());
    // cut off: the entries up to the end
    const auto partial = dictionary_entries("<< /S /P /K");
    REQUIRE(partial.size() == 2);
    CHECK(partial[1].second.empty());
}

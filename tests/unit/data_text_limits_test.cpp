// The limits of a Markdown body: a paragraph too long, or a body too large, is reported once at
// the line where it starts or passes the limit.
#include <catch2/catch.hpp>
#include <string>

#include "data/csv_loader.h"
#include "data/text_limits.h"
#include "data/yaml_loader.h"

using namespace dw::data;

namespace {

std::string errors_of(const std::string& body) {
    dw::Diagnostics diags;
    const bool ok = check_body_limits(body, "m.md", 5, diags);
    std::string out;
    for (const auto& d : diags.all())
        out += d.loc.file + ":" + std::to_string(d.loc.line) + ": " + d.message + "\n";
    CHECK(ok == out.empty());
    return out;
}

}  // namespace

TEST_CASE("a body within the limits passes", "[data][limits]") {
    CHECK(errors_of("# Kop\n\nEen alinea.\n").empty());
    std::string paragraphs;
    for (int i = 0; i < 100; ++i) paragraphs += std::string(8000, 'a') + "\n\n";
    CHECK(errors_of(paragraphs).empty());  // 800 KB in paragraphs of 8 KB
}

TEST_CASE("a paragraph longer than the limit is an error at its first line", "[data][limits]") {
    const std::string body =
        "Kort.\n\n" + std::string(40'000, 'a') + "\n" + std::string(40'000, 'b') + "\n";
    CHECK(errors_of(body) ==
          "m.md:7: this paragraph is longer than 64 KB; a paragraph may hold at most 64 KB\n");
}

TEST_CASE("a body larger than the limit is an error at the line that passes it", "[data][limits]") {
    std::string body;
    for (int i = 0; i < 200; ++i) body += std::string(10'000, 'w') + "\n\n";  // 2 MB
    // Line 5 + 2 per paragraph: the 105th paragraph passes 1 MB (104 * 10,002 < 1,048,576).
    CHECK(errors_of(body) == "m.md:" + std::to_string(5 + 2 * 104) +
                                 ": the text passes 1 MB here; a document may hold at most 1 MB\n");
}

TEST_CASE("YAML larger than the limit, or a text value longer than a paragraph, is an error",
          "[data][limits]") {
    dw::Diagnostics diags;
    const std::string big = "title: " + std::string(70'000, 'a') + "\nauthor: x\n";
    CHECK_FALSE(dw::data::parse_yaml(big, "d.yaml", 1, diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].loc.line == 1);
    CHECK(diags.all()[0].loc.col == 8);
    CHECK(diags.all()[0].message ==
          "this text is longer than 64 KB; a value may hold at most 64 KB");

    dw::Diagnostics many;
    std::string lines;
    for (int i = 0; i < 30'000; ++i) lines += "- " + std::string(48, 'x') + "\n";  // 1.5 MB
    CHECK_FALSE(dw::data::parse_yaml(lines, "d.yaml", 1, many));
    REQUIRE(many.all().size() == 1);
    CHECK(many.all()[0].loc.line == 1 + 1024 * 1024 / 51);
    CHECK(many.all()[0].message == "the data passes 1 MB here; YAML data may hold at most 1 MB");

    dw::Diagnostics fine;
    CHECK(dw::data::parse_yaml("title: " + std::string(60'000, 'a') + "\n", "d.yaml", 1, fine));
    CHECK(fine.all().empty());
}

TEST_CASE("a CSV file larger than the limit, or a cell longer than a paragraph, is an error",
          "[data][limits]") {
    dw::Diagnostics diags;
    std::string rows = "theme;title\n";
    for (int i = 0; i < 30'000; ++i) rows += "1;" + std::string(48, 't') + "\n";  // 51 bytes a row
    CHECK_FALSE(dw::data::parse_csv(rows, "d.csv", diags));
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].message == "the data passes 1 MB here; a CSV file may hold at most 1 MB");
    CHECK(diags.all()[0].loc.line == 2 + (1024 * 1024 - 12) / 51);

    dw::Diagnostics cell;
    CHECK_FALSE(
        dw::data::parse_csv("theme;title\n1;" + std::string(70'000, 't') + "\n", "d.csv", cell));
    REQUIRE(cell.all().size() == 1);
    CHECK(cell.all()[0].loc.line == 2);
    CHECK(cell.all()[0].loc.col == 3);
    CHECK(cell.all()[0].message ==
          "this text is longer than 64 KB; a value may hold at most 64 KB");
}

// Explicit bidi controls in data: balanced ones are kept; one a text leaves open is closed at the
// end of its value or paragraph, with a warning at the place where it is written.
#include <catch2/catch.hpp>

#include <sstream>

#include "data/bidi_controls.h"
#include "data/csv_loader.h"
#include "data/markdown_loader.h"
#include "data/rich_text.h"
#include "data/yaml_loader.h"

using namespace dw;

namespace {

const std::string RLO = "\u202E", PDF = "\u202C", RLI = "\u2067", PDI = "\u2069", LRE = "\u202A";

std::string printed(const Diagnostics& diags) {
    std::ostringstream out;
    diags.print(out);
    return out.str();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("balanced bidi controls need nothing", "[data][bidi]") {
    for (const std::string& text : {"Ali " + RLO + "x" + PDF, RLI + "محمد" + PDI + " (gemeente)",
                                    RLI + LRE + "a" + PDI, std::string("geen controls – ook niet ’")}) {
        INFO(text);
        data::BidiBalance balance = data::balance_bidi_controls(text);
        CHECK(balance.unclosed.empty());
        CHECK(balance.stray.empty());
        CHECK(balance.closers.empty());
    }
}

TEST_CASE("unclosed bidi controls are closed innermost first", "[data][bidi]") {
    const std::string text = "a" + RLI + "b" + RLO + "c";
    data::BidiBalance balance = data::balance_bidi_controls(text);
    REQUIRE(balance.unclosed.size() == 2);
    CHECK(balance.unclosed[0].code_point == 0x2067);
    CHECK(balance.unclosed[0].offset == 1);
    CHECK(balance.unclosed[1].code_point == 0x202E);
    CHECK(balance.closers == PDF + PDI);
}

TEST_CASE("a closer that closes nothing is stray", "[data][bidi]") {
    data::BidiBalance balance = data::balance_bidi_controls("a" + PDF + "b" + RLI + "c" + PDF + PDI + PDI);
    REQUIRE(balance.stray.size() == 3);  // PDF at the start, PDF inside the isolate, the 2nd PDI
    CHECK(balance.stray[0].code_point == 0x202C);
    CHECK(balance.stray[1].code_point == 0x202C);
    CHECK(balance.stray[2].code_point == 0x2069);
    CHECK(balance.unclosed.empty());
}

TEST_CASE("a YAML value's unclosed override is closed at its end, warned at its place", "[data][bidi]") {
    Diagnostics diags;
    auto value = data::parse_yaml("title: Overleg\nattendees:\n  - name: \"Sara " + RLO + "Amrani\"\n", "v.yaml",
                                  1, diags);
    REQUIRE(value);
    const data::Value& name = value->find("attendees")->items[0].fields[0].value;
    CHECK(name.text == "Sara " + RLO + "Amrani" + PDF);
    const std::string out = printed(diags);
    INFO(out);
    CHECK(contains(out, "v.yaml:3:17: warning: the right-to-left override (U+202E) is never closed"));
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a YAML escape is found at the value's start", "[data][bidi]") {
    Diagnostics diags;
    auto value = data::parse_yaml("name: \"Sara \\u202EAmrani\"\n", "v.yaml", 1, diags);
    REQUIRE(value);
    CHECK(value->find("name")->text == "Sara " + RLO + "Amrani" + PDF);
    CHECK(contains(printed(diags), "v.yaml:1:7: warning: the right-to-left override (U+202E) is never closed"));
}

TEST_CASE("a CSV field's stray closer is a warning at its place", "[data][bidi]") {
    Diagnostics diags;
    auto rows = data::parse_csv("titel;tekst\nKaart;een " + PDI + "stap\n", "d.csv", diags);
    REQUIRE(rows);
    CHECK(rows->items[0].fields[1].value.text == "een " + PDI + "stap");
    CHECK(contains(printed(diags), "d.csv:2:11: warning: the pop directional isolate (U+2069) closes nothing"));
}

TEST_CASE("a Markdown paragraph's unclosed isolate is closed at the paragraph's end", "[data][bidi]") {
    Diagnostics diags;
    const std::string text = "---\ntitle: x\n---\n# Kop\n\nWelkom **" + RLI + "Noa** en de rest.\n\nVolgende alinea.\n";
    auto doc = data::parse_markdown(text, "m.md", {}, diags);
    REQUIRE(doc);
    const data::RichText& rich = *doc->find("body")->rich;
    REQUIRE(rich.blocks.size() == 3);
    const auto& paragraph = rich.blocks[1].inlines;
    REQUIRE_FALSE(paragraph.empty());
    CHECK(paragraph.back().kind == data::Inline::Kind::Text);
    CHECK(paragraph.back().text == PDI);
    CHECK(rich.blocks[2].inlines.back().text == "Volgende alinea.");
    CHECK(contains(printed(diags), "m.md:6:10: warning: the right-to-left isolate (U+2067) is never closed"));
}

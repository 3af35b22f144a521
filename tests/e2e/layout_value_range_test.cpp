// End-to-end: a length or font size outside its range is an error at the attribute that writes
// it (file:line:col of the layout, the allowed range as the note), exit 1 and no output, for
// every kind of length the layout language has.
#include <catch2/catch.hpp>
#include <string>

#include "e2e/e2e_support.h"

namespace {

using namespace e2e;

// A small layout with `line` in its document and `page_master` / `body_style` replaceable.
std::string layout_with(const std::string& line,
                        const std::string& page_master = R"(size="A4" margin="20mm")",
                        const std::string& body_style = R"(size="10pt")") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<layout name=\"ranges\">\n"
           "  <palette><color name=\"ink\" value=\"#1e2b26\"/></palette>\n"
           "  <styles default=\"body\">\n"
           "    <style name=\"body\" family=\"Lato\" " +
           body_style +
           " color=\"ink\"/>\n"
           "    <style name=\"heading\" base=\"body\" weight=\"bold\" size=\"14pt\"/>\n"
           "  </styles>\n"
           "  <page-master name=\"a4\" " +
           page_master +
           "/>\n"
           "  <document page-master=\"a4\">\n"
           "    " +
           line +
           "\n"
           "    <richtext source=\"body\" h1=\"heading\"/>\n"
           "  </document>\n"
           "</layout>\n";
}

// "L:C" of `written` (an attribute and its value) in `text` (1-based, as diagnostics count).
std::string where(const std::string& text, const std::string& written) {
    const size_t at = text.find(" " + written) + 1;
    const size_t line_start = text.rfind('\n', at) + 1;
    size_t line = 1;
    for (size_t i = 0; i < at; ++i) line += text[i] == '\n';
    return std::to_string(line) + ":" + std::to_string(at - line_start + 1);
}

// Renders `layout` (written as ranges.xml) and checks the one error at `attribute`.
void expect_range_error(const std::string& layout, const std::string& attribute,
                        const std::string& value, const std::string& allowed) {
    TempDir dir("drukwerk-ranges");
    write_file(dir / "ranges.xml", layout);
    const fs::path out = dir / "out.pdf";
    const RunResult r = drukwerk({"render", fixture("e2e/minimal.md").string(), "--layout",
                                  "ranges.xml", "-o", out.string()},
                                 {}, dir.path());
    INFO(r.err);
    const std::string at = "ranges.xml:" + where(layout, attribute + "=\"" + value + "\"") + ": ";
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    const auto errors = diagnostic_lines(r.err, "error");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          at + "error: '" + value + "' is out of range for attribute '" + attribute + "'");
    CHECK(contains(r.err, at + "note: allowed: " + allowed + "\n"));
    CHECK_FALSE(fs::exists(out));
}

}  // namespace

TEST_CASE("lengths outside their range are errors at the attribute", "[e2e][bad][layout][range]") {
    SECTION("a font size") {
        expect_range_error(layout_with("<text>{{title}}</text>", R"(size="A4" margin="20mm")",
                                       R"(size="10000pt")"),
                           "size", "10000pt", "from 1pt to 1000pt");
    }
    SECTION("a font size as a percentage") {
        expect_range_error(layout_with(R"(<text><span size="5000%">{{title}}</span></text>)"),
                           "size", "5000%", "from 1% to 1000%");
    }
    SECTION("a negative margin") {
        expect_range_error(layout_with("<text>{{title}}</text>", R"(size="A4" margin="20mm -5mm")"),
                           "margin", "20mm -5mm", "from 0mm to 5080mm");
    }
    SECTION("a negative padding") {
        expect_range_error(layout_with(R"(<box padding="-2pt"><text>{{title}}</text></box>)"),
                           "padding", "-2pt", "from 0pt to 14400pt");
    }
    SECTION("a negative gap") {
        expect_range_error(layout_with(R"(<columns gap="-3mm"><text>{{title}}</text></columns>)"),
                           "gap", "-3mm", "from 0mm to 5080mm");
    }
    SECTION("an absurd spacer") {
        expect_range_error(layout_with(R"(<spacer height="600cm"/>)"), "height", "600cm",
                           "from 0cm to 508cm");
    }
    SECTION("a width over 100 %") {
        expect_range_error(layout_with(R"(<rule width="150%"/>)"), "width", "150%",
                           "from 0% to 100%");
    }
    SECTION("a page size too small") {
        expect_range_error(layout_with("<text>{{title}}</text>", R"(size="1mm 297mm" margin="0")"),
                           "size", "1mm 297mm", "from 1.06mm to 5080mm");
    }
    SECTION("a line height of almost nothing") {
        expect_range_error(layout_with("<text>{{title}}</text>", R"(size="A4" margin="20mm")",
                                       R"(size="10pt" line-height="0.01")"),
                           "line-height", "0.01",
                           "a multiple of the size from 0.1 to 10, or a length");
    }
}

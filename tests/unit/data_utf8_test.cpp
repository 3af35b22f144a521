#include <catch2/catch.hpp>

#include "data/line_index.h"
#include "data/markdown_loader.h"
#include "data/text_file.h"
#include "data/utf8_check.h"
#include "data/yaml_loader.h"

using namespace dw;
using namespace dw::data;

namespace {

const std::string kFixtures = DRUKWERK_SOURCE_ROOT "/tests/fixtures/data/";

// The one diagnostic a check produced, formatted GCC style.
std::string only_diagnostic(const Diagnostics& diags) {
    REQUIRE(diags.all().size() == 1);
    return format_diagnostic(diags.all()[0]);
}

}  // namespace

TEST_CASE("valid UTF-8 passes, including 2-, 3- and 4-byte characters", "[data][utf8]") {
    Diagnostics diags;
    REQUIRE(check_utf8("Café € 😀 ĳ\n", {"f.md", 1, 1}, diags));
    REQUIRE(diags.all().empty());
}

TEST_CASE("a Latin-1 byte is reported at its line and character column", "[data][utf8]") {
    Diagnostics diags;
    REQUIRE_FALSE(check_utf8("eerste regel\nCaf\xE9 Noord\n", {"in.md", 1, 1}, diags));
    REQUIRE(only_diagnostic(diags) ==
            "in.md:2:4: error: invalid UTF-8 byte 0xE9\n"
            "in.md:2:4: note: save the file as UTF-8\n");
}

TEST_CASE("columns count characters, not bytes", "[data][utf8]") {
    Diagnostics diags;
    REQUIRE_FALSE(check_utf8("éé\xFF", {"f", 1, 1}, diags));
    REQUIRE(diags.all()[0].loc.col == 3);
}

TEST_CASE("malformed sequences are each caught at their lead byte", "[data][utf8]") {
    struct Case {
        std::string text;
        std::string message;
        int col;
    };
    std::vector<Case> cases = {
        {"a\xC0\xAF", "invalid UTF-8 byte 0xC0", 2},         // overlong '/'
        {"ab\xED\xA0\x80", "invalid UTF-8 byte 0xED", 3},    // UTF-16 surrogate
        {"\xF4\x90\x80\x80", "invalid UTF-8 byte 0xF4", 1},  // past U+10FFFF
        {"abc\xE2\x82", "invalid UTF-8 byte 0xE2", 4},       // cut off at the end
        {"x\x80", "invalid UTF-8 byte 0x80", 2},             // stray continuation byte
        {"ok\xE2\x82x", "invalid UTF-8 byte 0xE2", 3},       // cut off mid-text
        {std::string("a\0b", 3), "unexpected NUL byte 0x00", 2},
    };
    for (const auto& c : cases) {
        Diagnostics diags;
        INFO(c.message);
        REQUIRE_FALSE(check_utf8(c.text, {"f", 1, 1}, diags));
        REQUIRE(diags.all().size() == 1);
        REQUIRE(diags.all()[0].message == c.message);
        REQUIRE(diags.all()[0].loc.col == c.col);
    }
}

TEST_CASE("text cut out of a larger file reports the outer file's lines", "[data][utf8]") {
    Diagnostics diags;
    REQUIRE_FALSE(check_utf8("a\nbc\xFF", {"m.md", 10, 3}, diags));
    REQUIRE(diags.all()[0].loc.line == 11);
    REQUIRE(diags.all()[0].loc.col == 5);
}

TEST_CASE("a leading byte order mark is stripped", "[data][utf8]") {
    REQUIRE(strip_bom("\xEF\xBB\xBFtitle") == "title");
    REQUIRE(strip_bom("title") == "title");
    REQUIRE(strip_bom("\xEF\xBB") == "\xEF\xBB");
}

TEST_CASE("a Markdown file with a BOM loads, its first line is line 1", "[data][utf8]") {
    Diagnostics diags;
    auto doc = load_markdown_file(kFixtures + "bom.md", {}, diags);
    REQUIRE(diags.all().empty());
    REQUIRE(doc);
    REQUIRE(doc->find("title")->text == "Met BOM");
    REQUIRE(doc->find("title")->loc.line == 2);
    REQUIRE(doc->find("body")->loc.line == 4);
}

TEST_CASE("a Latin-1 YAML file is read as Windows-1252, with a note", "[data][utf8]") {
    Diagnostics diags;
    auto value = load_yaml_file(kFixtures + "latin1.yaml", diags);
    REQUIRE(value);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].severity == dw::Severity::Note);
    CHECK(diags.all()[0].message.find("read as Windows-1252") != std::string::npos);
}

TEST_CASE("a Latin-1 YAML file read as UTF-8 is rejected with the byte's position", "[data][utf8]") {
    Diagnostics diags;
    auto value = load_yaml_file(kFixtures + "latin1.yaml", diags, dw::data::TextEncoding::Utf8);
    REQUIRE_FALSE(value);
    REQUIRE(diags.all().size() == 1);
    REQUIRE(diags.all()[0].message == "invalid UTF-8 byte 0xE9");
    REQUIRE(diags.all()[0].loc.line == 2);
    REQUIRE(diags.all()[0].loc.col == 11);
}

TEST_CASE("invalid UTF-8 in Markdown stops before parsing", "[data][utf8]") {
    Diagnostics diags;
    auto doc = parse_markdown("# Kop\n\nna\xEFve\n", "x.md", {}, diags);
    REQUIRE_FALSE(doc);
    REQUIRE(only_diagnostic(diags) ==
            "x.md:3:3: error: invalid UTF-8 byte 0xEF\n"
            "x.md:3:3: note: save the file as UTF-8\n");
}

TEST_CASE("LineIndex turns byte columns into character columns", "[data][utf8]") {
    LineIndex index("abc\nJosé x\n");
    REQUIRE(index.char_column(1, 3) == 3);
    REQUIRE(index.char_column(2, 7) == 6);  // 'x' is byte 7 but character 6
    REQUIRE(index.char_column(9, 4) == 4);  // out of range: unchanged
}

TEST_CASE("a missing file is an error at its path, with a did-you-mean hint", "[data][utf8]") {
    Diagnostics diags;
    REQUIRE_FALSE(read_text_file(kFixtures + "minutse.md", diags));
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all()[0];
    REQUIRE(d.loc.file == kFixtures + "minutse.md");
    REQUIRE(d.loc.line == 0);
    REQUIRE(d.message == "file not found");
    REQUIRE(d.hint == "did you mean '" + kFixtures + "minutes.md'?");
}

TEST_CASE("a directory is not read as a file", "[data][utf8]") {
    Diagnostics diags;
    REQUIRE_FALSE(read_text_file(kFixtures, diags));
    REQUIRE(diags.all()[0].message == "is a directory, not a file");
}

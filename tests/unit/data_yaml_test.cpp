#include <catch2/catch.hpp>
#include <chrono>

#include "data/yaml_loader.h"

using namespace dw;
using namespace dw::data;

namespace {

const std::string kFixtures = DRUKWERK_SOURCE_ROOT "/tests/fixtures/data/";

std::string where(const SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

Value parse_ok(std::string_view text, int first_line = 1) {
    Diagnostics diags;
    auto v = parse_yaml(text, "d.yaml", first_line, diags);
    INFO(text);
    REQUIRE(diags.all().empty());
    REQUIRE(v);
    return *v;
}

const Diagnostic& only_error(const Diagnostics& diags) {
    REQUIRE(diags.error_count() == 1);
    REQUIRE(diags.all().size() == 1);
    return diags.all()[0];
}

}  // namespace

TEST_CASE("YAML scalars stay strings as written, each with its position", "[data][yaml]") {
    Value v = parse_ok(
        "series: Consortium bijeenkomst\n"
        "date: 2024-11-12\n"
        "count: 007\n"
        "quoted: \"null\"\n"
        "colon: \"Agenda: punt 1\"\n");
    REQUIRE(v.is_map());
    REQUIRE(where(v.loc) == "d.yaml:1:1");
    REQUIRE(v.find("series")->text == "Consortium bijeenkomst");
    REQUIRE(where(v.find("series")->loc) == "d.yaml:1:9");
    REQUIRE(v.find("date")->text == "2024-11-12");
    REQUIRE(where(v.find("date")->loc) == "d.yaml:2:7");
    REQUIRE(v.find("count")->text == "007");
    REQUIRE(v.find("quoted")->is_string());
    REQUIRE(v.find("quoted")->text == "null");
    REQUIRE(v.find("colon")->text == "Agenda: punt 1");
}

TEST_CASE("null, ~ and empty values are Null, located at their key", "[data][yaml]") {
    Value v = parse_ok("a: null\nb: ~\nc:\nd: x\n");
    REQUIRE(v.find("a")->is_null());
    REQUIRE(v.find("b")->is_null());
    REQUIRE(where(v.find("b")->loc) == "d.yaml:2:4");
    REQUIRE(v.find("c")->is_null());
    REQUIRE(where(v.find("c")->loc) == "d.yaml:3:1");  // not line 4, where yaml-cpp marks it
}

TEST_CASE("maps keep source order, lists nest", "[data][yaml]") {
    Value v = parse_ok(
        "zeta: 1\n"
        "alpha: 2\n"
        "attendees:\n"
        "  - name: Bart Lichtenberg\n"
        "    organisation: gemeente Arnhem\n"
        "  - name: Mellany\n");
    REQUIRE(v.keys() == std::vector<std::string>{"zeta", "alpha", "attendees"});
    const Value& list = *v.find("attendees");
    REQUIRE(list.is_list());
    REQUIRE(list.items.size() == 2);
    REQUIRE(where(list.items[0].loc) == "d.yaml:4:5");
    REQUIRE(list.items[0].keys() == std::vector<std::string>{"name", "organisation"});
    REQUIRE(list.items[0].find("organisation")->text == "gemeente Arnhem");
    REQUIRE(where(list.items[0].find("organisation")->loc) == "d.yaml:5:19");
    REQUIRE(list.items[1].find("name")->text == "Mellany");
}

TEST_CASE("embedded YAML reports the outer file's lines", "[data][yaml]") {
    Value v = parse_ok("a: 1\nb: 2\n", 7);
    REQUIRE(where(v.find("b")->loc) == "d.yaml:8:4");
}

TEST_CASE("columns count characters after multi-byte text", "[data][yaml]") {
    Value v = parse_ok("k: [é, b]\n");
    REQUIRE(v.find("k")->items[1].text == "b");
    REQUIRE(v.find("k")->items[1].loc.col == 8);  // byte column 9
}

TEST_CASE("YAML whose lines start at a column reports that column", "[data][yaml]") {
    Diagnostics diags;
    auto v = parse_yaml("- text: a\n- text: b\n", SourceLoc{"m.md", 20, 3}, diags);
    REQUIRE(v);
    REQUIRE(where(v->items[1].find("text")->loc) == "m.md:21:11");
}

TEST_CASE("non-string keys are stringified", "[data][yaml]") {
    Value v = parse_ok("1: x\ntrue: y\n[a, b]: z\n");
    REQUIRE(v.keys() == std::vector<std::string>{"1", "true", "[a, b]"});
    REQUIRE(v.find("[a, b]")->text == "z");
}

TEST_CASE("an empty document is Null", "[data][yaml]") {
    REQUIRE(parse_ok("").is_null());
    REQUIRE(parse_ok("# only a comment\n").is_null());
}

TEST_CASE("an unquoted ': ' inside a value is an error at its position", "[data][yaml]") {
    Diagnostics diags;
    auto v = parse_yaml("title: Verslag\nagenda: punt 1: opening\n", "d.yaml", 1, diags);
    REQUIRE_FALSE(v);
    const Diagnostic& d = only_error(diags);
    REQUIRE(where(d.loc) == "d.yaml:2:15");  // the second colon
    REQUIRE(d.message == "illegal map value");
    REQUIRE(d.hint.find("must be quoted") != std::string::npos);
}

TEST_CASE("bad indentation is an error on the line that is off", "[data][yaml]") {
    Diagnostics diags;
    auto v = parse_yaml("attendees:\n  - name: Bart\n   organisation: x\n", "d.yaml", 1, diags);
    REQUIRE_FALSE(v);
    const Diagnostic& d = only_error(diags);
    REQUIRE(where(d.loc) == "d.yaml:3:4");
    REQUIRE(d.message == "end of sequence not found");
    REQUIRE(d.hint.find("indentation") != std::string::npos);
}

TEST_CASE("a tab used for indentation is reported with a hint", "[data][yaml]") {
    Diagnostics diags;
    REQUIRE_FALSE(parse_yaml("a: 1\n\tb: 2\n", "d.yaml", 1, diags));
    REQUIRE(where(only_error(diags).loc) == "d.yaml:2:1");
    REQUIRE(only_error(diags).hint ==
            "indent with spaces; YAML does not allow tabs for indentation");
}

TEST_CASE("a duplicate key is an error naming the key and its first line", "[data][yaml]") {
    Diagnostics diags;
    auto v = parse_yaml("date: 2024-11-12\nseries: x\ndate: 2024-12-01\n", "d.yaml", 1, diags);
    REQUIRE(v);
    const Diagnostic& d = only_error(diags);
    REQUIRE(where(d.loc) == "d.yaml:3:1");
    REQUIRE(d.message == "duplicate key 'date' (first defined on line 1)");
    REQUIRE(v->find("date")->text == "2024-11-12");
    REQUIRE(v->fields.size() == 2);
}

TEST_CASE("a line that silently starts a new document in yaml-cpp is an error", "[data][yaml]") {
    Diagnostics diags;
    REQUIRE_FALSE(parse_yaml("- a\n- b\nnaam: x\n", "d.yaml", 1, diags));
    REQUIRE(where(only_error(diags).loc) == "d.yaml:3:1");
    REQUIRE(only_error(diags).message == "this line does not fit in the list or map above it");
}

TEST_CASE("a second document after '---' is an error, not dropped", "[data][yaml]") {
    Diagnostics diags;
    REQUIRE_FALSE(parse_yaml("a: 1\n---\nb: 2\n", "d.yaml", 1, diags));
    REQUIRE(where(only_error(diags).loc) == "d.yaml:3:1");
    REQUIRE(only_error(diags).message ==
            "a second YAML document starts here; drukwerk reads one per file");
}

TEST_CASE("an alias inside its own anchor is an error, not a crash", "[data][yaml]") {
    Diagnostics diags;
    auto v = parse_yaml("a: &x [1, *x]\n", "d.yaml", 1, diags);
    REQUIRE(v);
    REQUIRE(only_error(diags).message == "an alias refers to the list or map that contains it");
}

TEST_CASE("aliases that expand exponentially are stopped", "[data][yaml]") {
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
        std::string prev = "*a" + std::to_string(i - 1);
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) text += (k ? ", " : "") + prev;
        text += "]\n";
    }
    Diagnostics diags;
    auto start = std::chrono::steady_clock::now();
    auto v = parse_yaml(text, "d.yaml", 1, diags);
    REQUIRE(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    REQUIRE(diags.error_count() == 1);
    REQUIRE(diags.all()[0].message == "aliases expand this YAML to more than 1000000 values");
}

TEST_CASE("aliases copy the anchored value", "[data][yaml]") {
    Value v = parse_ok("base: &b {kleur: geel}\nkaart: *b\n");
    REQUIRE(v.find("kaart")->find("kleur")->text == "geel");
}

TEST_CASE("a YAML file loads with file positions", "[data][yaml]") {
    Diagnostics diags;
    auto v = load_yaml_file(kFixtures + "project.yaml", diags);
    REQUIRE(diags.all().empty());
    REQUIRE(v);
    REQUIRE(v->find("name")->text == "Samen gezond");
    REQUIRE(v->find("start")->text == "2024-01-15");
    REQUIRE(v->find("partners")->items[1].find("naam")->text == "gemeente Arnhem");
    REQUIRE(where(v->find("partners")->items[1].loc) == kFixtures + "project.yaml:7:5");
    REQUIRE(v->find("budget")->is_null());
}

TEST_CASE("a missing YAML file is an error at its path", "[data][yaml]") {
    Diagnostics diags;
    REQUIRE_FALSE(load_yaml_file("/nonexistent/dir/project.yaml", diags));
    const Diagnostic& d = only_error(diags);
    REQUIRE(d.loc.file == "/nonexistent/dir/project.yaml");
    REQUIRE(d.message == "file not found");
    REQUIRE_FALSE(d.hint.empty());
}

// Found by fuzz_yaml: yaml-cpp 0.7 loops forever on these; drukwerk reports them instead.
TEST_CASE("a comma where yaml-cpp would loop forever is an error, not a hang", "[yaml][fuzz]") {
    const std::pair<const char*, const char*> cases[] = {
        {",a", "d.yaml:1:1"},           {" ,\na", "d.yaml:1:2"},
        {"- x\n,\ny", "d.yaml:2:1"},    {"\"x\"\n,\na", "d.yaml:2:1"},
        {"a: 1\n---\n,\n", "d.yaml:3:1"}, {"--- ,\n", "d.yaml:1:5"},
        {"# c\n  - a\n  - b# c:\n  , x\nb:\n", "d.yaml:4:3"},  {"!ol,", "d.yaml:1:4"},
        {" {{a: b}}\n  ,{c: d]", "d.yaml:2:3"},
    };
    for (const auto& [text, at] : cases) {
        Diagnostics diags;
        INFO(text);
        CHECK_FALSE(parse_yaml(text, "d.yaml", 1, diags));
        const Diagnostic& d = only_error(diags);
        CHECK(where(d.loc) == at);
        CHECK(d.message == "unexpected ','");
    }
    Diagnostics diags;
    auto fixture = load_yaml_file(DRUKWERK_SOURCE_ROOT "/tests/fixtures/fuzz/yaml-root-comma-hang.yaml", diags);
    CHECK_FALSE(fixture);
    CHECK(diags.all().at(0).loc.line == 30);
    Diagnostics nested;
    CHECK_FALSE(load_yaml_file(
        DRUKWERK_SOURCE_ROOT "/tests/fixtures/fuzz/yaml-nested-root-comma-hang.yaml", nested));
    CHECK(nested.all().at(0).loc.line == 4);
}

TEST_CASE("commas that belong to text, flow lists or block scalars are fine", "[yaml][fuzz]") {
    CHECK(parse_ok("a: foo\n  , bar").find("a")->text == "foo , bar");
    CHECK(parse_ok("a: |\n  , bar\n").find("a")->text == ", bar\n");
    CHECK(parse_ok("a: \"x\n  , y\"").find("a")->text == "x , y");
    CHECK(parse_ok("a: [1,\n  2]").find("a")->items.size() == 2);
    CHECK(parse_ok("# ,\na: 1").find("a")->text == "1");
    CHECK(parse_ok("a: it's, fine").find("a")->text == "it's, fine");
}

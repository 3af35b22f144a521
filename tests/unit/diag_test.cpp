#include <catch2/catch.hpp>

#include "diag/diagnostics.h"
#include "diag/suggest.h"

using namespace dw;

TEST_CASE("diagnostics print GCC style with a hint line", "[diag]") {
    Diagnostics diags;
    diags.error({"inputs/x.md", 12, 3}, "unknown style 'kop1'", "did you mean 'kop-1'?");
    REQUIRE(diags.has_errors());
    REQUIRE(format_diagnostic(diags.all()[0]) ==
            "inputs/x.md:12:3: error: unknown style 'kop1'\n"
            "inputs/x.md:12:3: note: did you mean 'kop-1'?\n");
}

TEST_CASE("diagnostics print once per cause", "[diag]") {
    Diagnostics diags;
    diags.error({"v.md", 5, 7}, "'date' is not a date", "write YYYY-MM-DD");
    diags.error({"v.md", 5, 7}, "'date' is not a date", "write YYYY-MM-DD");  // same place
    diags.warning({"v.md", 77, 3}, "unknown field 'color'", "did you mean 'colour'?");
    diags.warning({"v.md", 80, 3}, "unknown field 'color'", "did you mean 'colour'?");
    diags.warning({"v.md", 83, 3}, "unknown field 'color'", "did you mean 'colour'?");
    std::vector<Diagnostic> printed = diags.by_cause();
    REQUIRE(printed.size() == 2);
    CHECK(printed[0].message == "'date' is not a date");
    CHECK(printed[1].message == "unknown field 'color' (and 2 more)");
    CHECK(printed[1].loc.line == 77);
    CHECK(diags.error_count() == 2);  // counted as reported
}

TEST_CASE("warnings do not count as errors", "[diag]") {
    Diagnostics diags;
    diags.warning({"a.xml", 1, 1}, "odd");
    REQUIRE_FALSE(diags.has_errors());
}

TEST_CASE("closest_match finds typos and rejects unrelated words", "[diag]") {
    std::vector<std::string> styles{"kop-1", "kop-2", "body", "quote"};
    REQUIRE(closest_match("kop1", styles) == "kop-1");
    REQUIRE(closest_match("bdoy", styles) == "body");
    REQUIRE(closest_match("zzzzzzzz", styles).empty());
    REQUIRE(suggestion_hint("zzzzzzzz", {"a", "b"}) == "expected one of: a, b");
}

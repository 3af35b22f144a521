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

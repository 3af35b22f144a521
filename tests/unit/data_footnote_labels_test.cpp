// [^label] references in Markdown: an undefined label is an error at its line:col; a defined one
// a warning that footnotes print as written; code is never searched.
#include <catch2/catch.hpp>

#include <sstream>

#include "data/footnote_labels.h"

using namespace dw;

namespace {

std::string checked(std::string_view body) {
    Diagnostics diags;
    data::check_footnote_labels(body, "v.md", 10, diags);
    std::ostringstream out;
    diags.print(out);
    return out.str();
}

}  // namespace

TEST_CASE("an undefined footnote label is an error at its reference", "[data]") {
    std::string out = checked("Tekst.\nZie de begroting[^2] en[^1].\n\n[^1]: De noot.\n");
    CHECK(out.find("v.md:11:17: error: footnote [^2] is never defined") != std::string::npos);
    CHECK(out.find("v.md:11:24: warning: footnotes are not typeset yet: [^1]") != std::string::npos);
    CHECK(out.find("[^1] is never defined") == std::string::npos);
}

TEST_CASE("footnote labels in code are not references", "[data]") {
    CHECK(checked("`a[^x]` b\n\n```\n[^y]\n```\n").empty());
    CHECK(checked("Geen noten hier [x] en [^ spatie].\n").empty());
}

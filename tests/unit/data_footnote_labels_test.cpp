// [^label] references in Markdown: an undefined label is an error at its line:col; a note that is
// never referenced a warning at its definition; code is never searched.
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
    CHECK(out.find("[^1] is never defined") == std::string::npos);
    CHECK(out.find("warning") == std::string::npos);
}

TEST_CASE("a footnote that is never referenced is a warning at its definition", "[data]") {
    std::string out = checked("Tekst[^a].\n\n[^a]: Gebruikt.\n[^b]: Vergeten.\n");
    CHECK(out == "v.md:13:1: warning: footnote [^b] is never referenced\n"
                 "v.md:13:1: note: the note is left out; refer to it in the text with [^b]\n");
}

TEST_CASE("footnote labels in code are not references", "[data]") {
    CHECK(checked("`a[^x]` b\n\n```\n[^y]\n```\n").empty());
    CHECK(checked("Geen noten hier [x] en [^ spatie].\n").empty());
}

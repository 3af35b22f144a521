// Images in the Markdown of minutes: placed as figures with their caption, and a missing image
// is an error at its line with no PDF written.
#include <catch2/catch.hpp>

#include "e2e/e2e_support.h"

using namespace e2e;

TEST_CASE("a Markdown image is a figure with its caption", "[e2e][pdf]") {
    TempDir dir;
    const fs::path pdf = dir / "v.pdf";
    RunResult r = drukwerk({"render", (source_root() / "inputs" / "verslag-consortium-2025-01-21.md").string(),
                            "--layout", example_layout().string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    RunResult s = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(s.exit_code == 0);
    CHECK(contains(s.out, "Figure"));
    CHECK(contains(s.out, "De post-it muur na de bijeenkomst van 12 november"));
}

TEST_CASE("a missing Markdown image is an error at its line", "[e2e][bad-input]") {
    TempDir dir;
    const fs::path md = dir / "v.md", pdf = dir / "v.pdf";
    write_file(md, "---\nproject: P\nseries: S\nkind: Verslag\ndate: 2025-01-21\nmeeting: 5\n"
                   "venue: V\nauthor: A\nattendees: []\ncontact:\n  name: N\n  role: R\n"
                   "  email: n@example.org\n  phone: '1'\n---\n\n# Foto\n\n![De muur](weg.jpg)\n");
    RunResult r = drukwerk({"render", md.string(), "--layout", example_layout().string(), "-o",
                            pdf.string()});
    CHECK(r.exit_code != 0);
    CHECK(contains(r.err, md.string() + ":19:1: error: image 'weg.jpg' not found"));
    CHECK_FALSE(fs::exists(pdf));
}

// Decisions and actions in the minutes' front matter: the Besluitenlijst and the Actielijst
// tables (read back with pdftotext -layout), an overdue open action marked "verlopen", and an
// owner who is not an attendee a warning at the data's line.
#include <catch2/catch.hpp>

#include "e2e/e2e_support.h"

using namespace e2e;

namespace {

const char* kMinutes =
    "---\nproject: P\nseries: S\nkind: Verslag\ndate: 2025-01-21\nmeeting: 5\n"
    "venue: V\nauthor: A\n"
    "attendees:\n  - name: Marga Janse\n    organisation: Nuderijk\n"
    "contact:\n  name: N\n  role: R\n  email: n@example.org\n  phone: '1'\n"
    "decisions:\n  - number: B-1\n    text: De begroting is vastgesteld.\n"
    "actions:\n"
    "  - number: A-1\n    what: Offerte bevestigen\n    who: Marga Janse\n    due: 2025-01-10\n"
    "    status: open\n"
    "  - number: A-2\n    what: Kaarten drukken\n    who: Piet Puk\n    due: 2025-03-01\n"
    "    status: open\n"
    "---\n\n# Opening\n\nWelkom.\n";

}  // namespace

TEST_CASE("decisions and actions print as tables, overdue marked, unknown owner warned",
          "[e2e]") {
    TempDir dir;
    const fs::path md = dir / "v.md", pdf = dir / "v.pdf";
    write_file(md, kMinutes);
    RunResult r = drukwerk({"render", md.string(), "--layout", example_layout().string(), "-o",
                            pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // The owner who is not an attendee: a warning at his value (line 28, after "who: ").
    CHECK(contains(r.err, md.string() + ":28:10: warning: 'actions[2].who' is 'Piet Puk', not one "
                                        "of attendees.name"));
    RunResult text = run({"pdftotext", "-layout", pdf.string(), "-"});
    REQUIRE(text.exit_code == 0);
    std::vector<std::string> lines = split_lines(text.out);
    auto line_with = [&](const std::string& needle) {
        for (const auto& l : lines)
            if (contains(l, needle)) return split_words(l);
        return std::vector<std::string>{};
    };
    CHECK(contains(text.out, "BESLUITENLIJST"));
    CHECK(contains(text.out, "ACTIELIJST"));
    CHECK(line_with("B-1") == std::vector<std::string>{"B-1", "De", "begroting", "is", "vastgesteld."});
    // A row reads across: number, what, who, due, status; A-1 is open and due before the meeting.
    CHECK(line_with("A-1") == std::vector<std::string>{"A-1", "Offerte", "bevestigen", "Marga", "Janse",
                                                       "10-01-2025", "verlopen"});
    CHECK(line_with("A-2") == std::vector<std::string>{"A-2", "Kaarten", "drukken", "Piet", "Puk",
                                                       "01-03-2025", "open"});
}

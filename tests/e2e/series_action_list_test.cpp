// The running action list across meetings (layouts/actielijst.xml): the example series read
// back with pdftotext (order, grouping, the meetings that raised and closed each action), an
// error in the second file reported in that file, and a manifest job over a pattern that is
// rebuilt when one meeting changes and skipped when none did.
#include <catch2/catch.hpp>

#include "e2e/e2e_support.h"

using namespace e2e;

namespace {

fs::path action_layout() { return source_root() / "layouts/actielijst.xml"; }
fs::path meeting_4() { return source_root() / "inputs/verslag-consortium-2024-11-12.md"; }
fs::path meeting_5() { return source_root() / "inputs/verslag-consortium-2025-01-21.md"; }
fs::path meeting_6() { return source_root() / "inputs/verslag-consortium-2025-03-18.md"; }

size_t position(const std::string& text, const std::string& needle) {
    size_t at = text.find(needle);
    INFO(needle);
    REQUIRE(at != std::string::npos);
    return at;
}

std::vector<std::string> line_with(const std::string& text, const std::string& needle) {
    for (const auto& l : split_lines(text))
        if (contains(l, needle)) return split_words(l);
    return {};
}

// A short meeting of the series, with its actions as YAML lines.
std::string meeting(const std::string& date, int number, const std::string& actions) {
    return "---\nproject: P\nseries: Werkgroep\ndate: " + date + "\nmeeting: " +
           std::to_string(number) + "\nvenue: V\nattendees:\n  - name: Anna\n    organisation: O\n"
           "  - name: Piet\n    organisation: O\ncontact:\n  name: Anna\n"
           "actions:\n" + actions + "---\n\nKort.\n";
}

// A project for `drukwerk build`: inputs/, and layouts/ with the minutes and the action list.
void copy_layouts(const TempDir& dir) {
    fs::create_directories(dir / "inputs");
    fs::create_directories(dir / "layouts");
    for (const char* f : {"minutes.xml", "actielijst.xml", "wijk-mark.svg"})
        fs::copy_file(source_root() / "layouts" / f, dir / "layouts" / f);
}

}  // namespace

TEST_CASE("the action list of the example series: open by owner, then done, with the "
          "meetings that raised and closed them",
          "[e2e][series]") {
    TempDir dir;
    const fs::path pdf = dir / "actielijst.pdf";
    // The later meetings first: the files are ordered by their dates, not by the command line.
    RunResult r = drukwerk({"render", meeting_6().string(), meeting_5().string(), meeting_4().string(),
                            "--layout", action_layout().string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    RunResult text = run({"pdftotext", "-layout", pdf.string(), "-"});
    REQUIRE(text.exit_code == 0);
    const std::string& t = text.out;
    // Open actions first, by owner; then the done ones.
    size_t open = position(t, "OPEN ACTIES"), done = position(t, "AFGEROND");
    CHECK(open < done);
    CHECK(position(t, "Dani Korai") < position(t, "Mellany van Bommel"));
    for (const char* number : {"A-5.2", "A-6.1", "A-6.2"}) CHECK(position(t, number) < done);
    for (const char* number : {"A-4.2", "A-5.1", "A-5.3"}) CHECK(position(t, number) > done);
    // raised on 21-01-2025, still open on 18-03-2025 and due before it: overdue.
    CHECK(line_with(t, "A-5.2") ==
          std::vector<std::string>{"A-5.2", "Data", "voor", "vier", "natuurwandelingen", "vastleggen",
                                   "met", "IVN", "28-02-2025", "verlopen", "21-01-2025"});
    // raised in the second meeting, closed in the third (the first has no actions).
    std::vector<std::string> a42 = line_with(t, "A-4.2");
    REQUIRE(a42.size() >= 3);
    CHECK(a42.front() == "A-4.2");
    CHECK(std::vector<std::string>(a42.end() - 3, a42.end()) ==
          std::vector<std::string>{"10-01-2025", "21-01-2025", "18-03-2025"});
    // was raised and closed in the same meeting.
    std::vector<std::string> a53 = line_with(t, "A-5.3");
    REQUIRE(a53.size() >= 2);
    CHECK(std::vector<std::string>(a53.end() - 2, a53.end()) ==
          std::vector<std::string>{"21-01-2025", "21-01-2025"});
}

TEST_CASE("an error in the second file of a collection is reported in that file, no output",
          "[e2e][series]") {
    TempDir dir;
    const fs::path a = dir / "a.md", b = dir / "b.md", pdf = dir / "list.pdf";
    write_file(a, meeting("2025-01-01", 1,
                          "  - number: A-1\n    what: Een\n    who: Anna\n    due: 2025-02-01\n"));
    write_file(b, meeting("2025-02-01", 2,
                          "  - number: A-1\n    what: Een\n    who: Anna\n    due: 2025-13-01\n"));
    RunResult r = drukwerk({"render", a.string(), b.string(), "--layout",
                            action_layout().string(), "-o", pdf.string()});
    CHECK(r.exit_code == 1);
    std::vector<std::string> errors = diagnostic_lines(r.err, "error");
    REQUIRE(errors.size() == 1);
    CHECK(starts_with(errors[0], b.string() + ":18:10: error: 'actions[1].due'"));
    CHECK_FALSE(fs::exists(pdf));
}

TEST_CASE("a collection: a file without a date, and a layout that takes one file",
          "[e2e][series]") {
    TempDir dir;
    const fs::path a = dir / "a.md", pdf = dir / "list.pdf";
    write_file(a, meeting("2025-01-01", 1, "  - number: A-1\n    what: Een\n    who: Anna\n"
                                           "    due: 2025-02-01\n"));
    // The minutes take one file: two is a usage error naming the second.
    RunResult one = drukwerk({"render", a.string(), a.string(), "--layout",
                              example_layout().string(), "-o", pdf.string()});
    CHECK(one.exit_code == 2);
    CHECK(contains(one.err, "the layout takes one data file"));
    CHECK_FALSE(fs::exists(pdf));
}

TEST_CASE("an action without a number, and one reworded: warnings in the meeting's file",
          "[e2e][series]") {
    TempDir dir;
    const fs::path a = dir / "a.md", b = dir / "b.md", pdf = dir / "list.pdf";
    write_file(a, meeting("2025-01-01", 1,
                          "  - number: A-1\n    what: Een\n    who: Anna\n    due: 2025-02-01\n"
                          "  - what: Thee\n    who: Piet\n    due: 2025-02-01\n"));
    write_file(b, meeting("2025-02-01", 2,
                          "  - number: A-1\n    what: Twee\n    who: Anna\n    due: 2025-03-01\n"));
    RunResult r = drukwerk({"render", a.string(), b.string(), "--layout",
                            action_layout().string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> warnings = diagnostic_lines(r.err, "warning");
    REQUIRE(warnings.size() == 2);
    CHECK(starts_with(warnings[0], a.string() + ":19:5: warning: action 'Thee' has no number"));
    CHECK(starts_with(warnings[1], b.string() + ":16:11: warning: action A-1 was 'Een' in "));
    RunResult text = run({"pdftotext", "-layout", pdf.string(), "-"});
    CHECK(contains(text.out, "Thee"));
    CHECK(contains(text.out, "Twee"));
}

TEST_CASE("a manifest job over a pattern: rebuilt when one meeting changes or is added, "
          "skipped when none did",
          "[e2e][series][build]") {
    TempDir dir{"drukwerk-series"};
    copy_layouts(dir);
    auto action = [](const std::string& status) {
        return "  - number: A-1\n    what: Een\n    who: Anna\n    due: 2025-02-01\n    status: " +
               status + "\n";
    };
    write_file(dir / "inputs/v-1.md", meeting("2025-01-01", 1, action("open")));
    write_file(dir / "inputs/v-2.md", meeting("2025-02-01", 2, action("open")));
    write_file(dir / "inputs/build.xml",
               "<manifest root=\"..\">\n  <job name=\"lijst\" data=\"v-*.md\" "
               "layout=\"../layouts/actielijst.xml\" output=\"../out/lijst.pdf\"/>\n</manifest>\n");
    const std::string manifest = (dir / "inputs/build.xml").string();
    RunResult first = drukwerk({"build", manifest, "-j", "1"});
    INFO(first.out << first.err);
    CHECK(contains(first.out, "1 jobs: 1 rendered, 0 up to date, 0 failed"));
    CHECK(contains(run({"pdftotext", (dir / "out/lijst.pdf").string(), "-"}).out, "OPEN ACTIES"));

    RunResult second = drukwerk({"build", manifest, "-j", "1"});
    CHECK(contains(second.out, "1 jobs: 0 rendered, 1 up to date, 0 failed"));
    RunResult listed = drukwerk({"build", manifest, "--list"});
    CHECK(contains(listed.out, "v-*.md: 2 files + "));

    write_file(dir / "inputs/v-2.md", meeting("2025-02-01", 2, action("done")));
    RunResult third = drukwerk({"build", manifest, "-j", "1"});
    CHECK(contains(third.out, "1 jobs: 1 rendered, 0 up to date, 0 failed"));
    CHECK(contains(run({"pdftotext", (dir / "out/lijst.pdf").string(), "-"}).out, "AFGEROND"));

    write_file(dir / "inputs/v-3.md", meeting("2025-03-01", 3, action("done")));
    RunResult fourth = drukwerk({"build", manifest, "-j", "1"});
    CHECK(contains(fourth.out, "1 jobs: 1 rendered, 0 up to date, 0 failed"));

    // The files' layout (minutes.xml) declares what the meetings hold: it is an input too.
    write_file(dir / "layouts/minutes.xml",
               read_file(dir / "layouts/minutes.xml") + "<!-- a change -->\n");
    RunResult fifth = drukwerk({"build", manifest, "-j", "1"});
    CHECK(contains(fifth.out, "1 jobs: 1 rendered, 0 up to date, 0 failed"));
}

TEST_CASE("fifty generated meetings: every action carried over and closed once", "[e2e][series]") {
    TempDir dir;
    std::vector<std::string> args{"render"};
    for (int m = 1; m <= 50; ++m) {
        // Meeting m raises A-m and closes A-(m-1); the dates run over two years, every 14 days.
        int day = (m - 1) * 14, year = 2023 + day / 336, month = 1 + (day % 336) / 28,
            mday = 1 + day % 28;
        char date[11];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, mday);
        std::string actions = "  - number: A-" + std::to_string(m) + "\n    what: Actie " +
                              std::to_string(m) + "\n    who: " + (m % 2 ? "Anna" : "Piet") +
                              "\n    due: 2030-01-01\n";
        if (m > 1)
            actions += "  - number: A-" + std::to_string(m - 1) + "\n    what: Actie " +
                       std::to_string(m - 1) + "\n    who: " + (m % 2 ? "Piet" : "Anna") +
                       "\n    due: 2030-01-01\n    status: done\n";
        fs::path file = dir / ("v-" + std::to_string(m) + ".md");
        write_file(file, meeting(date, m, actions));
        args.push_back(file.string());
    }
    const fs::path pdf = dir / "list.pdf";
    args.insert(args.end(), {"--layout", action_layout().string(), "-o", pdf.string()});
    RunResult r = drukwerk(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    RunResult text = run({"pdftotext", "-layout", pdf.string(), "-"});
    const std::string& t = text.out;
    // Only the last meeting's action is open; the 49 others are done, closed a meeting later.
    CHECK(contains(t, "1 open · 49 afgerond · bijeenkomst 50"));
    CHECK(position(t, "A-50 ") < position(t, "AFGEROND"));
    CHECK(position(t, "AFGEROND") < position(t, "A-1 "));
    CHECK(position(t, "A-1 ") < position(t, "A-49 "));
}

TEST_CASE("a manifest job lists the files of its collection as <data> elements",
          "[e2e][series][build]") {
    TempDir dir{"drukwerk-series"};
    copy_layouts(dir);
    write_file(dir / "inputs/b.md",
               meeting("2025-02-01", 2, "  - number: A-1\n    what: Een\n    who: Anna\n"
                                        "    due: 2025-03-01\n    status: done\n"));
    write_file(dir / "inputs/a.md",
               meeting("2025-01-01", 1, "  - number: A-1\n    what: Een\n    who: Anna\n"
                                        "    due: 2025-03-01\n"));
    write_file(dir / "inputs/build.xml",
               "<manifest root=\"..\">\n  <job name=\"lijst\" layout=\"../layouts/actielijst.xml\" "
               "output=\"../out/lijst.pdf\">\n    <data file=\"b.md\"/>\n    <data file=\"a.md\"/>\n"
               "  </job>\n</manifest>\n");
    RunResult r = drukwerk({"build", (dir / "inputs/build.xml").string(), "-j", "1"});
    INFO(r.out << r.err);
    CHECK(contains(r.out, "1 jobs: 1 rendered, 0 up to date, 0 failed"));
    RunResult text = run({"pdftotext", "-layout", (dir / "out/lijst.pdf").string(), "-"});
    CHECK(line_with(text.out, "A-1") ==
          std::vector<std::string>{"A-1", "Een", "Anna", "01-03-2025", "01-01-2025", "01-02-2025"});
}

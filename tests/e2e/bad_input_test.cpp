// End-to-end: bad input never crashes drukwerk, never touches the last good output, and is
// reported GCC style (`file:line:col: error: …`, with a `note:` hint) at the right place.
//
// Every case renders a small fixture from tests/fixtures/bad/ (or bytes written by the test)
// with `-o` pointing at an EXISTING file in a fresh temporary directory, then checks
//   - the exit code: 1 errors in the input, 2 usage, 3 a file could not be read or written;
//   - the diagnostics on stderr, line by line;
//   - that the existing output file still holds its bytes and nothing else appeared next to it
//     (no temporary files left behind).
// drukwerk runs with tests/fixtures/bad/ as working directory and relative file names, so the
// diagnostics start with the fixture's own name ("unknown-style.xml:10:11: error: …").
//
// The layout fixtures are tiny (a palette, two styles, a page master, a document of a line or
// two); the mistake is always on line 10 unless its name says otherwise, so the expected line
// numbers stay stable. Data for them: tests/fixtures/e2e/minimal.md (no components), or
// tests/fixtures/e2e/simple.xml as layout (it has a `postits` component) for data fixtures.
#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "e2e/e2e_support.h"

namespace {

using namespace e2e;

const fs::path kBadDir = fixture("bad");
const std::string kMinimalData = "../e2e/minimal.md";
const std::string kSimpleLayout = "../e2e/simple.xml";

// What the output file holds before each run: the "last good render", with bytes a text
// re-encoding would change.
constexpr char kPreciousBytes[] = "%PDF-1.5\n% the last good render\n\x00\xff\r\n";
const std::string kPrecious(kPreciousBytes, sizeof kPreciousBytes - 1);  // with the NUL inside

std::string show(const RunResult& r) {
    return "command: " + r.command + "\nexit code: " + std::to_string(r.exit_code) +
           (r.signal ? " (signal " + std::to_string(r.signal) + ")" : std::string()) +
           "\nstderr:\n" + r.err + "stdout:\n" + r.out;
}

// A temporary directory with an existing output file `out.pdf` holding kPrecious.
struct OutputDir {
    TempDir dir{"drukwerk-bad"};
    fs::path out = dir / "out.pdf";
    OutputDir() { write_file(out, kPrecious); }

    // The existing output is byte-for-byte what it was, and it is alone in its directory.
    void check_untouched() const {
        CHECK(read_file(out) == kPrecious);
        CHECK(list_dir(dir.path()) == std::vector<std::string>{"out.pdf"});
    }
};

// `drukwerk render DATA --layout LAYOUT -o OUT`, run in tests/fixtures/bad/.
RunResult render(const std::string& data, const std::string& layout, const fs::path& out) {
    return drukwerk({"render", data, "--layout", layout, "-o", out.string()}, {}, kBadDir);
}

// Whether stderr has this exact line.
bool has_line(const std::string& text, const std::string& line) {
    for (const std::string& l : split_lines(text))
        if (l == line) return true;
    return false;
}

// Whether stderr has a line that starts with this prefix.
bool has_line_starting(const std::string& text, const std::string& prefix) {
    for (const std::string& l : split_lines(text))
        if (starts_with(l, prefix)) return true;
    return false;
}

// Whether stderr has a line matching this regular expression (whole line).
bool has_line_matching(const std::string& text, const std::string& pattern) {
    const std::regex re(pattern);
    for (const std::string& l : split_lines(text))
        if (std::regex_match(l, re)) return true;
    return false;
}

// The common checks of a case where one mistake in the input makes the render fail with exit 1:
// exactly one error (a single mistake gives a single message, not a cascade), the exact lines
// given, and the old output untouched.
void expect_input_error(const RunResult& r, const OutputDir& o,
                        const std::vector<std::string>& exact_lines) {
    INFO(show(r));
    CHECK(r.exit_code == 1);
    CHECK(r.signal == 0);
    CHECK(r.out.empty());
    for (const std::string& line : exact_lines) {
        INFO("expected line: " << line);
        CHECK(has_line(r.err, line));
    }
    CHECK(diagnostic_lines(r.err, "error").size() == 1);
    o.check_untouched();
}

}  // namespace

// ---- data ------------------------------------------------------------------------------------

TEST_CASE("malformed YAML front matter: error at its line in the .md file", "[e2e][bad][data]") {
    // Line 7 is indented deeper than the mapping it continues.
    OutputDir o;
    RunResult r = render("malformed-front-matter.md", kSimpleLayout, o.out);
    INFO(show(r));
    CHECK(has_line_matching(r.err, R"(malformed-front-matter\.md:7:18: error: .+)"));
    CHECK(has_line_matching(r.err, R"(malformed-front-matter\.md:7:18: note: .+)"));
    expect_input_error(r, o, {});
}

TEST_CASE("an unclosed bracket in front matter is reported at the line that opens it",
          "[e2e][bad][data]") {
    // Line 6: "  - name: [Allon Cheng". The parser only notices at the end of the front matter
    // (line 7, the closing ---); the user has to be led to line 6, by the error or by a note.
    OutputDir o;
    RunResult r = render("unclosed-bracket-front-matter.md", kSimpleLayout, o.out);
    INFO(show(r));
    CHECK(has_line_matching(r.err, R"(unclosed-bracket-front-matter\.md:6:\d+: (error|note): .+)"));
    expect_input_error(r, o, {});
}

TEST_CASE("malformed .yaml data: error at its line", "[e2e][bad][data]") {
    OutputDir o;
    RunResult r = render("malformed-data.yaml", kSimpleLayout, o.out);
    INFO(show(r));
    CHECK(has_line_matching(r.err, R"(malformed-data\.yaml:6:18: error: .+)"));
    CHECK(has_line_matching(r.err, R"(malformed-data\.yaml:6:18: note: .+)"));
    expect_input_error(r, o, {});
}

TEST_CASE("a fenced block naming an unknown component: did you mean", "[e2e][bad][data]") {
    OutputDir o;
    RunResult r = render("unknown-component.md", kSimpleLayout, o.out);
    expect_input_error(r, o,
                       {"unknown-component.md:12:1: error: unknown component 'postit'",
                        "unknown-component.md:12:1: note: did you mean 'postits'?"});
}

TEST_CASE("invalid UTF-8 in the data: error at the byte", "[e2e][bad][data][utf8]") {
    TempDir inputs{"drukwerk-bad-in"};
    const fs::path layout = fixture("e2e/simple.xml");

    SECTION("a Latin-1 byte in the front matter") {
        const fs::path data = inputs / "latin1.md";
        write_file(data,
                   "---\ntitle: Een kleine test\nauthor: Caf\xE9 de Wijk\nattendees:\n"
                   "  - name: Bart\n---\n\n# Kop\n\nTekst.\n");
        OutputDir o;
        // Valid Windows-1252 (what Notepad saves): read as such; as UTF-8 it is an error.
        RunResult r = drukwerk({"render", data.string(), "--layout", layout.string(), "-o",
                                o.out.string(), "--encoding", "utf-8"});
        expect_input_error(r, o, {data.string() + ":3:12: error: invalid UTF-8 byte 0xE9"});
        CHECK(has_line_starting(r.err, data.string() + ":3:12: note: "));
    }
    SECTION("stray bytes in the Markdown body") {
        const fs::path data = inputs / "stray.md";
        write_file(data,
                   "---\ntitle: Een kleine test\nauthor: x\nattendees:\n  - name: Bart\n"
                   "---\n\n# Kop\n\nTekst met \x81\xFE en \xC3.\n");
        OutputDir o;
        RunResult r =
            drukwerk({"render", data.string(), "--layout", layout.string(), "-o", o.out.string()});
        INFO(show(r));
        // 0x81 is not Windows-1252 either (valid 1252 would be read as such, with a note).
        CHECK(has_line(r.err, data.string() + ":10:11: error: invalid UTF-8 byte 0x81"));
        CHECK(r.exit_code == 1);
        o.check_untouched();
    }
    SECTION("an encoded surrogate in .yaml") {
        const fs::path data = inputs / "surrogate.yaml";
        write_file(data, "title: Een kleine test\nauthor: \"\xED\xA0\x80\"\n");
        OutputDir o;
        RunResult r =
            drukwerk({"render", data.string(), "--layout", layout.string(), "-o", o.out.string()});
        expect_input_error(r, o, {data.string() + ":2:10: error: invalid UTF-8 byte 0xED"});
    }
}

TEST_CASE("a character no font has is an error at the data", "[e2e][bad][glyph]") {
    SECTION("an emoji in the Markdown body") {
        OutputDir o;
        RunResult r = render("missing-glyph.md", kSimpleLayout, o.out);
        INFO(show(r));
        CHECK(has_line_matching(
            r.err, R"(missing-glyph\.md:10:\d+: error: no font has the emoji '🥳' \(U\+1F973\))"));
        CHECK(has_line_matching(r.err, R"(missing-glyph\.md:10:\d+: note: .+)"));
        expect_input_error(r, o, {});
    }
    SECTION("a CJK character in a front matter field") {
        // Line 6: "  - name: Yuki 語" — the data, not the layout's <text>, is what to fix.
        OutputDir o;
        RunResult r = render("missing-glyph-cjk.md", kSimpleLayout, o.out);
        INFO(show(r));
        CHECK(has_line_matching(
            r.err, R"(missing-glyph-cjk\.md:6:\d+: error: no font has the Chinese \(Han\) character '語' \(U\+8A9E\))"));
        expect_input_error(r, o, {});
    }
}

TEST_CASE("markup and expressions in the data are printed literally", "[e2e][bad][literal]") {
    REQUIRE(have_program("pdftotext"));
    TempDir dir{"drukwerk-literal"};
    const fs::path out = dir / "literal.pdf";
    RunResult r = render("literal-markup.md", kSimpleLayout, out);
    INFO(show(r));
    REQUIRE(r.exit_code == 0);
    // Raw HTML in the Markdown body is printed as text, with a warning (not an error).
    CHECK(diagnostic_lines(r.err, "error").empty());
    CHECK(has_line(
        r.err,
        "literal-markup.md:10:49: warning: raw HTML is not rendered; it is printed as text "
        "(and 1 more)"));

    RunResult text = run({"pdftotext", "-enc", "UTF-8", out.string(), "-"});
    INFO("pdftotext:\n" << text.out);
    REQUIRE(text.exit_code == 0);
    // From the front matter (YAML strings: nothing is an entity or a tag there).
    CHECK(contains(text.out, "Vet <b>niet</b> & Co &amp; <script>alert(1)</script> {{title}}"));
    CHECK(contains(text.out, "<i>Bart</i> {{ author }} &lt;"));
    // From the Markdown body: a code span keeps "&amp;"; raw HTML and {{…}} stay text.
    CHECK(
        contains(text.out,
                 "Een alinea met <b>code</b> &amp; {{title}} en <span>html</span> en {{author}}."));
    // Nothing was bound: the expression text did not turn into the title.
    CHECK_FALSE(contains(text.out, "Een kleine test"));
}

// ---- layout ----------------------------------------------------------------------------------

TEST_CASE("layout mistakes: file:line:col with a did-you-mean note", "[e2e][bad][layout]") {
    OutputDir o;
    SECTION("an unknown element") {
        expect_input_error(render(kMinimalData, "unknown-element.xml", o.out), o,
                           {"unknown-element.xml:10:5: error: unknown element <txt>",
                            "unknown-element.xml:10:5: note: did you mean <text>?"});
    }
    SECTION("an unknown attribute") {
        expect_input_error(
            render(kMinimalData, "unknown-attribute.xml", o.out), o,
            {"unknown-attribute.xml:10:27: error: unknown attribute 'colour' on <text>",
             "unknown-attribute.xml:10:27: note: did you mean 'color'?"});
    }
    SECTION("an unknown style") {
        expect_input_error(render(kMinimalData, "unknown-style.xml", o.out), o,
                           {"unknown-style.xml:10:11: error: unknown style 'headng'",
                            "unknown-style.xml:10:11: note: did you mean 'heading'?"});
    }
    SECTION("an unknown colour") {
        expect_input_error(render(kMinimalData, "unknown-colour.xml", o.out), o,
                           {"unknown-colour.xml:10:27: error: unknown colour 'inc'",
                            "unknown-colour.xml:10:27: note: did you mean 'ink'?"});
    }
    SECTION("a bad length") {
        RunResult r = render(kMinimalData, "bad-length.xml", o.out);
        INFO(show(r));
        CHECK(has_line_matching(r.err, R"(bad-length\.xml:10:13: note: did you mean '12mm'\?.*)"));
        expect_input_error(
            r, o, {"bad-length.xml:10:13: error: invalid value '12mn' for attribute 'height'"});
    }
    SECTION("an expression naming a missing field") {
        expect_input_error(render(kMinimalData, "unknown-field.xml", o.out), o,
                           {"unknown-field.xml:10:38: error: unknown field 'atendees'",
                            "unknown-field.xml:10:38: note: did you mean 'attendees'?"});
    }
    SECTION("a missing image file") {
        RunResult r = render(kMinimalData, "missing-image.xml", o.out);
        INFO(show(r));
        CHECK(has_line_matching(r.err, R"(missing-image\.xml:10:12: note: .+)"));
        expect_input_error(
            r, o, {"missing-image.xml:10:12: error: image file not found: 'does-not-exist.png'"});
    }
}

TEST_CASE("a font family that is not bundled: one error, where the family is written",
          "[e2e][bad][layout][fonts]") {
    // Line 5: <style name="body" family="Latoo" …/>; line 6: a style with base="body" that
    // names no family. Only line 5 is wrong, and it is wrong once.
    OutputDir o;
    RunResult r = render(kMinimalData, "unbundled-font.xml", o.out);
    INFO(show(r));
    CHECK(has_line_matching(
        r.err, R"(unbundled-font\.xml:5:\d+: error: font family 'Latoo' is not in fonts/)"));
    CHECK(has_line_matching(r.err, R"(unbundled-font\.xml:5:\d+: note: did you mean 'Lato'\?)"));
    CHECK_FALSE(has_line_matching(r.err, R"(unbundled-font\.xml:6:.*)"));
    expect_input_error(r, o, {});
}

// ---- files -----------------------------------------------------------------------------------

TEST_CASE("a missing data or layout file: exit 3, output untouched", "[e2e][bad][io]") {
    OutputDir o;
    SECTION("data") {
        RunResult r = render("does-not-exist.md", kSimpleLayout, o.out);
        INFO(show(r));
        CHECK(r.exit_code == 3);
        CHECK(has_line(r.err, "does-not-exist.md: error: data file not found"));
        o.check_untouched();
    }
    SECTION("layout") {
        RunResult r = render(kMinimalData, "does-not-exist.xml", o.out);
        INFO(show(r));
        CHECK(r.exit_code == 3);
        CHECK(has_line(r.err, "does-not-exist.xml: error: layout file not found"));
        o.check_untouched();
    }
    SECTION("the data is a directory") {
        RunResult r = render(".", kSimpleLayout, o.out);
        INFO(show(r));
        CHECK(r.exit_code == 3);
        CHECK(diagnostic_lines(r.err, "error").size() == 1);
        o.check_untouched();
    }
}

TEST_CASE("an output directory that cannot be created: exit 3, nothing written", "[e2e][bad][io]") {
    TempDir dir{"drukwerk-bad-out"};
    write_file(dir / "blocker", "a regular file\n");
    SECTION("PDF") {
        const fs::path out = dir / "blocker" / "sub" / "out.pdf";
        RunResult r = render(kMinimalData, kSimpleLayout, out);
        INFO(show(r));
        CHECK(r.exit_code == 3);
        CHECK(diagnostic_lines(r.err, "error").size() == 1);
        CHECK(contains(r.err, out.string() + ": error: "));
    }
    SECTION("PNG, every page") {
        const fs::path out = dir / "blocker" / "page.png";
        RunResult r = render(kMinimalData, kSimpleLayout, out);
        INFO(show(r));
        CHECK(r.exit_code == 3);
        CHECK(diagnostic_lines(r.err, "error").size() == 1);
    }
    CHECK(list_dir(dir.path()) == std::vector<std::string>{"blocker"});
    CHECK(read_file(dir / "blocker") == "a regular file\n");
}

TEST_CASE("the output path is a directory: exit 3, the directory untouched", "[e2e][bad][io]") {
    TempDir dir{"drukwerk-bad-out"};
    fs::create_directory(dir / "out.pdf");
    RunResult r = render(kMinimalData, kSimpleLayout, dir / "out.pdf");
    INFO(show(r));
    CHECK(r.exit_code == 3);
    CHECK(diagnostic_lines(r.err, "error").size() == 1);
    CHECK(list_dir(dir.path()) == std::vector<std::string>{"out.pdf"});
    CHECK(fs::is_directory(dir / "out.pdf"));
    CHECK(list_dir(dir / "out.pdf").empty());
}

TEST_CASE("a good render replaces the output and leaves no temporary file", "[e2e][bad][io]") {
    // The counterpart of the cases above: the same fixture set-up, with good input.
    OutputDir o;
    RunResult r = render(kMinimalData, kSimpleLayout, o.out);
    INFO(show(r));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(starts_with(read_file(o.out), "%PDF-"));
    CHECK(read_file(o.out) != kPrecious);
    CHECK(list_dir(o.dir.path()) == std::vector<std::string>{"out.pdf"});
}

// ---- usage -----------------------------------------------------------------------------------

TEST_CASE("usage errors: exit 2, one line and a hint to --help, output untouched", "[e2e][bad][usage]") {
    OutputDir o;
    auto expect_usage = [&](const RunResult& r, const std::string& first_line) {
        INFO(show(r));
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        REQUIRE_FALSE(split_lines(r.err).empty());
        CHECK(split_lines(r.err)[0] == first_line);
        CHECK(split_lines(r.err).size() == 2);
        CHECK(split_lines(r.err).back() == "run 'drukwerk --help' for the usage");
        o.check_untouched();
    };
    SECTION("no arguments") {
        expect_usage(drukwerk({}, {}, kBadDir), "drukwerk: error: no command given");
    }
    SECTION("an unknown option") {
        expect_usage(drukwerk({"render", kMinimalData, "--layout", kSimpleLayout, "-o",
                               o.out.string(), "--bogus"},
                              {}, kBadDir),
                     "drukwerk: error: unknown option '--bogus'");
    }
    SECTION("an unknown command") {
        expect_usage(
            drukwerk({"rendr", kMinimalData, "--layout", kSimpleLayout, "-o", o.out.string()}, {},
                     kBadDir),
            "drukwerk: error: unknown command 'rendr' (expected render, check, build, new or schema)");
    }
    SECTION("render without -o") {
        expect_usage(drukwerk({"render", kMinimalData, "--layout", kSimpleLayout}, {}, kBadDir),
                     "drukwerk: error: render needs -o OUTPUT");
    }
    SECTION("an option without its value") {
        expect_usage(
            drukwerk({"render", kMinimalData, "-o", o.out.string(), "--layout"}, {}, kBadDir),
            "drukwerk: error: --layout needs a value");
    }
    SECTION("an unknown format") {
        expect_usage(drukwerk({"render", kMinimalData, "--layout", kSimpleLayout, "-o",
                               o.out.string(), "--format", "tiff"},
                              {}, kBadDir),
                     "drukwerk: error: unknown format 'tiff' (expected pdf, png or svg)");
    }
}

TEST_CASE("a page beyond the document is a usage error naming its page count", "[e2e][bad][usage]") {
    TempDir dir;
    const fs::path out = dir.path() / "v.pdf";
    const RunResult r = drukwerk({"render", example_data().string(), "--layout",
                                  example_layout().string(), "-o", out.string(), "--pages", "999"});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "error: --pages 999: the document has "));
    CHECK(contains(r.err, "choose pages from 1 to "));
    CHECK_FALSE(fs::exists(out));
}

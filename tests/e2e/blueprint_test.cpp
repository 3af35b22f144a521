// End-to-end: the blueprint poster (inputs/blueprint/wij-zijn-de-wijk.yaml with
// layouts/blueprint.xml) through the real binary, read back with real PDF readers: one A3
// landscape page, small enough to e-mail, subset fonts, clickable links, opening on the whole
// page, every milestone in the text; the 1200 px PNG preview; the A4 variant; a reference image;
// and bad timeline data with its exact diagnostics.
#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "e2e/e2e_support.h"
#include "e2e/png_compare.h"
#include "e2e/reference_check.h"

namespace {

using namespace e2e;

fs::path blueprint_data() { return source_root() / "inputs" / "blueprint" / "wij-zijn-de-wijk.yaml"; }
fs::path blueprint_layout() { return source_root() / "layouts" / "blueprint.xml"; }

// The milestones of the data (their `title` fields), each of which must be readable in the PDF.
const std::vector<std::string> kMilestones = {
    "Monitoring van de drie wijken", "Vierde en laatste consortiumbijeenkomst",
    "Bouwstenen voor een gezonde wijkaanpak", "Wetenschappelijk artikel",
    "ABCD-onderzoek (thesis)", "Samen-leren-sessies per gemeente", "Slotbijeenkomst"};

std::string show(const RunResult& r) {
    return "command: " + r.command + "\nexit code: " + std::to_string(r.exit_code) + "\nstderr:\n" +
           r.err + "stdout:\n" + r.out;
}

fs::path render_blueprint(const TempDir& dir, const std::string& name,
                          const std::vector<std::string>& extra = {}) {
    const fs::path out = dir / name;
    std::vector<std::string> args{"render", blueprint_data().string(), "--layout",
                                  blueprint_layout().string(), "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = drukwerk(args);
    INFO(show(r));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    return out;
}

std::string run_ok(const std::vector<std::string>& argv) {
    INFO("this test needs '" << argv[0] << "' in PATH (Debian: qpdf, poppler-utils)");
    REQUIRE(have_program(argv[0]));
    RunResult r = run(argv);
    INFO(show(r));
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("the blueprint is one A3 landscape page, small enough to e-mail", "[e2e][blueprint]") {
    TempDir dir("drukwerk-blueprint");
    fs::path pdf = render_blueprint(dir, "blueprint.pdf");
    std::string info = run_ok({"pdfinfo", pdf.string()});
    CHECK(contains(info, "Pages:           1\n"));
    CHECK(contains(info, "Page size:       1190.55 x 841.89 pts (A3)"));
    CHECK(contains(info, "Title:           Wij zijn de Wijk: blueprint, stand van zaken 12 november 2024"));
    CHECK(contains(info, "Author:          Wageningen Universiteit, Health & Society"));
    CHECK(fs::file_size(pdf) < 150 * 1024);
    run_ok({"qpdf", "--check", pdf.string()});

    // Only bundled fonts, every one embedded as a subset.
    std::vector<std::string> fonts = split_lines(run_ok({"pdffonts", pdf.string()}));
    REQUIRE(fonts.size() > 2);
    for (size_t i = 2; i < fonts.size(); ++i) {
        INFO(fonts[i]);
        CHECK(std::regex_search(fonts[i], std::regex("^[A-Z]{6}\\+(Lato|LeagueSpartan|NotoSans)")));
        CHECK(std::regex_search(fonts[i], std::regex(" yes yes (yes|no) ")));
    }
}

TEST_CASE("the blueprint's links are clickable and it opens on the whole page", "[e2e][blueprint]") {
    TempDir dir("drukwerk-blueprint");
    fs::path pdf = render_blueprint(dir, "blueprint.pdf");
    fs::path plain = dir / "plain.pdf";  // uncompressed, so that the objects can be read as text
    run_ok({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), plain.string()});
    std::string body = read_file(plain);
    for (const char* uri : {"mailto:mellany.vanbommel@wur.nl", "https://prezi.com/view/PKyeXoEmlnr5Jai58dry/",
                            "https://www.lsabewoners.nl/buurtbewoners-verbinden/ontwikkel-de-buurt-met-"
                            "asset-based-community-development/"}) {
        INFO(uri);
        CHECK(contains(body, std::string("/URI (") + uri + ")"));
    }
    CHECK(std::regex_search(body, std::regex("/OpenAction \\[\\s*\\d+ 0 R\\s*/Fit\\s*\\]")));
    CHECK(contains(body, "/Lang (nl-NL)"));
}

TEST_CASE("every milestone of the blueprint is in its text", "[e2e][blueprint]") {
    TempDir dir("drukwerk-blueprint");
    fs::path pdf = render_blueprint(dir, "blueprint.pdf");
    std::string text = collapse_spaces(run_ok({"pdftotext", pdf.string(), "-"}));
    for (const std::string& milestone : kMilestones) {
        INFO(milestone);
        CHECK(contains(text, milestone));
    }
    for (const char* word : {"Stand van zaken 12-11-2024", "Afgerond", "Loopt nu", "Gepland", "ARNHEM",
                             "EDE", "WAGENINGEN", "Presikhaaf", "de Nude", "Vitanos",
                             "IVN Natuureducatie", "06 - 36 45 43 00"}) {
        INFO(word);
        CHECK(contains(text, word));
    }
}

TEST_CASE("the PNG preview is exactly 1200 px wide, the A4 variant is one A4 page",
          "[e2e][blueprint]") {
    TempDir dir("drukwerk-blueprint");
    fs::path png = render_blueprint(dir, "blueprint.png", {"--width-px", "1200"});
    PngHeader header = read_png_header(read_file(png));
    REQUIRE(header.valid);
    CHECK(header.width == 1200);
    CHECK(header.height == 849);

    fs::path a4 = render_blueprint(dir, "blueprint-a4.pdf", {"--page-master", "a4"});
    std::string info = run_ok({"pdfinfo", a4.string()});
    CHECK(contains(info, "Pages:           1\n"));
    CHECK(contains(info, "Page size:       841.89 x 595.276 pts (A4)"));

    RunResult wrong = drukwerk({"render", blueprint_data().string(), "--layout",
                                blueprint_layout().string(), "-o", (dir / "x.pdf").string(),
                                "--width-px", "1200"});
    CHECK(wrong.exit_code == 2);
    CHECK(contains(wrong.err, "error: --width-px is for PNG output"));
    RunResult unknown = drukwerk({"render", blueprint_data().string(), "--layout",
                                  blueprint_layout().string(), "-o", (dir / "x.pdf").string(),
                                  "--page-master", "a5"});
    CHECK(unknown.exit_code == 2);
    CHECK(contains(unknown.err, "error: the layout has no page master 'a5'"));
    CHECK(contains(unknown.err, "note: did you mean 'a3'?"));
    CHECK_FALSE(fs::exists(dir / "x.pdf"));
}

TEST_CASE("the blueprint renders byte-identically twice", "[e2e][blueprint]") {
    TempDir dir("drukwerk-blueprint");
    CHECK(read_file(render_blueprint(dir, "a.pdf")) == read_file(render_blueprint(dir, "b.pdf")));
}

// Tier 3: the poster at 30 dpi against tests/reference/blueprint.png (tolerance as for the
// minutes, see tests/reference/README.md). Regenerate with DRUKWERK_UPDATE_REFERENCES=1.
TEST_CASE("the blueprint looks as it did", "[e2e][blueprint][reference]") {
    TempDir dir("drukwerk-blueprint");
    fs::path actual = render_blueprint(dir, "blueprint-actual.png", {"--dpi", "30"});
    check_reference_image(actual, "blueprint");
}

// ---- bad timeline data: exact diagnostics, exit code 1, the last good output untouched ----

namespace {

void check_bad(const std::string& data, const std::vector<std::string>& expected) {
    TempDir dir("drukwerk-blueprint-bad");
    const fs::path out = dir / "out.pdf";
    write_file(out, "last good render");
    RunResult r = drukwerk({"render", data, "--layout", "timeline.xml", "-o", out.string()}, {},
                           fixture("bad"));
    INFO(show(r));
    CHECK(r.exit_code == 1);
    CHECK(split_lines(r.err) == expected);
    CHECK(read_file(out) == "last good render");
    CHECK(list_dir(dir.path()) == std::vector<std::string>{"out.pdf"});
}

}  // namespace

TEST_CASE("a milestone date that is not a date", "[e2e][blueprint][bad]") {
    check_bad("blueprint-not-a-date.yaml",
              {"blueprint-not-a-date.yaml:3:11: error: 'eind mei' is not a date",
               "blueprint-not-a-date.yaml:3:11: note: write YYYY-MM-DD (2024-11-12), or YYYY-MM "
               "(2025-05) for a whole month"});
}

TEST_CASE("a milestone status the layout does not declare", "[e2e][blueprint][bad]") {
    check_bad("blueprint-unknown-status.yaml",
              {"blueprint-unknown-status.yaml:4:13: error: unknown status 'plannned'",
               "blueprint-unknown-status.yaml:4:13: note: did you mean 'planned'?"});
}

TEST_CASE("a milestone outside the axis", "[e2e][blueprint][bad]") {
    check_bad("blueprint-outside-axis.yaml",
              {"blueprint-outside-axis.yaml:6:11: error: '2025-05-31' lies outside the timeline "
               "(2024-01-01 to 2024-12-31)",
               "blueprint-outside-axis.yaml:6:11: note: widen the axis with from= and to= on the "
               "<timeline> at timeline.xml:7"});
}

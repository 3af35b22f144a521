// End-to-end tests of the libharu PDF writer (issue 6) through the real binary: the same
// documents rendered by Cairo and by libharu look and read the same; the archival PDF/A-1b copy
// and the permission-restricted copy have what they promise; usage errors are diagnosed.
#include <catch2/catch.hpp>

#include "e2e/backend_compare.h"
#include "e2e/e2e_support.h"

namespace {

using namespace e2e;

struct Example {
    const char* name;
    fs::path data, layout;
};

// Every example document, compared Cairo against libharu. Add one line per new example.
std::vector<Example> examples() {
    return {
        {"minutes", example_data(), example_layout()},
        {"blueprint", source_root() / "inputs/blueprint/wij-zijn-de-wijk.yaml",
         source_root() / "layouts/blueprint.xml"},
        {"cards", source_root() / "inputs/bouwstenen.csv", source_root() / "layouts/cards.xml"},
    };
}

constexpr int kCompareDpi = 100;
// Of the pixels of a page. Text antialiasing differs between the backends, and poppler draws
// Cairo's repeated SVG drawings (tiling patterns) snapped to whole pixels: at 100 dpi a sheet
// of nine card backs differs by ~2 % while every drawing is where it belongs.
constexpr double kMaxPixelDifference = 0.025;

void require_programs(std::initializer_list<const char*> names) {
    for (const char* name : names) {
        INFO("this test needs '" << name << "' in PATH (Debian: qpdf, poppler-utils)");
        REQUIRE(have_program(name));
    }
}

RunResult render(const Example& e, const fs::path& out,
                 const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"render", e.data.string(), "--layout", e.layout.string(),
                                  "-o",     out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return drukwerk(args);
}

fs::path render_ok(const Example& e, const fs::path& out,
                   const std::vector<std::string>& extra = {}) {
    RunResult r = render(e, out, extra);
    INFO("command: " << r.command << "\nstderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    // libharu writes only numbered page labels; the cards' "1a", "1b" are left out with a warning.
    for (const std::string& line : split_lines(r.err))
        CHECK(contains(line, "libharu writes only numbered labels"));
    return out;
}

std::string uncompressed(const fs::path& pdf) {
    return run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"}).out;
}

}  // namespace

// Plain libharu output and the archival PDF/A-1b copy (flattened, with its own fonts' encodings)
// both against the Cairo PDF.
TEST_CASE("libharu and Cairo give the same pages and the same words", "[e2e][haru][slow]") {
    require_programs({"pdftoppm", "pdftotext", "pdfinfo"});
    const std::pair<const char*, std::vector<std::string>> variants[] = {
        {"libharu", {"--backend", "haru"}}, {"PDF/A-1b", {"--pdf-standard", "a-1b"}}};
    for (const Example& e : examples()) {
        for (const auto& [variant, options] : variants) {
            TempDir dir("drukwerk-haru");
            const fs::path cairo = render_ok(e, dir / "cairo.pdf");
            const fs::path haru = render_ok(e, dir / "haru.pdf", options);
            const int pages = page_count(cairo);
            REQUIRE(pages > 0);
            REQUIRE(page_count(haru) == pages);
            for (int page = 1; page <= pages; ++page) {
                INFO(e.name << ", " << variant << ", page " << page << " (the PNGs are kept in "
                            << dir.path() << ")");
                const double difference =
                    page_pixel_difference(cairo, haru, page, kCompareDpi, dir.path());
                REQUIRE(difference >= 0);
                if (difference >= kMaxPixelDifference) dir.keep();
                CHECK(difference < kMaxPixelDifference);
                // Back sheets too: a shared back's text is drawn on every card, outside the
                // drawing both writers repeat.
                const std::string text = page_reading_text(cairo, page);
                CHECK(!text.empty());
                CHECK(page_reading_text(haru, page) == text);
            }
        }
    }
}

TEST_CASE("the libharu PDF passes qpdf --check", "[e2e][haru]") {
    require_programs({"qpdf"});
    TempDir dir("drukwerk-haru");
    const fs::path pdf = render_ok(examples()[0], dir / "haru.pdf", {"--backend", "haru"});
    RunResult r = run({"qpdf", "--check", pdf.string()});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "No syntax or stream encoding errors"));
    CHECK(r.err.empty());
}

TEST_CASE("PDF/A-1b: identification, output intent, /ID, no transparency, embedded fonts",
          "[e2e][haru][pdfa]") {
    require_programs({"qpdf", "pdffonts", "pdfinfo"});
    TempDir dir("drukwerk-pdfa");
    const fs::path a = render_ok(examples()[0], dir / "a.pdf", {"--pdf-standard", "a-1b"});
    const fs::path b = render_ok(examples()[0], dir / "b.pdf", {"--pdf-standard", "a-1b"});
    CHECK(read_file(a) == read_file(b));  // deterministic, /ID included
    CHECK(starts_with(read_file(a), "%PDF-1.4"));
    CHECK(run({"qpdf", "--check", a.string()}).exit_code == 0);

    const std::string qdf = uncompressed(a);
    CHECK(contains(qdf, "/Type /Metadata"));
    CHECK(contains(qdf, "/Subtype /XML"));
    CHECK(contains(qdf, "<pdfaid:part>1</pdfaid:part>"));
    CHECK(contains(qdf, "<pdfaid:conformance>B</pdfaid:conformance>"));
    CHECK(contains(qdf, "<rdf:li>Wageningen Universiteit, Health &amp; Society</rdf:li>"));
    CHECK(contains(qdf, "/S /GTS_PDFA1"));
    CHECK(contains(qdf, "/DestOutputProfile "));
    CHECK(contains(qdf, "/CIDSet"));  // the symbols font (✉ ☎ ☐) is a CIDFont subset
    CHECK_FALSE(contains(qdf, "DrukwerkPendingCIDSet"));
    CHECK_FALSE(contains(qdf, "/Transparency"));
    CHECK_FALSE(contains(qdf, "/SMask"));
    CHECK_FALSE(contains(qdf, "/CA "));
    CHECK_FALSE(contains(qdf, "/ca "));
    CHECK(contains(read_file(a), "/ID ["));

    RunResult fonts = run({"pdffonts", a.string()});
    const std::vector<std::string> lines = split_lines(fonts.out);
    REQUIRE(lines.size() > 2);
    for (size_t i = 2; i < lines.size(); ++i) {
        INFO(lines[i]);
        const std::vector<std::string> cols = split_words(lines[i]);
        REQUIRE(cols.size() >= 5);
        CHECK(cols[cols.size() - 5] == "yes");  // emb
    }
    CHECK(contains(run({"pdfinfo", a.string()}).out, "Metadata Stream: yes"));
}

TEST_CASE("permissions: RC4 encrypted with exactly the asked restrictions",
          "[e2e][haru][permissions]") {
    require_programs({"qpdf", "pdftotext"});
    TempDir dir("drukwerk-perm");
    const fs::path pdf = render_ok(
        examples()[0], dir / "p.pdf",
        {"--permissions", "no-print,no-copy,no-modify,no-annotate", "--owner-password", "s3cret"});
    const std::string enc = run({"qpdf", "--show-encryption", pdf.string()}).out;
    CHECK(contains(enc, "R = 3"));
    CHECK(contains(enc, "User password = \n"));
    for (const char* denied :
         {"print low resolution", "print high resolution", "extract for any purpose",
          "modify document assembly", "modify forms", "modify annotations", "modify other"}) {
        INFO(enc);
        CHECK(contains(enc, std::string(denied) + ": not allowed"));
    }
    CHECK(contains(enc, "extract for accessibility: allowed"));
    CHECK(contains(run({"qpdf", "--password=s3cret", "--show-encryption", pdf.string()}).out,
                   "Supplied password is owner password"));
    CHECK(run({"qpdf", "--check", pdf.string()}).exit_code == 0);
    CHECK(contains(run({"pdftotext", pdf.string(), "-"}).out, "Bijeenkomst 4"));

    const fs::path some = render_ok(examples()[0], dir / "q.pdf", {"--permissions", "no-modify"});
    const std::string some_enc = run({"qpdf", "--show-encryption", some.string()}).out;
    CHECK(contains(some_enc, "print high resolution: allowed"));
    CHECK(contains(some_enc, "extract for any purpose: allowed"));
    CHECK(contains(some_enc, "modify other: not allowed"));
    CHECK(contains(some_enc, "modify annotations: allowed"));
}

TEST_CASE("libharu options: usage errors are diagnosed and nothing is written",
          "[e2e][haru][bad]") {
    TempDir dir("drukwerk-haru-bad");
    const Example e = examples()[0];
    struct Case {
        std::vector<std::string> extra;
        const char* out;
        int exit_code;
        const char* message;
    };
    const Case cases[] = {
        {{"--pdf-standard", "a-2b"}, "x.pdf", 2, "unknown PDF standard 'a-2b' (expected a-1b or ua-1)"},
        {{"--backend", "pdfium"}, "x.pdf", 2, "unknown backend 'pdfium'"},
        {{"--permissions", "no-print,no-look"},
         "x.pdf",
         2,
         "--permissions takes a comma-separated list"},
        {{"--owner-password", "x"}, "x.pdf", 2, "--owner-password needs --permissions"},
        {{"--backend", "cairo", "--pdf-standard", "a-1b"}, "x.pdf", 2, "need --backend haru"},
        {{"--pdf-standard", "a-1b", "--permissions", "no-print"},
         "x.pdf",
         3,
         "PDF/A-1 forbids encryption"},
        {{"--pdf-standard", "a-1b"}, "x.png", 3, "apply to PDF output only"},
    };
    for (const Case& c : cases) {
        RunResult r = render(e, dir / c.out, c.extra);
        INFO(r.command << "\n" << r.err);
        CHECK(r.exit_code == c.exit_code);
        CHECK(contains(r.err, c.message));
        CHECK(list_dir(dir.path()).empty());
    }
}

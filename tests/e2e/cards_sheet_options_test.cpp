// Card sheets from the command line: --calibration adds the calibration sheet pair without
// editing the layout, --back-offset X,Y (mm) replaces the layout's offset, and the margin note
// names the paper and the 100 % scale.
#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "e2e/e2e_support.h"
#include "e2e/reference_check.h"

namespace {

using namespace e2e;

fs::path csv() { return source_root() / "inputs" / "bouwstenen.csv"; }
fs::path layout() { return source_root() / "layouts" / "cards.xml"; }

int pages_of(const fs::path& pdf) {
    RunResult info = run({"pdfinfo", pdf.string()});
    std::smatch m;
    if (!std::regex_search(info.out, m, std::regex("Pages:\\s+(\\d+)"))) return -1;
    return std::stoi(m[1]);
}

RunResult render(const fs::path& out, std::vector<std::string> extra) {
    std::vector<std::string> args{"render", csv().string(), "--layout", layout().string(), "-o",
                                  out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return drukwerk(args);
}

}  // namespace

TEST_CASE("card sheets: --calibration starts them with the calibration pair, --back-offset moves backs",
          "[e2e][cards][calibration]") {
    TempDir dir("drukwerk-calibration");
    RunResult plain = render(dir / "plain.pdf", {});
    REQUIRE(plain.exit_code == 0);
    RunResult calibrated = render(dir / "calibrated.pdf", {"--calibration"});
    INFO(calibrated.err);
    REQUIRE(calibrated.exit_code == 0);
    CHECK(pages_of(dir / "calibrated.pdf") == pages_of(dir / "plain.pdf") + 2);

    RunResult moved = render(dir / "moved.pdf", {"--back-offset", "1.5,-2"});
    REQUIRE(moved.exit_code == 0);
    CHECK(pages_of(dir / "moved.pdf") == pages_of(dir / "plain.pdf"));
    CHECK(read_file(dir / "moved.pdf") != read_file(dir / "plain.pdf"));

    RunResult bad = render(dir / "bad.pdf", {"--back-offset", "1.5"});
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "error: --back-offset takes X,Y in millimetres"));
    CHECK_FALSE(fs::exists(dir / "bad.pdf"));

    RunResult text = run({"pdftotext", "-f", "1", "-l", "1", (dir / "plain.pdf").string(), "-"});
    CHECK(contains(text.out, "Afdrukken op A4 op schaal 100 %"));
    // The calibration back explains itself, in Dutch, with its numbers every 5 mm.
    RunResult back = run({"pdftotext", "-f", "2", "-l", "2", (dir / "calibrated.pdf").string(), "-"});
    std::string words = std::regex_replace(back.out, std::regex("\\s+"), " ");
    // Ligature glyphs are written as their ligature characters (see the PDF/UA notes in the
    // README): read "\uFB00" as the two letters it stands for.
    words = std::regex_replace(words, std::regex("\uFB00"), "ff");
    for (const char* part : {"Kalibratievel", "X = ______ mm", "Y = ______ mm", "--back-offset X,Y",
                             "\u22125", "\u221210", " 5 ", " 10 "}) {
        INFO(part);
        CHECK(contains(words, part));
    }
}

// Tier 3: the calibration sheet pair (its words and numbered scales) at 40 dpi against
// tests/reference/cards-calibration-{front,back}.png. Regenerate with DRUKWERK_UPDATE_REFERENCES=1.
TEST_CASE("the calibration sheets look as they did", "[e2e][cards][calibration][reference]") {
    for (int page : {1, 2}) {
        TempDir dir("drukwerk-calibration");
        std::string name = page == 1 ? "cards-calibration-front" : "cards-calibration-back";
        const fs::path actual = dir / (name + ".png");
        RunResult r = render(actual, {"--mode", "sheets", "--calibration", "--dpi", "40", "--pages",
                                      std::to_string(page)});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        check_reference_image(actual, name);
    }
}

// Tier 3: with a gutter of twice the bleed every card keeps its own bleed, so themes share
// sheets: the second front sheet holds the end of theme 1 and the start of theme 2, each card
// with its own colour to the cut. tests/reference/cards-sheet-mixed-front.png.
TEST_CASE("a mixed-theme front sheet looks as it did", "[e2e][cards][reference]") {
    TempDir dir("drukwerk-mixed");
    std::string xml = read_file(layout());
    const std::string shared = "gutter=\"0\"";
    REQUIRE(xml.find(shared) != std::string::npos);
    xml.replace(xml.find(shared), shared.size(), "gutter=\"6mm\"");
    write_file(dir / "cards.xml", xml);
    fs::create_directories(dir / "icons");
    for (const auto& entry : fs::directory_iterator(source_root() / "layouts" / "icons"))
        fs::copy_file(entry.path(), dir / "icons" / entry.path().filename());
    fs::copy_file(source_root() / "layouts" / "wijk-mark.svg", dir / "wijk-mark.svg");
    const fs::path actual = dir / "mixed.png";
    RunResult r = drukwerk({"render", csv().string(), "--layout", (dir / "cards.xml").string(), "-o",
                            actual.string(), "--mode", "sheets", "--dpi", "40", "--pages", "3"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    check_reference_image(actual, "cards-sheet-mixed-front");
}

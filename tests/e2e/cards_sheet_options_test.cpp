// Card sheets from the command line: --calibration adds the calibration sheet pair without
// editing the layout, --back-offset X,Y (mm) replaces the layout's offset, and the margin note
// names the paper and the 100 % scale.
#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "e2e/e2e_support.h"

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

TEST_CASE("--calibration starts the sheets with the calibration pair; --back-offset moves backs",
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
}

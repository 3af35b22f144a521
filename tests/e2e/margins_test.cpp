// Text stays inside the type area: no word of the minutes crosses the left or right margin.
// (Pango 1.50 can justify a line ending in a soft hyphen without counting the hyphen; the
// typesetter must catch that.)
#include <catch2/catch.hpp>

#include <regex>

#include "e2e/e2e_support.h"

using namespace e2e;

TEST_CASE("no word of the minutes runs into the side margins", "[e2e][geometry]") {
    TempDir dir;
    auto pdf = dir / "v.pdf";
    RunResult r = drukwerk({"render", example_data().string(), "--layout", example_layout().string(),
                            "-o", pdf.string()});
    REQUIRE(r.exit_code == 0);
    RunResult bbox = run({"pdftotext", "-bbox", pdf.string(), (dir / "bbox.html").string()});
    REQUIRE(bbox.exit_code == 0);
    std::string html = read_file(dir / "bbox.html");
    // A4 with 20 mm side margins (layouts/minutes.xml); 0.5 pt for glyph side bearings.
    const double left = 20 * 72 / 25.4 - 0.5, right = 595.276 - 20 * 72 / 25.4 + 0.5;
    std::regex word(R"re(<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>)re");
    int words = 0;
    std::vector<std::string> outside;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it) {
        ++words;
        double x_min = std::stod((*it)[1]), x_max = std::stod((*it)[2]);
        if (x_min < left || x_max > right) outside.push_back((*it)[3].str() + " " + (*it)[2].str());
    }
    INFO("words outside the type area: " << outside.size());
    for (const auto& w : outside) INFO(w);
    CHECK(words > 2000);
    CHECK(outside.empty());
}

#include "e2e/pdf_words.h"

#include <catch2/catch.hpp>

#include <regex>

namespace e2e {

std::vector<Word> words_of(const fs::path& pdf, const fs::path& dir) {
    RunResult bbox = run({"pdftotext", "-bbox", pdf.string(), (dir / "bbox.html").string()});
    REQUIRE(bbox.exit_code == 0);
    std::string html = read_file(dir / "bbox.html");
    std::regex token(R"re(<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    std::vector<Word> words;
    int page = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), token); it != std::sregex_iterator(); ++it) {
        if ((*it)[1].length() == 0) {
            ++page;
            continue;
        }
        words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                         std::stod((*it)[4]), (*it)[5].str(), page});
    }
    return words;
}

}  // namespace e2e

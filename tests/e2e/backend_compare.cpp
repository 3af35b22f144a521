#include "e2e/backend_compare.h"

#include "e2e/e2e_support.h"
#include "e2e/png_compare.h"

namespace e2e {

std::vector<std::string> extracted_words(const std::string& text) {
    static const std::string soft_hyphen = "\xC2\xAD";
    std::vector<std::string> words;
    for (const std::string& line : split_lines(text)) {
        for (std::string word : split_words(line)) {
            for (size_t at; (at = word.find(soft_hyphen)) != std::string::npos;) {
                const bool last = at + soft_hyphen.size() == word.size();
                word.replace(at, soft_hyphen.size(), last ? "-" : "");
            }
            if (!word.empty()) words.push_back(word);
        }
    }
    return words;
}

std::vector<std::string> page_words(const fs::path& pdf, int page) {
    const std::string n = std::to_string(page);
    RunResult r = run({"pdftotext", "-layout", "-f", n, "-l", n, pdf.string(), "-"});
    return extracted_words(r.out);
}

double page_pixel_difference(const fs::path& expected_pdf, const fs::path& actual_pdf, int page,
                             int dpi, const fs::path& work_dir) {
    const std::string n = std::to_string(page);
    auto rasterise = [&](const fs::path& pdf, const std::string& name) {
        const fs::path base = work_dir / name;
        run({"pdftoppm", "-r", std::to_string(dpi), "-f", n, "-l", n, "-singlefile", "-png",
             pdf.string(), base.string()});
        return fs::path(base.string() + ".png");
    };
    const fs::path expected = rasterise(expected_pdf, "expected-" + n);
    const fs::path actual = rasterise(actual_pdf, "actual-" + n);
    PngComparison c = compare_png_files(expected, actual, kDefaultChannelThreshold,
                                        work_dir / ("diff-" + n + ".png"));
    return c.compared() ? c.diff.fraction() : -1;
}

int page_count(const fs::path& pdf) {
    RunResult r = run({"pdfinfo", pdf.string()});
    for (const std::string& line : split_lines(r.out)) {
        if (starts_with(line, "Pages:")) return std::stoi(line.substr(6));
    }
    return 0;
}

}  // namespace e2e

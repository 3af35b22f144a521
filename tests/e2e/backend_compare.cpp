#include "e2e/backend_compare.h"

#include "e2e/e2e_support.h"
#include "e2e/png_compare.h"

namespace e2e {

std::string reading_text(const std::string& text) {
    std::string kept;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xAD) {
            ++i;  // a soft hyphen (U+00AD)
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '-') continue;
        // A ligature character (U+FB00..U+FB04, as the Cairo PDF writes ligature glyphs) is
        // its letters, as libharu draws them.
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xAC &&
            static_cast<unsigned char>(text[i + 2]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 2]) <= 0x84) {
            static const char* const letters[] = {"ff", "fi", "fl", "ffi", "ffl"};
            kept += letters[static_cast<unsigned char>(text[i + 2]) - 0x80];
            i += 2;
            continue;
        }
        kept += text[i];
    }
    return kept;
}

std::string page_reading_text(const fs::path& pdf, int page) {
    const std::string n = std::to_string(page);
    return reading_text(run({"pdftotext", "-raw", "-f", n, "-l", n, pdf.string(), "-"}).out);
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

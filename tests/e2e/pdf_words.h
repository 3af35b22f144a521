// The words of a PDF with their boxes, from `pdftotext -bbox`, for tests of where text landed.
#pragma once

#include <string>
#include <vector>

#include "e2e/e2e_support.h"

namespace e2e {

struct Word {
    double x_min, y_min, x_max, y_max;  // points, from the page's top-left corner
    std::string text;
    int page;  // 1-based
};

// Every word of `pdf`; `dir` receives pdftotext's HTML. REQUIREs that pdftotext succeeds.
std::vector<Word> words_of(const fs::path& pdf, const fs::path& dir);

}  // namespace e2e

// Comparing the libharu and the Cairo renderings of the same document (issue 6): rendered by
// pdftoppm, the pages may differ only in anti-aliasing, and pdftotext must read the same words
// in the same order. Any example document is added to the comparison with one line in
// haru_backend_test.cpp.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace e2e {

// The text as a PDF reader extracts it in drawing order (pdftotext -raw), without the spaces,
// line breaks and hyphens between and inside words: how each back end splits text into words,
// spaces letter-spaced headings, and marks hyphenation differs, the words and their order do
// not. Comparing it checks "the same words in the same order".
std::string reading_text(const std::string& text);
std::string page_reading_text(const std::filesystem::path& pdf, int page);

// The fraction of pixels of page `page` that differ (any channel by more than the default
// threshold) between the two PDFs rendered with pdftoppm at `dpi`; -1 when a page could not be
// rendered or the sizes differ. `work_dir` receives the PNGs (and a diff picture).
double page_pixel_difference(const std::filesystem::path& expected_pdf,
                             const std::filesystem::path& actual_pdf, int page, int dpi,
                             const std::filesystem::path& work_dir);

// The number of pages pdfinfo reports; 0 when it cannot read the file.
int page_count(const std::filesystem::path& pdf);

}  // namespace e2e

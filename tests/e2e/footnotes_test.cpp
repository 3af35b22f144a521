// Footnotes in the example minutes of 21-01-2025, read back with pdftotext -bbox, qpdf --json and
// pdfinfo -struct-text: each note on the page of its mark, at the foot of the body above the
// footer and in the order of the marks; links from mark to note and back; Note elements.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

#include "e2e/e2e_support.h"
#include "e2e/pdf_words.h"
#include "e2e/qpdf_json.h"

using namespace e2e;

namespace {

// The foot of the body of layouts/minutes.xml: an A4 page less its 22mm bottom margin.
constexpr double kBodyBottom = 841.89 - 22 * 72 / 25.4;

fs::path render_footnote_minutes(const TempDir& dir) {
    const fs::path pdf = dir / "v.pdf";
    RunResult r = drukwerk({"render", (source_root() / "inputs" / "verslag-consortium-2025-01-21.md").string(),
                            "--layout", example_layout().string(), "-o", pdf.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(!contains(r.err, "footnote"));
    return pdf;
}

const Word& find_word(const std::vector<Word>& words, const std::function<bool(const Word&)>& match,
                      const std::string& what) {
    auto it = std::find_if(words.begin(), words.end(), match);
    INFO("looking for " << what);
    REQUIRE(it != words.end());
    return *it;
}

// Every string in a qpdf JSON value (names of destinations are strings "u:name").
void strings_in(const Json& v, std::vector<std::string>& out) {
    if (v.is_string()) out.push_back(v.string);
    for (const auto& item : v.array) strings_in(item, out);
    for (const auto& [key, value] : v.object) strings_in(value, out);
}

}  // namespace

TEST_CASE("a footnote is set at the foot of its mark's page, above the footer", "[e2e][geometry]") {
    TempDir dir;
    std::vector<Word> words = words_of(render_footnote_minutes(dir), dir.path());
    // The marks follow the sentence they annotate, raised and smaller: "gemeenten.¹", "3.000.²".
    const Word& after1 = find_word(words, [](const Word& w) { return w.text == "gemeenten."; }, "gemeenten.");
    const Word& after2 = find_word(words, [](const Word& w) { return w.text == "3.000."; }, "3.000.");
    auto mark_after = [&](const Word& before, const std::string& number) -> const Word& {
        return find_word(words, [&](const Word& w) {
            return w.text == number && w.page == before.page &&
                   std::abs(w.x_min - before.x_max) < 1 && std::abs(w.y_min - before.y_min) < 3;
        }, "mark " + number);
    };
    const Word& mark1 = mark_after(after1, "1");
    const Word& mark2 = mark_after(after2, "2");
    CHECK(mark1.y_max < after1.y_max - 2);  // raised above the baseline
    CHECK(mark1.y_max - mark1.y_min < after1.y_max - after1.y_min);
    const Word& note1 = find_word(words, [](const Word& w) { return w.text == "draagt"; }, "note 1");
    const Word& note2 = find_word(words, [](const Word& w) { return w.text == "geldt"; }, "note 2");
    CHECK(note1.page == mark1.page);
    CHECK(note2.page == mark2.page);
    CHECK(note1.y_min < note2.y_min);  // in the order of the marks
    // At the foot of the body: the last note ends just above the bottom margin, where the footer is.
    CHECK(note2.y_max < kBodyBottom + 0.5);
    CHECK(note2.y_max > kBodyBottom - 14);
    // Below every word of the body on that page, and smaller than the body text.
    for (const auto& w : words)
        if (w.page == note1.page && w.y_max < kBodyBottom - 40) CHECK(w.y_max < note1.y_min);
    CHECK(note1.y_max - note1.y_min < after1.y_max - after1.y_min);
}

TEST_CASE("a footnote's mark links to its note and the note's number back to the mark",
          "[e2e][pdf]") {
    TempDir dir;
    const fs::path pdf = render_footnote_minutes(dir);
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    std::vector<std::string> targets;
    for (const Json* page : pdf_pages(objects)) {
        const Json* annots = resolve(objects, page->find("/Annots"));
        if (!annots) continue;
        for (const Json& a : annots->array)
            if (const Json* annot = resolve(objects, &a)) strings_in(*annot, targets);
    }
    for (const char* dest : {"footnote-1", "footnote-mark-1", "footnote-2", "footnote-mark-2"}) {
        INFO(dest);
        CHECK(std::count_if(targets.begin(), targets.end(), [&](const std::string& s) {
                  return s == std::string("u:") + dest || s == dest || s == "/" + std::string(dest);
              }) >= 1);
    }
}

TEST_CASE("footnotes are Note structure elements", "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_footnote_minutes(dir);
    RunResult s = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(s.exit_code == 0);
    // Each note is its own element holding its paragraph, whose number links back to the mark.
    size_t first = s.out.find("Note");
    REQUIRE(first != std::string::npos);
    size_t second = s.out.find("Note", first + 4);
    REQUIRE(second != std::string::npos);
    CHECK(s.out.find("Note", second + 4) == std::string::npos);
    for (size_t note : {first, second}) {
        size_t p = s.out.find("P (block)", note);
        size_t link = s.out.find("Link", note);
        CHECK(p < link);
    }
}

// End-to-end: the cost of a paragraph is bounded. A word longer than a line is cut at the end of
// every line it fills; a paragraph or a body beyond the limits (data/text_limits.h) stops with an
// error at its line before it is parsed, even in a file of 16 MB.
#include <catch2/catch.hpp>
#include <string>

#include "e2e/e2e_support.h"

namespace {

using namespace e2e;

constexpr char kLayout[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<layout name="limits">
  <styles default="body">
    <style name="body" family="Lato" size="10pt" align="justify"/>
    <style name="heading" base="body" weight="bold" size="14pt"/>
  </styles>
  <page-master name="a4" size="A4" margin="20mm"/>
  <document page-master="a4">
    <text style="heading">{{title}}</text>
    <richtext source="body" h1="heading"/>
  </document>
</layout>
)";

// Front matter of 4 lines, a blank line: the body starts at line 6.
constexpr char kFrontMatter[] = "---\ntitle: Grenzen\ndate: 2024-11-12\n---\n\n";
constexpr int kBodyLine = 6;

struct Job {
    TempDir dir{"drukwerk-limits"};
    fs::path out = dir / "out.pdf";

    RunResult render(const std::string& body) {
        write_file(dir / "limits.xml", kLayout);
        write_file(dir / "data.md", kFrontMatter + body);
        return drukwerk({"render", "data.md", "--layout", "limits.xml", "-o", out.string()}, {},
                        dir.path());
    }
};

// Words of a few letters separated by spaces, in paragraphs of about `paragraph` bytes, up to
// `total` bytes.
std::string words(size_t total, size_t paragraph) {
    static const char* const kWords[] = {"de", "vergadering", "besluit", "een", "project", "actie"};
    std::string text;
    size_t in_paragraph = 0;
    for (size_t i = 0; text.size() < total; ++i) {
        text += kWords[i % 6];
        in_paragraph += 12;
        if (in_paragraph >= paragraph) {
            text += "\n\n";
            in_paragraph = 0;
        } else {
            text += ' ';
        }
    }
    return text;
}

void expect_stopped_at(const RunResult& r, const Job& job, const std::string& line) {
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    const auto errors = diagnostic_lines(r.err, "error");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == line);
    CHECK_FALSE(fs::exists(job.out));
}

}  // namespace

TEST_CASE("a 16 MB paragraph of one word stops at its line", "[e2e][bad][limits]") {
    Job job;
    const RunResult r = job.render(std::string(16 * 1024 * 1024 - 1024, 'a') + "\n");
    expect_stopped_at(r, job,
                      "data.md:" + std::to_string(kBodyLine) +
                          ":1: error: this paragraph is longer than 64 KB; a paragraph may "
                          "hold at most 64 KB");
}

TEST_CASE("16 MB of words in paragraphs stop at the line that passes 1 MB", "[e2e][bad][limits]") {
    Job job;
    const std::string body = words(16 * 1024 * 1024 - 1024, 600);
    size_t line = size_t(kBodyLine), bytes = 0;
    for (char c : body) {  // the line whose end passes 1 MB
        if (++bytes > 1024 * 1024) break;
        line += c == '\n';
    }
    const RunResult r = job.render(body);
    expect_stopped_at(r, job,
                      "data.md:" + std::to_string(line) +
                          ":1: error: the text passes 1 MB here; a document may hold at "
                          "most 1 MB");
}

TEST_CASE("a word longer than a line is cut at the end of every line it fills", "[e2e][limits]") {
    Job job;
    const size_t letters = 60 * 1024;
    const RunResult r = job.render(std::string(letters, 'm') + "\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(diagnostic_lines(r.err, "warning").empty());
    const RunResult text = run({"pdftotext", "-raw", job.out.string(), "-"});
    REQUIRE(text.exit_code == 0);
    std::vector<size_t> lengths;
    size_t total = 0;
    for (const std::string& line : split_lines(text.out)) {
        std::string t = trim(line);
        std::erase(t, '\f');  // a page's end
        if (t.empty() || t.find_first_not_of('m') != std::string::npos)
            continue;  // title, page ends
        lengths.push_back(t.size());
        total += t.size();
    }
    CHECK(total == letters);
    REQUIRE(lengths.size() > 100);
    for (size_t i = 0; i + 1 < lengths.size(); ++i) {
        INFO("line " << i);
        CHECK(lengths[i] == lengths[0]);  // every line but the last filled to its end
    }
    CHECK(lengths.back() <= lengths[0]);
}

TEST_CASE("a front matter value longer than a paragraph stops at the value", "[e2e][bad][limits]") {
    TempDir dir("drukwerk-limits");
    write_file(dir / "limits.xml", kLayout);
    write_file(dir / "data.md", "---\ntitle: " + std::string(16 * 1024 * 1024 - 4096, 'a') +
                                    "\ndate: 2024-11-12\n---\n\nTekst.\n");
    const RunResult r =
        drukwerk({"render", "data.md", "--layout", "limits.xml", "-o", (dir / "out.pdf").string()},
                 {}, dir.path());
    INFO(r.err);
    CHECK(r.exit_code == 1);
    const auto errors = diagnostic_lines(r.err, "error");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "data.md:2:1: error: the data passes 1 MB here; YAML data may hold at most 1 MB");
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
}

// --threads: the one concurrency knob of a render (see diag/executor.h). However many threads a
// render may use, it writes the same bytes: the minutes (words shaped ahead, glyphs warmed
// ahead), a card deck (pages painted while the next sheet is typeset) and the phone PNG (bands
// of rows compressed while the next is painted).
#include <catch2/catch.hpp>

#include "e2e_support.h"

using namespace e2e;

namespace {

std::string render_with_threads(const std::vector<std::string>& input, const std::string& threads,
                                const fs::path& out) {
    std::vector<std::string> args = {"render"};
    args.insert(args.end(), input.begin(), input.end());
    args.insert(args.end(), {"-o", out.string(), "--threads", threads});
    const RunResult r = drukwerk(args);
    INFO(r.command << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return read_file(out);
}

}  // namespace

TEST_CASE("a render writes the same bytes with one thread or four", "[e2e][threads]") {
    TempDir dir;
    const std::vector<std::vector<std::string>> inputs = {
        {example_data().string(), "--layout", example_layout().string()},
        {(source_root() / "inputs/bouwstenen.csv").string(), "--layout",
         (source_root() / "layouts/cards.xml").string()}};
    for (const auto& input : inputs) {
        INFO(input.front());
        const std::string one = render_with_threads(input, "1", dir.path() / "one.pdf");
        const std::string four = render_with_threads(input, "4", dir.path() / "four.pdf");
        CHECK(one.size() > 10000);
        CHECK(one == four);
    }
    const std::vector<std::string> phone = {
        (source_root() / "inputs/blueprint/wij-zijn-de-wijk.yaml").string(),
        "--layout",
        (source_root() / "layouts/blueprint.xml").string(),
        "--page-master",
        "phone",
        "--width-px",
        "1170"};
    const std::string one = render_with_threads(phone, "1", dir.path() / "one.png");
    const std::string four = render_with_threads(phone, "4", dir.path() / "four.png");
    CHECK(one.size() > 100000);
    CHECK(one == four);
}

TEST_CASE("a thread count that is not a whole number from 1 is a usage error", "[e2e][threads]") {
    for (const char* bad : {"0", "-2", "1.5", "many"}) {
        INFO(bad);
        const RunResult r =
            drukwerk({"render", example_data().string(), "--layout", example_layout().string(),
                      "-o", "/tmp/x.pdf", "--threads", bad});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "--threads takes a number of threads from 1 to 256"));
    }
}

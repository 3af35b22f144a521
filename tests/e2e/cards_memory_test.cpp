// Card decks stream: a sheet is typeset, imposed, painted into a scratch file and dropped before
// the next, so what a larger deck adds to memory is its structure only. (Rendered as whole
// processes; their peak RSS comes from /usr/bin/time.)
#include <catch2/catch.hpp>

#include "e2e/e2e_support.h"

namespace {

using namespace e2e;

// The example deck's rows in turn, each title and body made unique, as bench/cards.sh makes them.
void write_deck(const fs::path& path, int cards) {
    std::vector<std::string> lines =
        split_lines(read_file(source_root() / "inputs" / "bouwstenen.csv"));
    REQUIRE(lines.size() > 1);
    std::string csv = lines[0] + "\n";
    for (int i = 0; i < cards; ++i) {
        std::string row = lines[1 + i % (lines.size() - 1)];
        std::vector<std::string> fields;
        size_t start = 0;
        for (size_t semi; (semi = row.find(';', start)) != std::string::npos; start = semi + 1)
            fields.push_back(row.substr(start, semi - start));
        fields.push_back(row.substr(start));
        REQUIRE(fields.size() > 3);
        fields[2] += " (" + std::to_string(i + 1) + ")";
        fields[3] += " (" + std::to_string(i + 1) + ")";
        for (size_t f = 0; f < fields.size(); ++f) csv += (f ? ";" : "") + fields[f];
        csv += "\n";
    }
    write_file(path, csv);
}

long peak_rss_kb(const fs::path& data, const fs::path& out) {
    RunResult r =
        run({"/usr/bin/time", "-f", "peak-kb %M", DRUKWERK_BINARY, "render", data.string(),
             "--layout", (source_root() / "layouts" / "cards.xml").string(), "-o", out.string(),
             "--mode", "sheets", "--threads", "1"},
            {}, {}, 300);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    size_t at = r.err.rfind("peak-kb ");
    REQUIRE(at != std::string::npos);
    return std::stol(r.err.substr(at + 8));
}

}  // namespace

TEST_CASE("a card deck's memory grows with its structure only", "[cards][memory][slow]") {
#if defined(__SANITIZE_ADDRESS__)
    WARN("skipped: AddressSanitizer keeps freed memory in quarantine, so peak RSS grows with work");
    return;
#endif
    if (!fs::exists("/usr/bin/time")) {
        WARN("skipped: needs /usr/bin/time (Debian package time)");
        return;
    }
    TempDir dir;
    write_deck(dir / "small.csv", 120);
    write_deck(dir / "large.csv", 1000);
    // One thread: a painting thread's arena grows with how far it lags behind, which depends
    // on the machine's load. The least of three runs: the heap grows in 2 MB huge pages, so a
    // single run's peak can be a page higher.
    auto least_peak = [&](const char* name) {
        long least = 0;
        for (int run = 0; run < 3; ++run) {
            long peak = peak_rss_kb(dir / (std::string(name) + ".csv"), dir / (std::string(name) + ".pdf"));
            least = run == 0 ? peak : std::min(least, peak);
        }
        return least;
    };
    long small = least_peak("small");
    long large = least_peak("large");
    INFO("120 cards: " << small << " KB, 1000 cards: " << large << " KB");
    // What grows, per card: Cairo's structure tree (about 8 KB: a Sect, its heading and
    // paragraphs for each face), the PDF/UA finishing's table of edits and of where each object
    // is (it reads the structure elements from the mapped file and parses only the objects it
    // changes), and the data itself (the CSV rows as values, about 2 KB, which --sort needs all
    // at once): about 19 KB in all. Holding the painted sheets would add about 30 KB a card.
    const double per_card_kb = double(large - small) / (1000 - 120);
    CHECK(per_card_kb < 28);
}

// Hostile and broken input: each gives its diagnostic with a location, quickly, without a crash,
// without unbounded memory, and without touching the last good output.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>

#include "e2e_support.h"

using namespace e2e;

namespace {

uint32_t crc32_of(const std::string& bytes) {  // the PNG chunk checksum (ISO 3309)
    uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

std::string png_chunk(const std::string& type, const std::string& data) {
    auto be = [](uint32_t v) {
        return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    };
    std::string body = type + data;
    return be(uint32_t(data.size())) + body + be(crc32_of(body));
}

// A valid RGB PNG header claiming width x height, with a tiny (wrong) image body.
std::string png(uint32_t width, uint32_t height, bool complete = true) {
    auto be = [](uint32_t v) {
        return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    };
    std::string header = be(width) + be(height) + std::string{8, 2, 0, 0, 0};
    std::string file = "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", header) +
                       png_chunk("IDAT", std::string(64, '\0'));
    if (!complete) return file.substr(0, file.size() - 20);
    return file + png_chunk("IEND", "");
}

struct Case {
    TempDir dir{"drukwerk-hostile"};
    fs::path out = dir / "out.pdf";
    Case() { write_file(out, "last good"); }

    fs::path layout_with_image(const std::string& file_name, const std::string& bytes) {
        write_file(dir / file_name, bytes);
        write_file(dir / "image.xml",
                   "<layout name=\"i\">\n  <document>\n    <text>Beeld</text>\n"
                   "    <image src=\"" + file_name + "\" width=\"40mm\"/>\n  </document>\n</layout>\n");
        return dir / "image.xml";
    }
    RunResult render(const fs::path& data, const fs::path& layout) {
        return drukwerk({"render", data.string(), "--layout", layout.string(), "-o", out.string()});
    }
    void expect_error(const RunResult& r, const std::string& where, const std::string& message) {
        INFO(r.err);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, where));
        CHECK(contains(r.err, message));
        CHECK(read_file(out) == "last good");
    }
};

fs::path minimal_data() { return fixture("e2e/minimal.md"); }
fs::path simple_layout() { return fixture("e2e/simple.xml"); }

}  // namespace

TEST_CASE("10,000 levels of nesting are refused, not recursed into", "[e2e][hostile]") {
    Case c;
    SECTION("a Markdown list") {
        std::string md = "---\ntitle: x\n---\n";
        for (int i = 0; i < 10000; ++i) md += "- ";  // a list item holding a list item ...
        md += "a\n";
        write_file(c.dir / "nested.md", md);
        c.expect_error(c.render(c.dir / "nested.md", simple_layout()), "nested.md:",
                       "Markdown nested more than 64 levels deep");
    }
    SECTION("block quotes") {
        write_file(c.dir / "quotes.md", "---\ntitle: x\n---\n" + std::string(10000, '>') + " a\n");
        c.expect_error(c.render(c.dir / "quotes.md", simple_layout()), "quotes.md:4:",
                       "nested more than 64 levels deep");
    }
    SECTION("XML elements in a layout") {
        std::string xml = "<layout name=\"n\"><document>";
        for (int i = 0; i < 10000; ++i) xml += "<box>";
        for (int i = 0; i < 10000; ++i) xml += "</box>";
        write_file(c.dir / "nested.xml", xml + "</document></layout>");
        c.expect_error(c.render(minimal_data(), c.dir / "nested.xml"), "nested.xml:1:",
                       "elements are nested too deeply");
    }
    SECTION("YAML lists") {
        write_file(c.dir / "deep.yaml",
                   "title: x\nlist: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
        c.expect_error(c.render(c.dir / "deep.yaml", simple_layout()), "deep.yaml:2:",
                       "YAML nested too deeply");
    }
}

TEST_CASE("images that would exhaust memory, are cut off, or load other files",
          "[e2e][hostile][images]") {
    Case c;
    SECTION("a PNG that claims 30000 x 30000 pixels") {
        auto layout = c.layout_with_image("huge.png", png(30000, 30000));
        c.expect_error(c.render(minimal_data(), layout), "image.xml:4:5: error: ",
                       "the image is 30000 x 30000 pixels, more than drukwerk decodes");
    }
    SECTION("a truncated PNG") {
        auto layout = c.layout_with_image("cut.png", png(20, 20, false));
        c.expect_error(c.render(minimal_data(), layout), "image.xml:4:5: error: ",
                       "the PNG image is damaged or cut off");
    }
    SECTION("a truncated JPEG") {
        std::string header("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
                           "\xFF\xC0\x00\x11\x08\x00\x10\x00\x10\x03\x01\x22\x00",
                           33);
        auto layout = c.layout_with_image("cut.jpg", header);
        c.expect_error(c.render(minimal_data(), layout), "image.xml:4:5: error: ",
                       "the JPEG image is damaged or cut off");
    }
    SECTION("an SVG that references a file outside it") {
        auto layout = c.layout_with_image(
            "ext.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
            "width=\"10\" height=\"10\"><image xlink:href=\"file:///etc/passwd\" width=\"10\" "
            "height=\"10\"/></svg>");
        c.expect_error(c.render(minimal_data(), layout), "image.xml:4:5: error: ",
                       "the SVG image refers to another file: 'file:///etc/passwd'");
    }
    SECTION("an SVG with only internal references and embedded data is fine") {
        auto layout = c.layout_with_image(
            "ok.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
            "width=\"10\" height=\"10\"><defs><linearGradient id=\"g\"/></defs>"
            "<rect width=\"10\" height=\"10\" fill=\"url(#g)\"/><use xlink:href=\"#g\"/></svg>");
        RunResult r = c.render(minimal_data(), layout);
        INFO(r.err);
        CHECK(r.exit_code == 0);
    }
}

TEST_CASE("a component that invokes itself is stopped", "[e2e][hostile]") {
    Case c;
    write_file(c.dir / "loop.xml",
               "<layout name=\"r\">\n  <component name=\"loop\">\n    <text>x</text>\n"
               "    <use component=\"loop\"/>\n  </component>\n  <document>\n"
               "    <use component=\"loop\"/>\n  </document>\n</layout>\n");
    c.expect_error(c.render(minimal_data(), c.dir / "loop.xml"), "loop.xml:4:5: error: ",
                   "component 'loop' uses itself");
}

TEST_CASE("NUL bytes in data and layout are errors at their position", "[e2e][hostile][utf8]") {
    Case c;
    write_file(c.dir / "nul.md", std::string("---\ntitle: a\0b\n---\n# x\n", 23));
    c.expect_error(c.render(c.dir / "nul.md", simple_layout()), "nul.md:2:9: error: ", "NUL");
    std::string layout = read_file(simple_layout());
    layout.insert(layout.find("<document"), std::string(1, '\0'));
    write_file(c.dir / "nul.xml", layout);
    c.expect_error(c.render(minimal_data(), c.dir / "nul.xml"), "nul.xml:", "contains a NUL byte");
}

TEST_CASE("an output path that points at an input is refused", "[e2e][hostile][io]") {
    TempDir dir{"drukwerk-hostile"};
    fs::copy_file(minimal_data(), dir / "data.md");
    std::string before = read_file(dir / "data.md");
    RunResult r = drukwerk({"render", (dir / "data.md").string(), "--layout",
                            simple_layout().string(), "-o", (dir / "./data.md").string()});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "error: the output would overwrite the input"));
    CHECK(read_file(dir / "data.md") == before);
}

TEST_CASE("a full disk or read-only folder keeps the last good output", "[e2e][hostile][io]") {
    TempDir dir{"drukwerk-hostile"};
    fs::path out = dir / "out.pdf";
    write_file(out, "last good");
    SECTION("the disk fills up while writing (a file size limit of 10 KB)") {
        pid_t pid = fork();
        if (pid == 0) {
            rlimit limit{10000, 10000};
            setrlimit(RLIMIT_FSIZE, &limit);
            signal(SIGXFSZ, SIG_IGN);  // then write() fails with EFBIG, as with ENOSPC
            FILE* quiet = freopen((dir / "log").c_str(), "w", stderr);
            (void)quiet;
            execl(DRUKWERK_BINARY, DRUKWERK_BINARY, "render", example_data().c_str(), "--layout",
                  example_layout().c_str(), "-o", out.c_str(), nullptr);
            _exit(127);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        INFO(read_file(dir / "log"));
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 3);
        CHECK(contains(read_file(dir / "log"), "cannot write the output"));
    }
    SECTION("a read-only folder") {
        if (geteuid() == 0) {
            // root ignores permission bits; the full-disk case covers the failed write
            SUCCEED("skipped as root");
        } else {
            fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
            RunResult r = drukwerk({"render", minimal_data().string(), "--layout",
                                    simple_layout().string(), "-o", out.string()});
            fs::permissions(dir.path(), fs::perms::owner_all);
            CHECK(r.exit_code == 3);
        }
    }
    CHECK(read_file(out) == "last good");
    for (const auto& name : list_dir(dir.path())) CHECK_FALSE(contains(name, ".tmp-"));
}

TEST_CASE("a 50 MB CSV and a deck of a million cards are refused quickly", "[e2e][hostile][csv]") {
    Case c;
    const fs::path cards = source_root() / "layouts/cards.xml";
    SECTION("50 MB of lessons") {
        std::string csv = "thema;les;titel;tekst;voorbeeld;plaats;aantal\n";
        const std::string row = "1;1;Titel;" + std::string(400, 'x') + ";;Arnhem;1\n";
        while (csv.size() < 50u * 1024 * 1024) csv += row;
        write_file(c.dir / "big.csv", csv);
        c.expect_error(c.render(c.dir / "big.csv", cards), "big.csv: error: ",
                       "the file is 50 MB; data files may be at most 16 MB");
    }
    SECTION("quantities that add up to more than 5000 cards") {
        std::string csv = "thema;les;titel;tekst;voorbeeld;plaats;aantal\n";
        for (int i = 1; i <= 6; ++i) csv += "1;" + std::to_string(i) + ";Titel;Tekst;;;1000\n";
        write_file(c.dir / "many.csv", csv);
        c.expect_error(c.render(c.dir / "many.csv", cards), "many.csv:7:1: error: ",
                       "the deck has more than 5000 cards");
    }
}

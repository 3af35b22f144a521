// Output paths that are not plain files: `-o -` is standard output, and an existing device, FIFO
// or symlink is written through or refused, never replaced by a regular file.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <thread>

#include "e2e_support.h"

using namespace e2e;

namespace {

RunResult render_minutes(const std::vector<std::string>& extra, const fs::path& working_dir = {}) {
    std::vector<std::string> args{"render", example_data().string(), "--layout",
                                  example_layout().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return drukwerk(args, {}, working_dir);
}

}  // namespace

TEST_CASE("output to standard output (-o -): the PDF, and no file named -", "[e2e][output]") {
    TempDir dir;
    const RunResult to_file = render_minutes({"-o", (dir / "file.pdf").string()});
    const RunResult piped = render_minutes({"-o", "-"}, dir.path());
    INFO(piped.err);
    CHECK(piped.exit_code == 0);
    CHECK(starts_with(piped.out, "%PDF-"));
    CHECK(piped.out == read_file(dir / "file.pdf"));
    CHECK_FALSE(fs::exists(dir / "-"));
}

TEST_CASE("output to standard output (-o -): one PNG or SVG page chosen with --pages",
          "[e2e][output]") {
    TempDir dir;
    const RunResult png = render_minutes({"-o", "-", "--format", "png", "--pages", "2"}, dir.path());
    INFO(png.err);
    CHECK(png.exit_code == 0);
    CHECK(starts_with(png.out, "\x89PNG"));
    const RunResult svg = render_minutes({"-o", "-", "--format", "svg", "--pages", "1"}, dir.path());
    CHECK(svg.exit_code == 0);
    CHECK(contains(svg.out, "<svg"));
    const RunResult all = render_minutes({"-o", "-", "--format", "png"}, dir.path());
    CHECK(all.exit_code == 2);
    CHECK(all.out.empty());
    CHECK(contains(all.err, "-: error: standard output takes one PNG or SVG page"));
    CHECK(list_dir(dir.path()).empty());
}

TEST_CASE("a character device is written to, not replaced", "[e2e][output]") {
    const RunResult r = render_minutes({"-o", "/dev/null", "--format", "pdf"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("a FIFO gets the PDF and stays a FIFO", "[e2e][output]") {
    TempDir dir;
    const fs::path fifo = dir / "pipe.pdf";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] {  // open() of a FIFO for reading waits for the writer
        std::ifstream in(fifo, std::ios::binary);
        received.assign(std::istreambuf_iterator<char>(in), {});
    });
    const RunResult r = render_minutes({"-o", fifo.string()});
    reader.join();
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(starts_with(received, "%PDF-"));
    CHECK(fs::is_fifo(fifo));
}

TEST_CASE("a symlink keeps pointing at its file, which gets the PDF", "[e2e][output]") {
    TempDir dir;
    write_file(dir / "real.pdf", "old");
    fs::create_symlink("real.pdf", dir / "link.pdf");
    const RunResult r = render_minutes({"-o", (dir / "link.pdf").string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::is_symlink(dir / "link.pdf"));
    CHECK(starts_with(read_file(dir / "real.pdf"), "%PDF-"));
    CHECK(list_dir(dir.path()).size() == 2);  // no temporary file left
}

TEST_CASE("a symlink that points nowhere is refused and kept", "[e2e][output]") {
    TempDir dir;
    fs::create_symlink("nowhere.pdf", dir / "dangling.pdf");
    const RunResult r = render_minutes({"-o", (dir / "dangling.pdf").string()});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "error: the output is a symlink that points nowhere; not replacing it"));
    CHECK(fs::is_symlink(dir / "dangling.pdf"));
    CHECK_FALSE(fs::exists(dir / "nowhere.pdf"));
}

// Start-up cost: every render is a whole process (drukwerk build runs one per job), so the
// program must not load libraries only a few renders need. libqpdf (print-shop page boxes)
// brings gnutls, nettle, p11-kit and more, whose constructors run at load; libharu is only for
// --backend haru, PDF/A and --permissions. Both live in modules next to the program. librsvg
// (Rust runtime, libxml2, ICU) is opened with dlopen, on a thread of its own, by renders.
#include <catch2/catch.hpp>

#include "e2e_support.h"

using namespace e2e;

TEST_CASE("the program does not link libqpdf, libharu, gnutls or librsvg", "[e2e][startup]") {
    const RunResult ldd = run({"ldd", DRUKWERK_BINARY});
    REQUIRE(ldd.exit_code == 0);
    REQUIRE(contains(ldd.out, "libpangocairo"));  // ldd read the program
    CHECK_FALSE(contains(ldd.out, "libqpdf"));
    CHECK_FALSE(contains(ldd.out, "libhpdf"));
    CHECK_FALSE(contains(ldd.out, "libgnutls"));
    CHECK_FALSE(contains(ldd.out, "librsvg"));
    CHECK_FALSE(contains(ldd.out, "libyaml-cpp"));  // linked statically (READER_DEPS)
    CHECK_FALSE(contains(ldd.out, "libcmark-gfm"));
    CHECK_FALSE(contains(ldd.out, "libicu"));
}

TEST_CASE("the modules next to the program link them", "[e2e][startup]") {
    const fs::path folder = fs::path(DRUKWERK_BINARY).parent_path();
    const RunResult qpdf = run({"ldd", (folder / "drukwerk-qpdf.so").string()});
    REQUIRE(qpdf.exit_code == 0);
    CHECK(contains(qpdf.out, "libqpdf"));
    const RunResult haru = run({"ldd", (folder / "drukwerk-haru.so").string()});
    REQUIRE(haru.exit_code == 0);
    CHECK(contains(haru.out, "libhpdf"));
}

// Cairo's PDF numbers go through the program's own __snprintf_chk (src/cli/snprintf_interposer.cpp):
// it must be in the program's dynamic symbol table, or the libraries' calls never reach it.
TEST_CASE("the program exports its __snprintf_chk for Cairo", "[e2e][startup]") {
#if defined(__SANITIZE_ADDRESS__)
    SUCCEED("sanitizer builds leave snprintf to the sanitizer");
#else
    const RunResult nm = run({"nm", "-D", "--defined-only", DRUKWERK_BINARY});
    REQUIRE(nm.exit_code == 0);
    CHECK(contains(nm.out, " T __snprintf_chk"));
#endif
}

// Cairo's streams are compressed whole by libdeflate (src/cli/deflate_interposer.cpp): the
// program must export its deflateInit_, deflate and deflateEnd, and the PDF must still be
// sound and compressed.
TEST_CASE("the program deflates Cairo's streams through its own deflate", "[e2e][startup]") {
    const RunResult nm = run({"nm", "-D", "--defined-only", DRUKWERK_BINARY});
    REQUIRE(nm.exit_code == 0);
    for (const char* name : {" T deflateInit_\n", " T deflate\n", " T deflateEnd\n"}) {
        INFO(name);
        CHECK(contains(nm.out, name));
    }
    TempDir dir;
    const fs::path out = dir.path() / "v.pdf";
    const RunResult r = drukwerk({"render", example_data().string(), "--layout",
                                  example_layout().string(), "-o", out.string()});
    REQUIRE(r.exit_code == 0);
    CHECK(run({"qpdf", "--check", out.string()}).exit_code == 0);
    // The minutes' text alone is ~190 kB uncompressed; compressed, the file is near 114 kB.
    CHECK(fs::file_size(out) < 125000);
}

// Pango's font matching runs in the calling thread (src/cli/pango_thread_interposer.cpp): the
// program must export its g_thread_new. With strace at hand, a render of the minutes is also
// seen to start a handful of threads, not one pair per font pattern (39 before).
TEST_CASE("Pango matches fonts without starting threads", "[e2e][startup]") {
    const RunResult nm = run({"nm", "-D", "--defined-only", DRUKWERK_BINARY});
    REQUIRE(nm.exit_code == 0);
    CHECK(contains(nm.out, " T g_thread_new"));
    if (!have_program("strace")) return;
    TempDir dir;
    const RunResult traced =
        run({"strace", "-f", "-e", "trace=clone,clone3", DRUKWERK_BINARY, "render",
             example_data().string(), "--layout", example_layout().string(), "-o",
             (dir.path() / "v.pdf").string()});
    REQUIRE(traced.exit_code == 0);
    size_t threads = 0;
    for (const std::string& line : split_lines(traced.err))
        if (contains(line, "clone") && !contains(line, "resumed")) ++threads;
    CHECK(threads > 0);
    CHECK(threads < 10);
}

// The fast itemizer (typeset/itemizer.h) checked against pango_itemize on every paragraph of the
// three examples: DRUKWERK_VERIFY_ITEMIZER makes it compare and report each difference.
TEST_CASE("the fast itemizer agrees with Pango on every paragraph of the examples", "[e2e][itemize]") {
    TempDir dir;
    const std::vector<std::vector<std::string>> renders = {
        {example_data().string(), "--layout", example_layout().string()},
        {(source_root() / "inputs/bouwstenen.csv").string(), "--layout",
         (source_root() / "layouts/cards.xml").string()},
        {(source_root() / "inputs/blueprint/wij-zijn-de-wijk.yaml").string(), "--layout",
         (source_root() / "layouts/blueprint.xml").string()}};
    for (std::vector<std::string> args : renders) {
        args.insert(args.begin(), "render");
        args.push_back("-o");
        args.push_back((dir.path() / "out.pdf").string());
        const RunResult r = drukwerk(args, {{"DRUKWERK_VERIFY_ITEMIZER", "1"}});
        INFO(r.command << "\n" << r.err);
        CHECK(r.exit_code == 0);
        CHECK_FALSE(contains(r.err, "differs from Pango"));
        CHECK(contains(r.err, "paragraphs the fast way"));
    }
}

// The libraries most symbols come from are the first the program needs, so the loader's lookups
// stop early (see "first_libraries" in CMakeLists.txt).
TEST_CASE("the program needs libc, libm and GLib first", "[e2e][startup]") {
#if defined(__SANITIZE_ADDRESS__)
    SUCCEED("sanitizer builds put their runtime first");
#else
    const RunResult readelf = run({"readelf", "-d", DRUKWERK_BINARY});
    REQUIRE(readelf.exit_code == 0);
    std::vector<std::string> needed;
    for (const std::string& line : split_lines(readelf.out)) {
        const size_t open = line.find("Shared library: [");
        if (contains(line, "(NEEDED)") && open != std::string::npos)
            needed.push_back(line.substr(open + 17, line.find(']', open) - open - 17));
    }
    REQUIRE(needed.size() >= 4);
    CHECK(needed[0] == "libc.so.6");
    CHECK(needed[1] == "libm.so.6");
    CHECK(needed[2] == "libglib-2.0.so.0");
    CHECK(needed[3] == "libgobject-2.0.so.0");
#endif
}

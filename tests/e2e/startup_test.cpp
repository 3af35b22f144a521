// Start-up cost: every render is a whole process (drukwerk build runs one per job), so the
// program must not load libraries only a few renders need. libharu is only for --backend haru,
// PDF/A and --permissions: it lives in a module next to the program. librsvg (Rust runtime,
// libxml2, ICU) is opened with dlopen only for an SVG outside the plain subset drukwerk draws
// itself (paint/svg_drawing.h): the examples' logos and icons never load it. The PDF/UA finishing and the
// page boxes are the program's own (src/output/pdf_file.h), so no render loads libqpdf.
#include <catch2/catch.hpp>

#include <set>

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

TEST_CASE("the module next to the program links libharu", "[e2e][startup]") {
    const fs::path folder = fs::path(DRUKWERK_BINARY).parent_path();
    const RunResult haru = run({"ldd", (folder / "drukwerk-haru.so").string()});
    REQUIRE(haru.exit_code == 0);
    CHECK(contains(haru.out, "libhpdf"));
}

namespace {

// The names in the dynamic symbol table of `file` that it defines, without version suffixes.
std::set<std::string> defined_symbols(const std::string& file) {
    const RunResult nm = run({"nm", "-D", "--defined-only", file});
    REQUIRE(nm.exit_code == 0);
    std::set<std::string> names;
    for (const std::string& line : split_lines(nm.out)) {
        const size_t space = line.rfind(' ');
        if (space == std::string::npos) continue;
        std::string name = line.substr(space + 1);
        name = name.substr(0, name.find('@'));
        names.insert(name);
    }
    return names;
}

}  // namespace

// No process-wide symbol interposition: the program defines no function or data of libc, zlib
// or GLib in its dynamic symbol table, so every library's calls reach the library itself.
TEST_CASE("the program exports no symbol of libc, zlib or GLib", "[e2e][startup]") {
    const std::set<std::string> program = defined_symbols(DRUKWERK_BINARY);
    REQUIRE_FALSE(program.empty());
    // The libraries the program loads, as ldd finds them ("libz.so.1 => /lib/.../libz.so.1 (...)").
    const RunResult ldd = run({"ldd", DRUKWERK_BINARY});
    REQUIRE(ldd.exit_code == 0);
    int libraries = 0;
    for (const std::string& line : split_lines(ldd.out)) {
        const size_t arrow = line.find(" => ");
        if (arrow == std::string::npos) continue;
        const std::string name = line.substr(0, arrow);
        if (!contains(name, "libc.so") && !contains(name, "libz.so") && !contains(name, "libglib-2.0") &&
            !contains(name, "libgobject-2.0"))
            continue;
        const std::string path = line.substr(arrow + 4, line.find(" (", arrow) - arrow - 4);
        ++libraries;
        for (const std::string& symbol : defined_symbols(path)) {
            // The linker defines these in every object.
            if (symbol == "_end" || symbol == "_edata" || symbol == "__bss_start") continue;
            INFO(symbol << " of " << path);
            CHECK(program.count(symbol) == 0);
        }
    }
    CHECK(libraries == 4);
}

namespace {

// Whether the dynamic loader opened librsvg while the process ran (LD_DEBUG=files names every
// library it loads, also those opened with dlopen).
bool loads_librsvg(const RunResult& r) { return contains(r.err, "librsvg-2.so"); }

}  // namespace

TEST_CASE("the examples draw their SVG logos and icons without librsvg", "[e2e][startup]") {
    TempDir dir;
    const std::vector<std::vector<std::string>> renders = {
        {example_data().string(), "--layout", example_layout().string()},
        {(source_root() / "inputs/bouwstenen.csv").string(), "--layout",
         (source_root() / "layouts/cards.xml").string(), "--mode", "sheets"},
        {(source_root() / "inputs/blueprint/wij-zijn-de-wijk.yaml").string(), "--layout",
         (source_root() / "layouts/blueprint.xml").string()}};
    for (std::vector<std::string> args : renders) {
        args.insert(args.begin(), "render");
        args.push_back("-o");
        args.push_back((dir.path() / "out.pdf").string());
        const RunResult r = drukwerk(args, {{"LD_DEBUG", "files"}});
        INFO(r.command);
        REQUIRE(r.exit_code == 0);
        REQUIRE(contains(r.err, "libpangocairo"));  // the loader did report what it opened
        CHECK_FALSE(loads_librsvg(r));
    }
    // An SVG with a gradient is beyond the subset: librsvg draws it.
    const fs::path layout = dir.path() / "l.xml", logo = dir.path() / "gradient.svg";
    write_file(logo, R"~(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>
  <rect width="10" height="10" fill="url(#g)"/></svg>)~");
    std::string minutes = read_file(example_layout());
    REQUIRE(contains(minutes, "wijk-mark.svg"));
    for (size_t at; (at = minutes.find("wijk-mark.svg")) != std::string::npos;)
        minutes.replace(at, 13, "gradient.svg");
    write_file(layout, minutes);
    const RunResult r = drukwerk({"render", example_data().string(), "--layout", layout.string(),
                                  "-o", (dir.path() / "g.pdf").string()},
                                 {{"LD_DEBUG", "files"}});
    INFO(r.command);
    REQUIRE(r.exit_code == 0);
    CHECK(loads_librsvg(r));
}

// Cairo compresses the PDF's streams with zlib itself: the file is sound and compressed.
TEST_CASE("the minutes' PDF is sound and compressed", "[e2e][startup]") {
    TempDir dir;
    const fs::path out = dir.path() / "v.pdf";
    const RunResult r = drukwerk({"render", example_data().string(), "--layout",
                                  example_layout().string(), "-o", out.string()});
    REQUIRE(r.exit_code == 0);
    CHECK(run({"qpdf", "--check", out.string()}).exit_code == 0);
    // The minutes' text alone is ~190 kB uncompressed. The finishing copies Cairo's objects as
    // Cairo wrote them (about 9 kB of its indentation that a full rewrite would drop).
    CHECK(fs::file_size(out) < 150000);
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

// The manifest reader: jobs, resolved paths, and every kind of mistake with its location.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "batch/manifest_reader.h"

namespace fs = std::filesystem;
using dw::Diagnostics;

namespace {

// A project folder with a manifest in it, removed afterwards.
struct Project {
    fs::path root;
    Project() {
        root = fs::temp_directory_path() / ("drukwerk-manifest-" + std::to_string(getpid()));
        fs::create_directories(root / "inputs");
        std::ofstream(root / "inputs/a.md") << "# a\n";
        std::ofstream(root / "layout.xml") << "<layout/>";
    }
    ~Project() { fs::remove_all(root); }
    std::string manifest(const std::string& body, const std::string& attributes = "root=\"..\"") {
        fs::path file = root / "inputs/build.xml";
        std::ofstream(file) << "<manifest " << attributes << ">\n" << body << "</manifest>\n";
        return file.string();
    }
};

std::string messages(const Diagnostics& d) {
    std::string s;
    for (const auto& m : d.all()) {
        s += m.loc.file.substr(m.loc.file.rfind('/') + 1) + ":" + std::to_string(m.loc.line) +
             ":" + std::to_string(m.loc.col) + ": " + m.message + " | " + m.hint + "\n";
    }
    return s;
}

// The data files of the one job `<job name="list" ` + rest, read without diagnostics.
std::vector<std::string> data_files_of(Project& p, const std::string& rest) {
    Diagnostics d;
    auto m = dw::batch::load_manifest(p.manifest("  <job name=\"list\" " + rest), d);
    INFO(messages(d));
    REQUIRE(d.all().empty());
    REQUIRE(m);
    REQUIRE(m->jobs.size() == 1);
    return m->jobs[0].data_files;
}

}  // namespace

TEST_CASE("a manifest's jobs come back with paths resolved against its folder", "[manifest]") {
    Project p;
    Diagnostics d;
    auto m = dw::batch::load_manifest(
        p.manifest("  <job name=\"a\" data=\"a.md\" layout=\"../layout.xml\" output=\"../out/a.png\"\n"
                   "       dpi=\"150\" args=\"--pages 1 --format &quot;png&quot;\" timeout=\"5\"/>\n",
                   "root=\"..\" jobs=\"3\" timeout=\"30\""),
        d);
    INFO(messages(d));
    REQUIRE(m);
    REQUIRE(m->jobs.size() == 1);
    const auto& job = m->jobs[0];
    CHECK(job.name == "a");
    CHECK(job.data == (p.root / "inputs/a.md").string());
    CHECK(job.layout == (p.root / "layout.xml").string());
    CHECK(job.output == (p.root / "out/a.png").string());
    CHECK(job.render_args ==
          std::vector<std::string>{"--dpi", "150", "--pages", "1", "--format", "png"});
    CHECK(job.timeout_seconds == 5);
    CHECK(job.loc.line == 2);
    CHECK(m->workers == 3);
    REQUIRE(m->allowed_dirs.size() == 1);
    CHECK(m->allowed_dirs[0] == fs::canonical(p.root).string());
}

TEST_CASE("a strict manifest renders every job with --strict, unless the job says not",
          "[manifest]") {
    Project p;
    Diagnostics d;
    auto m = dw::batch::load_manifest(
        p.manifest("  <job name=\"a\" data=\"a.md\" layout=\"../layout.xml\" output=\"../out/a.pdf\"/>\n"
                   "  <job name=\"b\" data=\"a.md\" layout=\"../layout.xml\" output=\"../out/b.pdf\"\n"
                   "       strict=\"false\"/>\n",
                   "root=\"..\" strict=\"true\""),
        d);
    INFO(messages(d));
    REQUIRE(m);
    REQUIRE(m->jobs.size() == 2);
    CHECK(m->jobs[0].render_args == std::vector<std::string>{"--strict"});
    CHECK(m->jobs[1].render_args.empty());
}

TEST_CASE("manifest mistakes are reported with file, line and column", "[manifest]") {
    Project p;
    Diagnostics d;
    SECTION("an unknown attribute gets a did-you-mean") {
        auto m = dw::batch::load_manifest(
            p.manifest("  <job name=\"a\" data=\"a.md\" layuot=\"x\" output=\"o.pdf\"/>\n"), d);
        CHECK_FALSE(m);
        CHECK_THAT(messages(d), Catch::Contains("build.xml:2:29: unknown attribute 'layuot' on <job> | did you "
                               "mean 'layout'?"));
    }
    SECTION("a path outside the project") {
        auto m = dw::batch::load_manifest(
            p.manifest("  <job name=\"a\" data=\"../../../etc/passwd\" layout=\"../layout.xml\" "
                       "output=\"../o.pdf\"/>\n"),
            d);
        CHECK_FALSE(m);
        CHECK_THAT(messages(d), Catch::Contains("build.xml:2:17: the data path '../../../etc/passwd' is outside "
                               "the project"));
    }
    SECTION("an absolute path outside the project, unless allowed") {
        std::string job = "  <job name=\"a\" data=\"a.md\" layout=\"/usr/share/x.xml\" "
                          "output=\"../o.pdf\"/>\n";
        CHECK_FALSE(dw::batch::load_manifest(p.manifest(job), d));
        CHECK_THAT(messages(d), Catch::Contains("'/usr/share/x.xml' is outside the project"));
        Diagnostics allowed;
        CHECK(dw::batch::load_manifest(p.manifest("  <allow path=\"/usr/share\"/>\n" + job),
                                       allowed));
        CHECK(messages(allowed).empty());
    }
    SECTION("two jobs writing one file, a job writing onto an input, a name twice") {
        auto m = dw::batch::load_manifest(
            p.manifest("  <job name=\"a\" data=\"a.md\" layout=\"../layout.xml\" output=\"../o.pdf\"/>\n"
                       "  <job name=\"b\" data=\"a.md\" layout=\"../layout.xml\" output=\"../o.pdf\"/>\n"
                       "  <job name=\"a\" data=\"a.md\" layout=\"../layout.xml\" output=\"a.md\"/>\n"),
            d);
        CHECK_FALSE(m);
        std::string all = messages(d);
        CHECK_THAT(all, Catch::Contains("build.xml:4:8: a second job named 'a' | the first is at line 2"));
        CHECK_THAT(all, Catch::Contains("build.xml:3:3: jobs 'a' and 'b' write the same file"));
        CHECK_THAT(all, Catch::Contains("build.xml:4:3: job 'a' would overwrite an input"));
    }
    SECTION("a wrong root element and XML syntax errors") {
        std::string file = (p.root / "inputs/bad.xml").string();
        std::ofstream(file) << "<layout/>";
        CHECK_FALSE(dw::batch::load_manifest(file, d));
        CHECK_THAT(messages(d), Catch::Contains("bad.xml:1:1: the root element must be <manifest>, not <layout> | "
                               "a manifest starts with <manifest>"));
        Diagnostics syntax;
        std::ofstream(file) << "<manifest>\n<job name=\"a\"\n";
        CHECK_FALSE(dw::batch::load_manifest(file, syntax));
        CHECK_THAT(messages(syntax), Catch::Contains("XML syntax error"));
    }
    SECTION("a missing manifest") {
        CHECK_FALSE(dw::batch::load_manifest((p.root / "nope.xml").string(), d));
        CHECK_THAT(messages(d), Catch::Contains("manifest file not found"));
    }
}

TEST_CASE("a job's data pattern is expanded into its files, in path order, none is an error",
          "[manifest][collection]") {
    Project p;
    std::ofstream(p.root / "inputs/v-2.md") << "# 2\n";
    std::ofstream(p.root / "inputs/v-1.md") << "# 1\n";
    std::ofstream(p.root / "inputs/w-1.md") << "# w\n";
    const auto files = data_files_of(p, "data=\"v-*.md\" layout=\"../layout.xml\" "
                                        "output=\"../out/list.pdf\"/>\n");
    REQUIRE(files.size() == 2);
    CHECK(fs::path(files[0]).filename() == "v-1.md");
    CHECK(fs::path(files[1]).filename() == "v-2.md");

    Diagnostics none;
    dw::batch::load_manifest(
        p.manifest("  <job name=\"list\" data=\"x-*.md\" layout=\"../layout.xml\" "
                   "output=\"../out/list.pdf\"/>\n"),
        none);
    CHECK(messages(none) ==
          "build.xml:2:20: no file matches 'x-*.md' | the pattern is relative to the manifest, "
          "like every path in it\n");
}

TEST_CASE("a job's <data> elements are the files of its collection, data= and <data> exclude "
          "each other",
          "[manifest][collection]") {
    Project p;
    std::ofstream(p.root / "inputs/v-1.md") << "# 1\n";
    const auto files = data_files_of(p, "layout=\"../layout.xml\" output=\"../out/list.pdf\">\n"
                                        "    <data file=\"v-1.md\"/>\n    <data file=\"a.md\"/>\n"
                                        "  </job>\n");
    REQUIRE(files.size() == 2);
    CHECK(fs::path(files[0]).filename() == "v-1.md");
    CHECK(fs::path(files[1]).filename() == "a.md");

    Diagnostics both, none;
    dw::batch::load_manifest(
        p.manifest("  <job name=\"list\" data=\"a.md\" layout=\"../layout.xml\" "
                   "output=\"../out/list.pdf\">\n    <data file=\"v-1.md\"/>\n  </job>\n"),
        both);
    CHECK(messages(both) == "build.xml:3:5: a job has data= or <data> elements, not both | \n");
    dw::batch::load_manifest(
        p.manifest("  <job name=\"list\" layout=\"../layout.xml\" output=\"../out/list.pdf\"/>\n"),
        none);
    CHECK(messages(none) ==
          "build.xml:2:3: job 'list' has no data | add data=\"FILE\", or <data file=\"FILE\"/> for "
          "each file of a collection\n");
}

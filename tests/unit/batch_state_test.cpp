// Incremental builds: content hashes, the build state file and when a job counts as up to date.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "batch/build_state.h"
#include "batch/job_freshness.h"
#include "batch/job_report.h"
#include "batch/stale_files.h"

namespace fs = std::filesystem;
using namespace dw::batch;

namespace {

struct Folder {
    fs::path path = fs::temp_directory_path() / ("drukwerk-state-" + std::to_string(getpid()));
    Folder() { fs::create_directories(path); }
    ~Folder() { fs::remove_all(path); }
    std::string file(const std::string& name, const std::string& content) const {
        std::ofstream(path / name, std::ios::binary) << content;
        return (path / name).string();
    }
};

}  // namespace

TEST_CASE("the content hash tells contents apart and is stable", "[hash]") {
    CHECK(hash_bytes("abc") == hash_bytes("abc"));
    CHECK(hash_bytes("abc") != hash_bytes("abd"));
    CHECK(hash_bytes("") != hash_bytes(std::string(1, '\0')));
    CHECK(hash_bytes("12345678") != hash_bytes("123456789"));
    CHECK(hash_hex(0xabcull) == "0000000000000abc");
}

TEST_CASE("the build state survives a round trip, paths with spaces included", "[state]") {
    Folder f;
    BuildState state;
    JobRecord& r = state.jobs["minutes"];
    r.key = 0x1234abcdull;
    r.pages = 7;
    r.inputs["/a b/data.md"] = HashedFile{FileStamp{10, 20}, 30};
    r.outputs["/out/x y.pdf"] = FileStamp{40, 50};
    dw::Diagnostics d;
    std::string path = (f.path / "sub/state").string();
    REQUIRE(write_build_state(state, path, d));
    BuildState back = read_build_state(path);
    REQUIRE(back.jobs.count("minutes"));
    const JobRecord& b = back.jobs["minutes"];
    CHECK(b.key == r.key);
    CHECK(b.pages == 7);
    CHECK(b.inputs.at("/a b/data.md").hash == 30);
    CHECK(b.inputs.at("/a b/data.md").stamp == FileStamp{10, 20});
    CHECK(b.outputs.at("/out/x y.pdf") == FileStamp{40, 50});
    f.file("damaged", "something else\njob x");
    CHECK(read_build_state((f.path / "damaged").string()).jobs.empty());
    CHECK(read_build_state((f.path / "missing").string()).jobs.empty());
}

TEST_CASE("a job is up to date until an input's content, its options or an output change",
          "[freshness]") {
    Folder f;
    std::string self = f.file("drukwerk", "binary v1");
    std::string data = f.file("data.md", "hallo");
    std::string out = f.file("out.pdf", "%PDF");
    Job job{"j", data, data, out, {"--dpi", "96"}, 10, {}, {}};
    auto record = [&] {
        FileHasher hasher;
        return JobFreshness(hasher, self).record(job, {data}, {out}, 1);
    };
    auto fresh = [&](const JobRecord& r) {
        FileHasher hasher;
        return JobFreshness(hasher, self).up_to_date(job, r);
    };
    JobRecord r = record();
    CHECK(r.key != 0);
    CHECK(fresh(r));
    SECTION("same content written again (new mtime): still up to date") {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        f.file("data.md", "hallo");
        CHECK(fresh(r));
    }
    SECTION("changed content") {
        f.file("data.md", "hallo wereld");
        CHECK_FALSE(fresh(r));
    }
    SECTION("changed options") {
        job.render_args = {"--dpi", "150"};
        CHECK_FALSE(fresh(r));
    }
    SECTION("a new drukwerk binary") {
        f.file("drukwerk", "binary v2");
        CHECK_FALSE(fresh(r));
    }
    SECTION("a module next to the binary added or changed: part of the program") {
        f.file("drukwerk-haru.so", "module v1");
        CHECK_FALSE(fresh(r));
        JobRecord with_module = record();
        CHECK(fresh(with_module));
        f.file("drukwerk-haru.so", "module v2");
        CHECK_FALSE(fresh(with_module));
    }
    SECTION("the output edited or removed") {
        f.file("out.pdf", "%PDF-changed");
        CHECK_FALSE(fresh(r));
        fs::remove(out);
        CHECK_FALSE(fresh(r));
    }
    SECTION("an input removed") {
        fs::remove(data);
        CHECK_FALSE(fresh(r));
    }
}

TEST_CASE("a job report lists pages, inputs and outputs", "[report]") {
    Folder f;
    JobReport report{3, {"/a.md", "/b c.xml"}, {"/o-1.png", "/o-2.png"}};
    std::string path = f.file("r", format_job_report(report));
    JobReport back = read_job_report(path);
    CHECK(back.pages == 3);
    CHECK(back.inputs == report.inputs);
    CHECK(back.outputs == report.outputs);
    CHECK(read_job_report((f.path / "missing").string()).pages == 0);
}

TEST_CASE("a stopped worker's temporary files are removed, nothing else", "[stale]") {
    Folder f;
    f.file("x.pdf", "last good");
    f.file(".x.pdf.tmp-4242-0", "partial");
    f.file(".x-2.png.tmp-4242-1", "partial");
    f.file(".x.pdf.tmp-4243-0", "another worker's");
    remove_worker_temp_files((f.path / "x.pdf").string(), 4242);
    CHECK(fs::exists(f.path / "x.pdf"));
    CHECK_FALSE(fs::exists(f.path / ".x.pdf.tmp-4242-0"));
    CHECK_FALSE(fs::exists(f.path / ".x-2.png.tmp-4242-1"));
    CHECK(fs::exists(f.path / ".x.pdf.tmp-4243-0"));
}

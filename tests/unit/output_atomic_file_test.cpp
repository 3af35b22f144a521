#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>

#include "fixtures/paint/sample_document.h"
#include "output/atomic_file.h"

using namespace dw;
using namespace dw::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

std::string messages(const Diagnostics& diag) {
    std::string s;
    for (const Diagnostic& d : diag.all()) s += format_diagnostic(d);
    return s;
}

// Lowers the file size limit for one scope: writing more fails with EFBIG, even for root, which
// is how these tests make a write fail halfway on any machine.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        old_handler_ = std::signal(SIGXFSZ, SIG_IGN);  // else the process is killed
        getrlimit(RLIMIT_FSIZE, &old_);
        rlimit lower = old_;
        lower.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &lower);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &old_);
        std::signal(SIGXFSZ, old_handler_);
    }

private:
    rlimit old_{};
    void (*old_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("atomic write creates the file and missing directories", "[output][atomic]") {
    TempDir dir;
    Diagnostics diag;
    const std::string path = dir / "out/sub/x.pdf";
    REQUIRE(output::write_file_atomically(path, "new bytes", diag));
    CHECK(diag.all().empty());
    CHECK(read_file(path) == "new bytes");
    CHECK(names_in(dir / "out/sub") == std::vector<std::string>{"x.pdf"});  // no temp file left
}

TEST_CASE("atomic write replaces an existing file and keeps its permissions", "[output][atomic]") {
    TempDir dir;
    Diagnostics diag;
    const std::string path = dir / "x.pdf";
    write_file(path, "old");
    fs::permissions(path, fs::perms(0640));
    REQUIRE(output::write_file_atomically(path, "new", diag));
    CHECK(read_file(path) == "new");
    CHECK((fs::status(path).permissions() & fs::perms::all) == fs::perms(0640));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"x.pdf"});
}

TEST_CASE("a write that fails halfway leaves the old file and no temp file", "[output][atomic]") {
    TempDir dir;
    Diagnostics diag;
    const std::string path = dir / "x.pdf";
    write_file(path, "the last good version");
    bool ok;
    {
        FileSizeLimit limit(1000);
        ok = output::write_file_atomically(path, std::string(100000, 'x'), diag);
    }
    INFO(messages(diag));
    CHECK_FALSE(ok);
    CHECK(read_file(path) == "the last good version");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"x.pdf"});
    CHECK(messages(diag).find("x.pdf: error: cannot write the output") != std::string::npos);
    CHECK(messages(diag).find("note: the file is larger than") != std::string::npos);
}

TEST_CASE("an unwritable directory is reported and the old file stays", "[output][atomic]") {
    Diagnostics diag;
    if (geteuid() == 0) {
        // Permissions do not stop root, but sysfs takes no new files from anyone.
        REQUIRE(fs::is_directory("/sys"));
        CHECK_FALSE(output::write_file_atomically("/sys/drukwerk-test.pdf", "new", diag));
        CHECK_FALSE(fs::exists("/sys/drukwerk-test.pdf"));
        const std::string said = messages(diag);
        CHECK((said.find("no permission to write in directory '/sys'") != std::string::npos ||
               said.find("Read-only file system") != std::string::npos));
        return;
    }
    TempDir dir;
    fs::create_directory(dir / "locked");
    const std::string path = dir / "locked/x.pdf";
    write_file(path, "old");
    fs::permissions(dir / "locked", fs::perms(0555));
    CHECK_FALSE(output::write_file_atomically(path, "new", diag));
    fs::permissions(dir / "locked", fs::perms(0755));
    CHECK(read_file(path) == "old");
    CHECK(names_in(dir / "locked") == std::vector<std::string>{"x.pdf"});
    CHECK(messages(diag).find("no permission to write in directory") != std::string::npos);
}

TEST_CASE("impossible paths are reported with a hint", "[output][atomic]") {
    TempDir dir;
    write_file(dir / "file", "I am a file");
    Diagnostics diag;
    CHECK_FALSE(output::write_file_atomically(dir / "file/x.pdf", "new", diag));
    CHECK(messages(diag).find("cannot create directory") != std::string::npos);

    fs::create_directory(dir / "adir");
    Diagnostics diag2;
    CHECK_FALSE(output::write_file_atomically(dir / "adir", "new", diag2));
    CHECK(messages(diag2).find("this path is a directory") != std::string::npos);
    CHECK(fs::is_directory(dir / "adir"));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"adir", "file"});

    if (fs::is_directory("/proc/self")) {  // a folder that exists but takes no new files
        Diagnostics diag3;
        CHECK_FALSE(output::write_file_atomically("/proc/drukwerk-test.pdf", "new", diag3));
        CHECK(messages(diag3).find("does not exist") == std::string::npos);
        CHECK(messages(diag3).find("takes no new files") != std::string::npos);
    }
}

TEST_CASE("several files: a failure in one leaves all targets untouched", "[output][atomic]") {
    TempDir dir;
    write_file(dir / "x-1.png", "old 1");
    write_file(dir / "x-2.png", "old 2");
    const std::string big(100000, 'x');
    Diagnostics diag;
    bool ok;
    {
        FileSizeLimit limit(1000);
        ok = output::write_files_atomically({{dir / "x-1.png", "new 1"}, {dir / "x-2.png", big}},
                                            diag);
    }
    CHECK_FALSE(ok);
    CHECK(read_file(dir / "x-1.png") == "old 1");  // the first was complete, but not committed
    CHECK(read_file(dir / "x-2.png") == "old 2");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"x-1.png", "x-2.png"});

    Diagnostics ok_diag;
    REQUIRE(output::write_files_atomically({{dir / "x-1.png", "new 1"}, {dir / "x-2.png", "new 2"}},
                                           ok_diag));
    CHECK(read_file(dir / "x-1.png") == "new 1");
    CHECK(read_file(dir / "x-2.png") == "new 2");
}

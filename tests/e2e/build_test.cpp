// `drukwerk build` end to end: a manifest with good and bad jobs, incremental re-runs, parallel
// output identical to serial output, confinement, Ctrl-C and --watch.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "e2e_support.h"

using namespace e2e;

namespace {

// A small project: the minutes, their layout and mark, a broken copy of the data, a manifest.
struct Project {
    TempDir dir{"drukwerk-build"};
    Project() {
        fs::create_directories(dir / "inputs");
        fs::create_directories(dir / "layouts");
        fs::copy_file(example_data(), dir / "inputs/minutes.md");
        fs::copy_file(example_layout(), dir / "layouts/minutes.xml");
        fs::copy_file(source_root() / "layouts/wijk-mark.svg", dir / "layouts/wijk-mark.svg");
        write_file(dir / "inputs/bad.md", "---\ntitle: [unclosed\n---\n# x\n");
    }
    fs::path manifest(const std::string& jobs) const {
        write_file(dir / "inputs/build.xml", "<manifest root=\"..\">\n" + jobs + "</manifest>\n");
        return dir / "inputs/build.xml";
    }
    static std::string job(const std::string& name, const std::string& data,
                           const std::string& output, const std::string& extra = "") {
        return "  <job name=\"" + name + "\" data=\"" + data +
               "\" layout=\"../layouts/minutes.xml\" output=\"" + output + "\" " + extra + "/>\n";
    }
};

bool has_temp_files(const fs::path& dir) {
    for (const auto& name : list_dir(dir)) {
        if (contains(name, ".tmp-")) return true;
    }
    return false;
}

// Starts drukwerk in the background (for signals); stdout and stderr go to files in `dir`.
pid_t start_drukwerk(const std::vector<std::string>& args, const fs::path& log) {
    pid_t pid = fork();
    if (pid == 0) {
        FILE* out = freopen(log.c_str(), "w", stdout);
        (void)out;
        dup2(1, 2);
        std::vector<char*> argv{const_cast<char*>(DRUKWERK_BINARY)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

template <typename Condition>
bool wait_for(Condition condition, double seconds) {
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

}  // namespace

TEST_CASE("build renders every job, reports the failed one and skips what is unchanged",
          "[build]") {
    Project p;
    fs::path manifest = p.manifest(Project::job("minutes", "minutes.md", "../out/minutes.pdf") +
                                   Project::job("preview", "minutes.md", "../out/preview.png",
                                                "pages=\"1\" dpi=\"20\"") +
                                   Project::job("broken", "bad.md", "../out/bad.pdf"));
    RunResult first = drukwerk({"build", manifest.string(), "-j", "2"});
    INFO(first.out << first.err);
    CHECK(first.exit_code == 1);
    CHECK(contains(first.err, "FAILED broken"));
    CHECK(contains(first.err, "bad.md:2:"));  // the worker's own diagnostic, with its location
    CHECK(contains(first.err, "ok     minutes (7 pages"));
    CHECK(contains(first.out, "3 jobs: 2 rendered, 0 up to date, 1 failed"));
    CHECK(fs::exists(p.dir / "out/minutes.pdf"));
    CHECK(read_png_header(read_file(p.dir / "out/preview.png")).valid);
    CHECK_FALSE(fs::exists(p.dir / "out/bad.pdf"));

    RunResult second = drukwerk({"build", manifest.string()});
    CHECK(second.exit_code == 1);
    CHECK(contains(second.out, "3 jobs: 0 rendered, 2 up to date, 1 failed"));

    RunResult only = drukwerk({"build", manifest.string(), "minutes", "preview"});
    CHECK(only.exit_code == 0);
    CHECK(contains(only.out, "2 jobs: 0 rendered, 2 up to date, 0 failed"));

    write_file(p.dir / "inputs/minutes.md", read_file(p.dir / "inputs/minutes.md") + "\nExtra.\n");
    RunResult third = drukwerk({"build", manifest.string(), "minutes", "preview"});
    CHECK(contains(third.out, "2 jobs: 2 rendered, 0 up to date, 0 failed"));

    RunResult listed = drukwerk({"build", manifest.string(), "--list"});
    CHECK(listed.exit_code == 0);
    CHECK(contains(listed.out, "minutes  (up to date)"));
    CHECK(contains(listed.out, "broken  (to render)"));

    RunResult unknown = drukwerk({"build", manifest.string(), "minuets"});
    CHECK(unknown.exit_code == 2);
    CHECK(contains(unknown.err, "no job named 'minuets'"));
    CHECK(contains(unknown.err, "did you mean 'minutes'?"));
}

TEST_CASE("parallel builds give the same bytes as serial builds", "[build][slow]") {
    Project p;
    std::string jobs;
    for (int i = 1; i <= 4; ++i)
        jobs += Project::job("m" + std::to_string(i), "minutes.md",
                             "../out/m" + std::to_string(i) + ".pdf");
    fs::path manifest = p.manifest(jobs);
    REQUIRE(drukwerk({"build", manifest.string(), "-j", "1"}).exit_code == 0);
    std::vector<std::string> serial;
    for (int i = 1; i <= 4; ++i) serial.push_back(read_file(p.dir / ("out/m" + std::to_string(i) + ".pdf")));
    REQUIRE(drukwerk({"build", manifest.string(), "-j", "2", "--force"}).exit_code == 0);
    for (int i = 1; i <= 4; ++i) {
        CHECK(read_file(p.dir / ("out/m" + std::to_string(i) + ".pdf")) == serial[size_t(i - 1)]);
        CHECK(serial[size_t(i - 1)] == serial[0]);
    }
}

TEST_CASE("a job may not read files outside the project", "[build]") {
    Project p;
    TempDir elsewhere{"drukwerk-elsewhere"};
    fs::copy_file(source_root() / "layouts/wijk-mark.svg", elsewhere / "mark.svg");
    std::string layout = read_file(p.dir / "layouts/minutes.xml");
    size_t at = layout.find("wijk-mark.svg");
    REQUIRE(at != std::string::npos);
    layout.replace(at, 13, (elsewhere / "mark.svg").string());
    write_file(p.dir / "layouts/escape.xml", layout);
    fs::path manifest = p.manifest(
        "  <job name=\"escape\" data=\"minutes.md\" layout=\"../layouts/escape.xml\" "
        "output=\"../out/x.pdf\"/>\n");
    RunResult r = drukwerk({"build", manifest.string()});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "FAILED escape"));
    CHECK(contains(r.err, "escape.xml:"));
    CHECK(contains(r.err, "error: the image '" + (elsewhere / "mark.svg").string() +
                              "' is outside the project"));
    RunResult plain = drukwerk({"render", (p.dir / "inputs/minutes.md").string(), "--layout",
                                (p.dir / "layouts/escape.xml").string(), "-o",
                                (p.dir / "out/y.pdf").string()});
    CHECK(plain.exit_code == 0);  // rendering by hand is not confined
}

TEST_CASE("Ctrl-C stops the workers and leaves no partial file", "[build][signals][slow]") {
    Project p;
    std::string jobs;
    // Many jobs, and the signal only once the first has finished (its progress line): the
    // build is then certainly running, and far from done.
    const int job_count = 40;
    for (int i = 1; i <= job_count; ++i)
        jobs += Project::job("m" + std::to_string(i), "minutes.md",
                             "../out/m" + std::to_string(i) + ".pdf");
    fs::path manifest = p.manifest(jobs);
    pid_t pid = start_drukwerk({"build", manifest.string(), "-j", "2"}, p.dir / "log");
    bool running = wait_for([&] { return contains(read_file(p.dir / "log"), "ok     m"); }, 60);
    kill(pid, SIGINT);
    REQUIRE(running);
    int code = wait_exit(pid);
    INFO(read_file(p.dir / "log"));
    CHECK(code == 130);
    CHECK(contains(read_file(p.dir / "log"), "interrupted"));
    if (fs::exists(p.dir / "out")) CHECK_FALSE(has_temp_files(p.dir / "out"));
}

TEST_CASE("build --watch renders again when an input changes", "[build][watch][slow]") {
    Project p;
    fs::path manifest = p.manifest(Project::job("minutes", "minutes.md", "../out/minutes.pdf"));
    fs::path out = p.dir / "out/minutes.pdf";
    pid_t pid = start_drukwerk({"build", manifest.string(), "--watch"}, p.dir / "log");
    REQUIRE(wait_for([&] { return contains(read_file(p.dir / "log"), "watching for changes"); }, 120));
    std::string before = read_file(out);
    write_file(p.dir / "inputs/minutes.md",
               read_file(p.dir / "inputs/minutes.md") + "\nEen nieuwe alinea.\n");
    bool rerendered = wait_for([&] { return read_file(out) != before && !read_file(out).empty(); }, 120);
    kill(pid, SIGINT);
    int code = wait_exit(pid);
    INFO(read_file(p.dir / "log"));
    CHECK(rerendered);
    CHECK(code == 130);
}

TEST_CASE("build --watch renders a collection again when a file matching its pattern appears",
          "[build][watch][slow]") {
    Project p;
    fs::copy_file(source_root() / "layouts/actielijst.xml", p.dir / "layouts/actielijst.xml");
    auto meeting = [](const std::string& date, int number, const std::string& action) {
        return "---\nproject: P\nseries: Werkgroep\ndate: " + date + "\nmeeting: " +
               std::to_string(number) +
               "\nvenue: V\nattendees:\n  - name: Anna\n    organisation: O\n"
               "contact:\n  name: Anna\nactions:\n  - number: A-" + std::to_string(number) +
               "\n    what: " + action + "\n    who: Anna\n    due: 2026-01-01\n"
               "    status: open\n---\n\nKort.\n";
    };
    write_file(p.dir / "inputs/v-1.md", meeting("2025-01-01", 1, "Eerste actie"));
    fs::path manifest = p.manifest(
        "  <job name=\"lijst\" data=\"v-*.md\" layout=\"../layouts/actielijst.xml\" "
        "output=\"../out/lijst.pdf\"/>\n");
    const fs::path out = p.dir / "out/lijst.pdf";
    pid_t pid = start_drukwerk({"build", manifest.string(), "--watch"}, p.dir / "log");
    REQUIRE(wait_for([&] { return contains(read_file(p.dir / "log"), "watching for changes"); }, 120));
    write_file(p.dir / "inputs/v-2.md", meeting("2025-02-01", 2, "Tweede actie"));
    bool rerendered = wait_for(
        [&] { return contains(run({"pdftotext", out.string(), "-"}).out, "Tweede actie"); }, 120);
    kill(pid, SIGINT);
    int code = wait_exit(pid);
    INFO(read_file(p.dir / "log"));
    CHECK(rerendered);
    CHECK(code == 130);
}

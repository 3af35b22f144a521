// Worker processes: results, isolation from crashes and hangs, parallelism, captured output.
#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "batch/worker_pool.h"

using dw::batch::WorkerPool;
using dw::batch::WorkerResult;
using dw::batch::WorkerTask;
namespace fs = std::filesystem;

namespace {

WorkerTask shell(const std::string& script, double timeout = 20) {
    return {{"/bin/sh", "-c", script}, timeout};
}

std::vector<WorkerResult> run(const std::vector<WorkerTask>& tasks, int workers,
                              std::vector<size_t>* order = nullptr) {
    WorkerPool pool(workers);
    return pool.run(
        tasks, [](size_t) {},
        [&](size_t t, const WorkerResult&) {
            if (order) order->push_back(t);
        });
}

}  // namespace

TEST_CASE("workers report exit codes, crashes and timeouts without affecting each other",
          "[workers]") {
    auto results = run({shell("echo hallo; echo fout >&2; exit 0"), shell("exit 3"),
                        shell("kill -SEGV $$"), shell("sleep 30", 0.3), shell("exit 0")},
                       2);
    REQUIRE(results.size() == 5);
    CHECK(results[0].ok());
    CHECK(results[0].output == "hallo\nfout\n");
    CHECK(results[1].end == WorkerResult::End::Exited);
    CHECK(results[1].exit_code == 3);
    CHECK(results[2].end == WorkerResult::End::Crashed);
    CHECK(results[2].signal == 11);
    CHECK(results[3].end == WorkerResult::End::TimedOut);
    CHECK(results[3].seconds < 5);
    CHECK(results[4].ok());
    CHECK_FALSE(WorkerPool::interrupted());
}

TEST_CASE("two workers run two jobs at the same time", "[workers]") {
    // Each job marks its start, then succeeds only once it sees the other's mark: run one after
    // the other, the first would give up (exit 9) long before the other could start.
    const fs::path marks =
        fs::temp_directory_path() / ("drukwerk-workers-" + std::to_string(getpid()));
    fs::create_directories(marks);
    auto job = [&](const std::string& mine, const std::string& other) {
        const std::string dir = marks.string();
        return shell("touch '" + dir + "/" + mine + "'; i=0; while [ ! -e '" + dir + "/" + other +
                         "' ]; do i=$((i+1)); [ $i -gt 1000 ] && exit 9; sleep 0.01; done",
                     60);
    };
    auto results = run({job("a", "b"), job("b", "a")}, 2);
    fs::remove_all(marks);
    CHECK(results[0].ok());
    CHECK(results[1].ok());
}

TEST_CASE("one worker runs the jobs one after the other", "[workers]") {
    // The counterpart of the test above: with one worker the first job never sees the second's
    // mark, so that test would fail if the pool ran the jobs one at a time.
    const fs::path marks =
        fs::temp_directory_path() / ("drukwerk-worker-" + std::to_string(getpid()));
    fs::create_directories(marks);
    const std::string dir = marks.string();
    auto results = run({shell("touch '" + dir + "/a'; [ ! -e '" + dir + "/b' ]"),
                        shell("touch '" + dir + "/b'; [ -e '" + dir + "/a' ]")},
                       1);
    fs::remove_all(marks);
    CHECK(results[0].ok());
    CHECK(results[1].ok());
}

TEST_CASE("a program that cannot be started is a failed job, not a failed build", "[workers]") {
    auto results = run({{{"/nonexistent/drukwerk"}, 5}, shell("exit 0")}, 1);
    CHECK(results[0].end == WorkerResult::End::Exited);
    CHECK(results[0].exit_code == 127);
    CHECK(results[0].output.find("cannot start the worker process") != std::string::npos);
    CHECK(results[1].ok());
}

TEST_CASE("endless output is cut off instead of filling memory", "[workers]") {
    auto results = run({shell("yes drukwerk | head -c 3000000")}, 1);
    CHECK(results[0].ok());
    CHECK(results[0].output.size() < 300 * 1024);
    CHECK(results[0].output.find("[output cut off]") != std::string::npos);
}

namespace {
double cpu_seconds_of_this_process() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}
}  // namespace

TEST_CASE("a worker that has closed its output is waited for without spinning", "[workers]") {
    // The worker's pipe is at end of file for the 0.6 s before it exits. Polling that pipe would
    // return at once every time and burn a core for those 0.6 s; waiting on
    // the worker's exit costs next to nothing. The bound leaves a wide margin on either side.
    const double before = cpu_seconds_of_this_process();
    auto results = run({shell("exec >&- 2>&-; sleep 0.6; exit 4")}, 1);
    const double used = cpu_seconds_of_this_process() - before;
    CHECK(results[0].end == WorkerResult::End::Exited);
    CHECK(results[0].exit_code == 4);
    CHECK(used < 0.15);
}

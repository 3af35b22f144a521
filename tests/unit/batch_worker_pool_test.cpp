// Worker processes: results, isolation from crashes and hangs, parallelism, captured output.
#include <catch2/catch.hpp>
#include <chrono>

#include "batch/worker_pool.h"

using dw::batch::WorkerPool;
using dw::batch::WorkerResult;
using dw::batch::WorkerTask;

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
    auto start = std::chrono::steady_clock::now();
    auto results = run({shell("sleep 0.4"), shell("sleep 0.4")}, 2);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(results[0].ok());
    CHECK(results[1].ok());
    CHECK(seconds < 0.75);
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

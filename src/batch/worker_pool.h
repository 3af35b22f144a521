#pragma once
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace dw::batch {

// One command to run in its own worker process.
struct WorkerTask {
    std::vector<std::string> argv;  // argv[0] is the program's path
    double timeout_seconds = 120;
};

struct WorkerResult {
    enum class End { Exited, Crashed, TimedOut, Interrupted, NotStarted };
    End end = End::NotStarted;
    int exit_code = -1;  // End::Exited
    int signal = 0;      // End::Crashed
    std::string output;  // what it wrote to stdout and stderr, capped
    double seconds = 0;
    pid_t pid = 0;
    bool ok() const { return end == End::Exited && exit_code == 0; }
};

// Runs tasks in up to `workers` processes at once. Each process has its own process group, so a
// crash, a hang (stopped at its timeout with SIGKILL) or a runaway job cannot take the others or
// the build down. SIGINT/SIGTERM while running stop every worker and start no new one.
class WorkerPool {
public:
    using Started = std::function<void(size_t task)>;
    using Finished = std::function<void(size_t task, const WorkerResult&)>;

    explicit WorkerPool(int workers) : workers_(workers < 1 ? 1 : workers) {}
    std::vector<WorkerResult> run(const std::vector<WorkerTask>& tasks, const Started& started,
                                  const Finished& finished);
    // True after SIGINT or SIGTERM arrived during run().
    static bool interrupted();

private:
    int workers_;
};

}  // namespace dw::batch

#include "batch/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace dw::batch {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kMaxOutput = 256 * 1024;  // a job printing without end must not fill memory
constexpr int kPollMs = 50;
// Without a pidfd (a kernel before 5.3), a worker whose output has ended is looked at again
// after this long: it is exiting, and spinning on its ended pipe would take a core from the
// other workers.
constexpr int kExitPollMs = 1;

volatile sig_atomic_t g_interrupted = 0;

void on_interrupt(int) { g_interrupted = 1; }

// Installs the interrupt handlers for the lifetime of a run and restores the old ones after.
class InterruptGuard {
public:
    InterruptGuard() {
        g_interrupted = 0;
        struct sigaction action {};
        action.sa_handler = on_interrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &old_int_);
        sigaction(SIGTERM, &action, &old_term_);
    }
    ~InterruptGuard() {
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    struct sigaction old_int_ {}, old_term_ {};
};

struct Running {
    size_t task = 0;
    pid_t pid = 0;
    int fd = -1;                // read end of the worker's stdout+stderr
    int pidfd = -1;             // readable once the worker has exited; -1 where the kernel has none
    bool output_ended = false;  // fd reached end of file: poll pidfd instead
    Clock::time_point start, deadline;
    bool killed_for_timeout = false;
    bool killed_for_interrupt = false;
};

// posix_spawn's attributes and file actions, destroyed with the scope.
struct SpawnSetup {
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_t actions;
    SpawnSetup() {
        posix_spawnattr_init(&attributes);
        posix_spawn_file_actions_init(&actions);
    }
    ~SpawnSetup() {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;
};

// Starts the worker in its own process group, with SIGINT and SIGTERM at their defaults, no
// standard input, and stdout and stderr into `write_fd`. posix_spawn rather than fork: the new
// process shares the driver's memory until it execs, so starting a job copies no page tables and
// leaves no copy-on-write faults behind in the driver. Returns 0 or an errno value.
int spawn_worker(const WorkerTask& task, int write_fd, pid_t& pid) {
    SpawnSetup setup;
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    posix_spawnattr_setsigdefault(&setup.attributes, &defaults);
    posix_spawnattr_setpgroup(&setup.attributes, 0);
    posix_spawnattr_setflags(&setup.attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
    posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&setup.actions, write_fd, 1);
    posix_spawn_file_actions_adddup2(&setup.actions, write_fd, 2);
    std::vector<char*> argv;
    for (const auto& a : task.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    return posix_spawn(&pid, argv[0], &setup.actions, &setup.attributes, argv.data(), environ);
}

// glibc 2.36's <sys/pidfd.h> declares pidfd_open without C linkage, so the system call is made
// directly. The descriptor is close-on-exec.
int open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
    return static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
#else
    (void)pid;
    return -1;
#endif
}

// Returns 0 or the errno value of what failed.
int start(const WorkerTask& task, size_t index, Running& out) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return errno;
    pid_t pid = 0;
    int error = spawn_worker(task, fds[1], pid);
    close(fds[1]);
    if (error != 0) {
        close(fds[0]);
        return error;
    }
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    out.task = index;
    out.pid = pid;
    out.fd = fds[0];
    out.pidfd = open_pidfd(pid);
    out.start = Clock::now();
    auto timeout = std::chrono::duration<double>(task.timeout_seconds);
    out.deadline = out.start + std::chrono::duration_cast<Clock::duration>(timeout);
    return 0;
}

// A job whose process could not be started ends as a shell reports a command it cannot run.
WorkerResult not_started(int error) {
    WorkerResult result;
    result.end = WorkerResult::End::Exited;
    result.exit_code = 127;
    result.output =
        "drukwerk: error: cannot start the worker process: " + std::string(std::strerror(error)) +
        "\n";
    return result;
}

void drain(Running& r, std::string& output) {
    if (r.output_ended) return;
    char buffer[4096];
    for (;;) {
        ssize_t n = read(r.fd, buffer, sizeof buffer);
        if (n > 0) {
            if (output.size() < kMaxOutput) output.append(buffer, static_cast<size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) r.output_ended = true;
        return;  // EOF or EAGAIN
    }
}

// Waits until a worker writes, ends its output, exits or the poll interval passes. A worker whose
// output has ended is waited for by its pidfd: its pipe would be readable (at end of file) on
// every call until it is reaped.
void wait_for_workers(const std::vector<Running>& running) {
    std::vector<pollfd> fds;
    int timeout = kPollMs;
    for (const auto& r : running) {
        if (!r.output_ended)
            fds.push_back({r.fd, POLLIN, 0});
        else if (r.pidfd >= 0)
            fds.push_back({r.pidfd, POLLIN, 0});
        else
            timeout = kExitPollMs;
    }
    poll(fds.data(), fds.size(), timeout);  // EINTR (an interrupt) only ends the wait early
}

WorkerResult finish(Running& r, int status, std::string output) {
    WorkerResult result;
    result.pid = r.pid;
    result.output = std::move(output);
    if (result.output.size() >= kMaxOutput) result.output += "\n[output cut off]\n";
    result.seconds = std::chrono::duration<double>(Clock::now() - r.start).count();
    if (r.killed_for_timeout) {
        result.end = WorkerResult::End::TimedOut;
    } else if (r.killed_for_interrupt) {
        result.end = WorkerResult::End::Interrupted;
    } else if (WIFEXITED(status)) {
        result.end = WorkerResult::End::Exited;
        result.exit_code = WEXITSTATUS(status);
    } else {
        result.end = WorkerResult::End::Crashed;
        result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
    close(r.fd);
    if (r.pidfd >= 0) close(r.pidfd);
    return result;
}

}  // namespace

bool WorkerPool::interrupted() { return g_interrupted != 0; }

std::vector<WorkerResult> WorkerPool::run(const std::vector<WorkerTask>& tasks,
                                          const Started& started, const Finished& finished) {
    InterruptGuard guard;
    std::vector<WorkerResult> results(tasks.size());
    std::vector<std::string> outputs(tasks.size());
    std::vector<Running> running;
    size_t next = 0;
    while (next < tasks.size() || !running.empty()) {
        while (!g_interrupted && next < tasks.size() && running.size() < size_t(workers_)) {
            Running r;
            if (int error = start(tasks[next], next, r); error != 0) {
                results[next] = not_started(error);
                finished(next, results[next]);
                ++next;
                continue;
            }
            running.push_back(r);
            started(next++);
        }
        wait_for_workers(running);
        auto now = Clock::now();
        for (size_t i = 0; i < running.size();) {
            Running& r = running[i];
            drain(r, outputs[r.task]);
            if (now > r.deadline && !r.killed_for_timeout && !r.killed_for_interrupt) {
                r.killed_for_timeout = true;
                kill(-r.pid, SIGKILL);
            }
            if (g_interrupted && !r.killed_for_interrupt && !r.killed_for_timeout) {
                r.killed_for_interrupt = true;
                kill(-r.pid, SIGKILL);
            }
            int status = 0;
            if (waitpid(r.pid, &status, WNOHANG) != r.pid) {
                ++i;
                continue;
            }
            drain(r, outputs[r.task]);
            results[r.task] = finish(r, status, std::move(outputs[r.task]));
            finished(r.task, results[r.task]);
            running.erase(running.begin() + static_cast<long>(i));
        }
        if (g_interrupted && running.empty()) break;
    }
    for (; next < tasks.size(); ++next) results[next].end = WorkerResult::End::Interrupted;
    return results;
}

}  // namespace dw::batch

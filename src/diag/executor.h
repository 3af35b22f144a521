#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace dw {

// The threads a run may use besides its own. The driver (cli/) owns the one executor of a
// process, sized by --threads, and hands it to the stages that can overlap work with the
// caller's; a stage never starts a thread of its own. A stage handed no executor (nullptr) does
// that work on the calling thread or leaves it out, and its output is the same either way.
//
// Tasks run in the order they are started, each on the first free thread. The threads start
// with the first task and end with the executor.
class Executor {
    struct Job;

public:
    // A started task. wait() (or the destructor) returns when it has run. A task no thread has
    // begun yet is taken back and run on the waiting thread, so waiting never depends on a
    // free thread (a task that only checks a stop flag then ends at once).
    class Task {
    public:
        Task() = default;
        Task(Task&& other) noexcept = default;
        Task& operator=(Task&& other) noexcept;
        ~Task() { wait(); }
        void wait();
        // Runs the task on the calling thread if no thread has begun it, and says whether it
        // did; never waits. A caller that gets ahead of the pool's threads helps with this.
        bool try_run_here();
        bool valid() const { return job_ != nullptr; }

    private:
        friend class Executor;
        Task(Executor* owner, std::shared_ptr<Job> job) : owner_(owner), job_(std::move(job)) {}
        Executor* owner_ = nullptr;
        std::shared_ptr<Job> job_;
    };

    // `threads`: how many threads besides the caller's; at least 1.
    explicit Executor(int threads);
    ~Executor();  // every Task must have been waited for
    Executor(const Executor&) = delete;
    Executor& operator=(const Executor&) = delete;

    Task start(std::function<void()> work);
    int threads() const { return size_; }

private:
    struct Job {
        std::function<void()> work;
        bool taken = false;  // by a thread of the pool or by a waiter
        bool done = false;
    };
    void serve();  // a pool thread
    void wait_for(const std::shared_ptr<Job>& job);
    bool try_run(const std::shared_ptr<Job>& job);  // here, if no thread has begun it

    const int size_;
    std::mutex mutex_;
    std::condition_variable queued_, finished_;
    std::deque<std::shared_ptr<Job>> queue_;
    std::vector<std::thread> pool_;
    size_t idle_ = 0;  // pool threads waiting for a task
    bool closing_ = false;
};

// The number of threads --threads defaults to: the cores this process may run on.
int available_cores();

}  // namespace dw

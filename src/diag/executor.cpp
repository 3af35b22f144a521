#include "diag/executor.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>

namespace dw {

Executor::Task& Executor::Task::operator=(Task&& other) noexcept {
    if (this != &other) {
        wait();
        owner_ = other.owner_;
        job_ = std::move(other.job_);
    }
    return *this;
}

void Executor::Task::wait() {
    if (!job_) return;
    owner_->wait_for(job_);
    job_.reset();
}

bool Executor::Task::try_run_here() {
    if (!job_ || !owner_->try_run(job_)) return false;
    job_.reset();
    return true;
}

Executor::Executor(int threads) : size_(std::max(1, threads)) {}

Executor::~Executor() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    queued_.notify_all();
    for (std::thread& thread : pool_) thread.join();
}

Executor::Task Executor::start(std::function<void()> work) {
    auto job = std::make_shared<Job>();
    job->work = std::move(work);
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(job);
        // One more thread while the pool is smaller than its size and every thread is busy.
        if (pool_.size() < size_t(size_) && queue_.size() > idle_)
            pool_.emplace_back([this] { serve(); });
    }
    queued_.notify_one();
    return Task(this, std::move(job));
}

void Executor::serve() {
    pthread_setname_np(pthread_self(), "dw-worker");  // for perf, top -H and gdb
    std::unique_lock lock(mutex_);
    for (;;) {
        ++idle_;
        queued_.wait(lock, [this] { return closing_ || !queue_.empty(); });
        --idle_;
        if (queue_.empty()) return;  // closing
        std::shared_ptr<Job> job = std::move(queue_.front());
        queue_.pop_front();
        job->taken = true;
        lock.unlock();
        job->work();
        lock.lock();
        job->done = true;
        finished_.notify_all();
    }
}

bool Executor::try_run(const std::shared_ptr<Job>& job) {
    {
        std::lock_guard lock(mutex_);
        if (job->taken) return false;
        queue_.erase(std::find(queue_.begin(), queue_.end(), job));
        job->taken = true;
    }
    job->work();
    std::lock_guard lock(mutex_);
    job->done = true;
    return true;
}

void Executor::wait_for(const std::shared_ptr<Job>& job) {
    if (try_run(job)) return;  // no thread had begun it
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [&] { return job->done; });
}

int available_cores() {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace dw

// The executor the driver hands to the stages (diag/executor.h): every task runs once, a wait
// returns only when its task has run, and a task no thread has begun runs on the waiting thread.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include "diag/executor.h"

using dw::Executor;

TEST_CASE("every task runs once and wait returns after it", "[executor][threads]") {
    Executor executor(2);
    std::vector<int> done(50, 0);
    {
        std::vector<Executor::Task> tasks;
        for (int i = 0; i < 50; ++i) tasks.push_back(executor.start([&done, i] { ++done[size_t(i)]; }));
        for (auto& task : tasks) task.wait();
    }
    CHECK(done == std::vector<int>(50, 1));
}

TEST_CASE("a task no thread has begun runs on the waiting thread", "[executor][threads]") {
    Executor executor(1);
    std::promise<void> release;
    std::promise<std::thread::id> busy_on;
    Executor::Task busy = executor.start([&busy_on, done = release.get_future().share()] {
        busy_on.set_value(std::this_thread::get_id());
        done.wait();
    });
    // The only thread is inside `busy`: the next task waits in the queue until taken back.
    REQUIRE(busy_on.get_future().get() != std::this_thread::get_id());
    std::thread::id ran_on;
    Executor::Task queued = executor.start([&ran_on] { ran_on = std::this_thread::get_id(); });
    queued.wait();
    CHECK(ran_on == std::this_thread::get_id());
    release.set_value();
    busy.wait();
    CHECK_FALSE(busy.valid());
}

TEST_CASE("try_run_here runs a queued task here and leaves a begun one alone", "[executor][threads]") {
    Executor executor(1);
    std::promise<void> release;
    std::promise<void> busy_started;
    Executor::Task busy = executor.start([&busy_started, done = release.get_future().share()] {
        busy_started.set_value();
        done.wait();
    });
    busy_started.get_future().wait();
    // `busy` is running on the pool's only thread: not taken back, and the call does not wait.
    CHECK_FALSE(busy.try_run_here());
    CHECK(busy.valid());
    std::thread::id ran_on;
    Executor::Task queued = executor.start([&ran_on] { ran_on = std::this_thread::get_id(); });
    CHECK(queued.try_run_here());
    CHECK(ran_on == std::this_thread::get_id());
    CHECK_FALSE(queued.valid());
    CHECK_FALSE(queued.try_run_here());  // nothing left to run
    release.set_value();
    busy.wait();
}

TEST_CASE("a task's handle waits for it when it goes", "[executor][threads]") {
    std::atomic<bool> ran = false;
    Executor executor(1);
    {
        std::promise<void> started;
        Executor::Task task = executor.start([&] {
            started.set_value();
            std::this_thread::yield();
            ran = true;
        });
        started.get_future().wait();
    }
    CHECK(ran);
}

TEST_CASE("the default is the cores this process may use", "[executor]") {
    CHECK(dw::available_cores() >= 1);
    CHECK(Executor(0).threads() == 1);
    CHECK(Executor(3).threads() == 3);
}

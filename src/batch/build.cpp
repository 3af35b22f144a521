#include "batch/build.h"

#include "batch/data_pattern.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>

#include "batch/build_state.h"
#include "batch/build_summary.h"
#include "batch/data_pattern.h"
#include "batch/job_freshness.h"
#include "batch/job_report.h"
#include "batch/manifest_reader.h"
#include "batch/stale_files.h"
#include "batch/watch.h"
#include "batch/worker_pool.h"
#include "diag/executor.h"
#include "diag/suggest.h"

namespace dw::batch {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

enum Exit : int { kOk = 0, kFailed = 1, kUsage = 2, kIo = 3, kInterrupted = 130 };

// A private folder for the workers' reports, removed with everything in it.
class ReportFolder {
public:
    ReportFolder() {
        std::string pattern = (fs::temp_directory_path() / "drukwerk-build-XXXXXX").string();
        if (mkdtemp(pattern.data())) path_ = pattern;
    }
    ~ReportFolder() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    ReportFolder(const ReportFolder&) = delete;
    ReportFolder& operator=(const ReportFolder&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

int default_workers(const Manifest& manifest, const BuildOptions& options) {
    if (options.workers > 0) return options.workers;
    if (manifest.workers > 0) return manifest.workers;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? int(cores) : 1;
}

// The workers share the cores: each render may use max(1, cores / workers) threads.
int threads_per_worker(int workers) { return std::max(1, available_cores() / std::max(1, workers)); }

std::vector<std::string> worker_argv(const Job& job, const Manifest& manifest,
                                     const std::string& self, const std::string& report,
                                     int threads) {
    std::vector<std::string> argv{self, "render"};
    if (job.data_files.empty()) argv.push_back(job.data);
    argv.insert(argv.end(), job.data_files.begin(), job.data_files.end());
    argv.insert(argv.end(), {"--layout", job.layout, "-o", job.output, "--threads",
                             std::to_string(threads)});
    argv.insert(argv.end(), job.render_args.begin(), job.render_args.end());
    argv.insert(argv.end(), {"--build-report", report});
    for (const auto& dir : manifest.allowed_dirs) argv.insert(argv.end(), {"--confine", dir});
    return argv;
}

std::string describe_end(const WorkerResult& r) {
    switch (r.end) {
        case WorkerResult::End::Exited:
            return r.exit_code == 0 ? "ok" : "failed";
        case WorkerResult::End::Crashed:
            return "crashed";
        case WorkerResult::End::TimedOut:
            return "timed out";
        case WorkerResult::End::Interrupted:
        case WorkerResult::End::NotStarted:
            return "interrupted";
    }
    return "failed";
}

long long total_size(const std::vector<std::string>& files) {
    long long bytes = 0;
    for (const auto& f : files) {
        if (auto stamp = stamp_of(f)) bytes += stamp->size;
    }
    return bytes;
}

class Build {
public:
    Build(const Manifest& manifest, const BuildOptions& options, const std::string& self,
          std::ostream& out, std::ostream& err)
        : manifest_(manifest), options_(options), self_(self), out_(out), err_(err),
          state_path_(manifest.directory + "/.drukwerk/build-state"),
          state_(read_build_state(state_path_)), freshness_(hasher_, self) {}

    std::vector<const Job*> selected(Diagnostics& diags) const {
        std::vector<const Job*> jobs;
        std::vector<std::string> names;
        for (const auto& job : manifest_.jobs) names.push_back(job.name);
        for (const auto& job : manifest_.jobs) {
            if (options_.only.empty() || std::count(options_.only.begin(), options_.only.end(),
                                                    job.name))
                jobs.push_back(&job);
        }
        for (const auto& name : options_.only) {
            if (!std::count(names.begin(), names.end(), name))
                diags.error({manifest_.file}, "no job named '" + name + "'",
                            suggestion_hint(name, names));
        }
        return jobs;
    }

    void list(const std::vector<const Job*>& jobs) {
        for (const Job* job : jobs) {
            std::string data = job->data;
            if (is_data_pattern(job->data) || job->data_files.size() > 1)
                data = (is_data_pattern(job->data) ? job->data + ": " : std::string()) +
                       std::to_string(job->data_files.size()) + " files";
            out_ << job->name << (is_up_to_date(*job) ? "  (up to date)" : "  (to render)")
                 << "\n    " << data << " + " << job->layout << " -> " << job->output << "\n";
        }
    }

    // One pass: renders every selected job that is out of date. Returns the exit code.
    int run(const std::vector<const Job*>& jobs) {
        auto start = Clock::now();
        hasher_ = FileHasher();
        std::vector<JobOutcome> outcomes(jobs.size());
        std::vector<WorkerTask> tasks;
        std::vector<size_t> task_job;  // task index -> index in jobs
        ReportFolder reports;
        for (size_t i = 0; i < jobs.size(); ++i) {
            outcomes[i].name = jobs[i]->name;
            if (!options_.force && is_up_to_date(*jobs[i])) {
                outcomes[i].status = "up to date";
                outcomes[i].pages = state_.jobs[jobs[i]->name].pages;
                outcomes[i].bytes = total_size(output_files(*jobs[i]));
                continue;
            }
            std::string report = reports.path() + "/" + std::to_string(i) + ".report";
            tasks.push_back({worker_argv(*jobs[i], manifest_, self_, report,
                                         threads_per_worker(default_workers(manifest_, options_))),
                             jobs[i]->timeout_seconds});
            task_job.push_back(i);
        }
        ProgressLine progress(err_, isatty(2), jobs.size());
        std::set<size_t> running;
        size_t done = jobs.size() - tasks.size();
        auto show = [&] {
            std::vector<std::string> names;
            for (size_t t : running) names.push_back(jobs[task_job[t]]->name);
            progress.show(done, names);
        };
        WorkerPool pool(default_workers(manifest_, options_));
        pool.run(
            tasks,
            [&](size_t t) {
                running.insert(t);
                show();
            },
            [&](size_t t, const WorkerResult& result) {
                running.erase(t);
                ++done;
                size_t i = task_job[t];
                std::string report = reports.path() + "/" + std::to_string(i) + ".report";
                outcomes[i] = finish_job(*jobs[i], result, report);
                progress.clear();
                print_job_line(outcomes[i], result);
                show();
            });
        progress.clear();
        for (size_t t = 0; t < tasks.size(); ++t) {
            JobOutcome& o = outcomes[task_job[t]];
            if (o.status.empty()) o = {jobs[task_job[t]]->name, "interrupted", 0, 0, 0, true};
        }
        Diagnostics diags;
        if (!tasks.empty() && !write_build_state(state_, state_path_, diags)) diags.print(err_);
        print_summary(outcomes, std::chrono::duration<double>(Clock::now() - start).count(),
                      out_);
        if (WorkerPool::interrupted()) return kInterrupted;
        for (const auto& o : outcomes) {
            if (o.failed) return kFailed;
        }
        return kOk;
    }

    // Every file the selected jobs read in their last successful run (for --watch).
    std::vector<std::string> known_inputs(const std::vector<const Job*>& jobs) {
        std::set<std::string> files{manifest_.file};
        for (const Job* job : jobs) {
            files.insert(job->layout);
            files.insert(job->data);  // a pattern matches the files that appear later too
            files.insert(job->data_files.begin(), job->data_files.end());
            for (const auto& [path, f] : state_.jobs[job->name].inputs) files.insert(path);
        }
        return {files.begin(), files.end()};
    }

private:
    bool is_up_to_date(const Job& job) {
        auto it = state_.jobs.find(job.name);
        return it != state_.jobs.end() && freshness_.up_to_date(job, it->second);
    }

    std::vector<std::string> output_files(const Job& job) {
        std::vector<std::string> files;
        for (const auto& [path, stamp] : state_.jobs[job.name].outputs) files.push_back(path);
        return files;
    }

    JobOutcome finish_job(const Job& job, const WorkerResult& result, const std::string& report) {
        JobOutcome o{job.name, describe_end(result), 0, result.seconds, 0, !result.ok()};
        if (!result.ok()) {
            if (result.end != WorkerResult::End::Exited) remove_worker_temp_files(job.output, result.pid);
            return o;
        }
        JobReport facts = read_job_report(report);
        o.pages = facts.pages;
        o.bytes = total_size(facts.outputs);
        state_.jobs[job.name] = freshness_.record(job, facts.inputs, facts.outputs, facts.pages);
        return o;
    }

    void print_job_line(const JobOutcome& o, const WorkerResult& result) {
        std::string detail = o.failed ? "" : " (" + std::to_string(o.pages) + " pages, " +
                                                 std::to_string(int(o.seconds * 1000)) + " ms)";
        if (result.end == WorkerResult::End::Crashed)
            detail = " (signal " + std::to_string(result.signal) + ")";
        if (result.end == WorkerResult::End::TimedOut)
            detail = " (after " + std::to_string(int(o.seconds)) + " s)";
        err_ << (o.failed ? "FAILED " : "ok     ") << o.name << detail << "\n" << result.output
             << std::flush;
    }

    const Manifest& manifest_;
    const BuildOptions& options_;
    std::string self_;
    std::ostream& out_;
    std::ostream& err_;
    std::string state_path_;
    BuildState state_;
    FileHasher hasher_;
    JobFreshness freshness_;
};

}  // namespace

namespace {

// One pass over the manifest as it is on disk now: its exit code, and the files whose change
// calls for the next pass (the manifest itself when it cannot be read).
struct BuildPass {
    int code = kOk;
    std::vector<std::string> inputs;
    bool jobs_ran = false;  // false: the manifest could not be read, or it selected nothing to run
};

BuildPass build_pass(const BuildOptions& options, const std::string& self, std::ostream& out,
                     std::ostream& err) {
    Diagnostics diags;
    std::optional<Manifest> manifest = load_manifest(options.manifest, diags);
    if (!manifest) {
        diags.print(err);
        std::error_code ec;
        return {fs::is_regular_file(options.manifest, ec) ? kFailed : kIo, {options.manifest}, false};
    }
    Build build(*manifest, options, self, out, err);
    std::vector<const Job*> jobs = build.selected(diags);
    if (diags.has_errors()) {
        diags.print(err);
        return {kUsage, {manifest->file}, false};
    }
    if (options.list) {
        build.list(jobs);
        return {kOk, {}, false};
    }
    int code = build.run(jobs);
    return {code, build.known_inputs(jobs), true};
}

}  // namespace

int run_build(const BuildOptions& options, const std::string& self, std::ostream& out,
              std::ostream& err) {
    BuildPass pass = build_pass(options, self, out, err);
    if (!options.watch || !pass.jobs_ran || pass.code == kInterrupted) return pass.code;
    // Each pass reads the manifest again: an edited manifest and a new file matching a
    // collection's pattern take effect without restarting.
    return watch_files([&] { return pass.inputs; },
                       [&] {
                           pass = build_pass(options, self, out, err);
                           return pass.code;
                       },
                       err);
}

}  // namespace dw::batch

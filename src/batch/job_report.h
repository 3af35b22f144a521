#pragma once
#include <string>
#include <vector>

namespace dw::batch {

// What a worker tells the build about the job it ran (`drukwerk render --build-report FILE`):
// the files it read and wrote, and the page count. Plain text, one fact per line.
struct JobReport {
    int pages = 0;
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;
};

std::string format_job_report(const JobReport& report);
// nullopt-free: an unreadable or damaged report is an empty one (the job is then never skipped).
JobReport read_job_report(const std::string& path);

}  // namespace dw::batch

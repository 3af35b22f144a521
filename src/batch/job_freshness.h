#pragma once
#include <string>

#include "batch/build_state.h"
#include "batch/content_hash.h"
#include "batch/manifest.h"

namespace dw::batch {

// The key of a job: the drukwerk binary, the job's own settings, and the content of every file
// it read. Equal keys (and outputs still as written) mean rendering again would give the same
// bytes, so the job can be skipped.
class JobFreshness {
public:
    JobFreshness(FileHasher& hasher, std::string self) : hasher_(hasher), self_(std::move(self)) {}

    // 0 when an input cannot be read (such a job always runs).
    uint64_t key(const Job& job, const std::vector<std::string>& inputs);
    bool up_to_date(const Job& job, const JobRecord& record);
    // The record of a successful run that read `inputs` and wrote `outputs`.
    JobRecord record(const Job& job, std::vector<std::string> inputs,
                     const std::vector<std::string>& outputs, int pages);

private:
    FileHasher& hasher_;
    std::string self_;
};

}  // namespace dw::batch

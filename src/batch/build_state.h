#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "batch/content_hash.h"
#include "diag/diagnostics.h"

namespace dw::batch {

// What the last successful run of each job read and wrote, kept between builds in a small text
// file, so that an unchanged job can be skipped without rendering it.
struct JobRecord {
    uint64_t key = 0;  // hash of the drukwerk binary, the job's options and every input's content
    std::map<std::string, HashedFile> inputs;   // every file the job read
    std::map<std::string, FileStamp> outputs;   // every file it wrote
    int pages = 0;
};

struct BuildState {
    std::map<std::string, JobRecord> jobs;  // by job name
};

// A missing or unreadable state file is an empty state (everything is rebuilt).
BuildState read_build_state(const std::string& path);
// Atomic: the old state stays complete until the new one has been written.
bool write_build_state(const BuildState& state, const std::string& path, Diagnostics& diags);

}  // namespace dw::batch

#include "batch/job_freshness.h"

#include <algorithm>

namespace dw::batch {

uint64_t JobFreshness::key(const Job& job, const std::vector<std::string>& inputs) {
    std::optional<HashedFile> binary = hasher_.hash(self_);
    if (!binary) return 0;
    std::string text = std::string("drukwerk ") + DRUKWERK_VERSION + '\0' +
                       hash_hex(binary->hash) + '\0' + job.data + '\0' + job.layout + '\0' +
                       job.output + '\0';
    for (const auto& arg : job.render_args) text += arg + '\0';
    std::vector<std::string> sorted = inputs;
    std::sort(sorted.begin(), sorted.end());
    for (const auto& path : sorted) {
        std::optional<HashedFile> file = hasher_.hash(path);
        if (!file) return 0;
        text += path + '\0' + hash_hex(file->hash) + '\0';
    }
    uint64_t k = hash_bytes(text);
    return k == 0 ? 1 : k;
}

bool JobFreshness::up_to_date(const Job& job, const JobRecord& record) {
    if (record.key == 0 || record.outputs.empty()) return false;
    for (const auto& [path, known] : record.inputs) hasher_.remember(path, known);
    std::vector<std::string> inputs;
    for (const auto& [path, known] : record.inputs) inputs.push_back(path);
    if (key(job, inputs) != record.key) return false;
    for (const auto& [path, stamp] : record.outputs) {
        if (stamp_of(path) != stamp) return false;  // removed or changed by hand
    }
    return true;
}

JobRecord JobFreshness::record(const Job& job, std::vector<std::string> inputs,
                               const std::vector<std::string>& outputs, int pages) {
    // The binary is an input too: recording its stamp spares hashing it in the next build.
    inputs.push_back(self_);
    JobRecord r;
    r.key = key(job, inputs);
    r.pages = pages;
    for (const auto& path : inputs) {
        if (auto file = hasher_.hash(path)) r.inputs[path] = *file;
    }
    for (const auto& path : outputs) {
        if (auto stamp = stamp_of(path)) r.outputs[path] = *stamp;
    }
    if (r.outputs.size() != outputs.size()) r.key = 0;  // an output vanished: never skip
    return r;
}

}  // namespace dw::batch

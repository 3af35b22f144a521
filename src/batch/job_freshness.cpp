#include "batch/job_freshness.h"

#include <algorithm>
#include <filesystem>

#include "output/module_loader.h"

namespace fs = std::filesystem;

namespace dw::batch {
namespace {

// The binary and the modules next to it (output/module_loader.h): a change to a module alone
// changes what the jobs that load it write. A module that is not there is left out.
std::vector<std::string> program_files(const std::string& self) {
    std::vector<std::string> files{self};
    for (std::string_view module : output::kModules) {
        const fs::path path = fs::path(self).parent_path() / module;
        std::error_code error;
        if (fs::exists(path, error)) files.push_back(path.string());
    }
    return files;
}

}  // namespace

uint64_t JobFreshness::key(const Job& job, const std::vector<std::string>& inputs) {
    std::string text = std::string("drukwerk ") + DRUKWERK_VERSION + '\0';
    for (const std::string& path : program_files(self_)) {
        std::optional<HashedFile> file = hasher_.hash(path);
        if (!file) return 0;
        text += path + '\0' + hash_hex(file->hash) + '\0';
    }
    text += job.data + '\0' + job.layout + '\0' + job.output + '\0';
    for (const auto& file : job.data_files) text += file + '\0';  // a new meeting: render again
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
    // The program is an input too: recording its stamps spares hashing it in the next build.
    for (std::string& path : program_files(self_)) inputs.push_back(std::move(path));
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

#include "batch/build_state.h"

#include <fstream>
#include <sstream>

#include "output/atomic_file.h"

namespace dw::batch {
namespace {

// One line per fact; the path comes last so that it may contain spaces.
//   job NAME KEY PAGES
//   in SIZE MTIME HASH PATH
//   out SIZE MTIME PATH
const char kHeader[] = "drukwerk-build-state 1";

}  // namespace

BuildState read_build_state(const std::string& path) {
    BuildState state;
    std::ifstream in(path);
    std::string line;
    if (!std::getline(in, line) || line != kHeader) return state;
    JobRecord* job = nullptr;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string kind, rest;
        fields >> kind;
        if (kind == "job") {
            std::string name, key;
            int pages = 0;
            fields >> name >> key >> pages;
            job = &state.jobs[name];
            job->key = std::stoull(key, nullptr, 16);
            job->pages = pages;
        } else if (job && kind == "in") {
            HashedFile f;
            std::string hash;
            fields >> f.stamp.size >> f.stamp.mtime_ns >> hash;
            f.hash = std::stoull(hash, nullptr, 16);
            std::getline(fields >> std::ws, rest);
            job->inputs[rest] = f;
        } else if (job && kind == "out") {
            FileStamp stamp;
            fields >> stamp.size >> stamp.mtime_ns;
            std::getline(fields >> std::ws, rest);
            job->outputs[rest] = stamp;
        }
        if (fields.bad()) return {};  // damaged: rebuild everything
    }
    return state;
}

bool write_build_state(const BuildState& state, const std::string& path, Diagnostics& diags) {
    std::ostringstream out;
    out << kHeader << "\n";
    for (const auto& [name, job] : state.jobs) {
        out << "job " << name << " " << hash_hex(job.key) << " " << job.pages << "\n";
        for (const auto& [file, f] : job.inputs) {
            out << "in " << f.stamp.size << " " << f.stamp.mtime_ns << " " << hash_hex(f.hash)
                << " " << file << "\n";
        }
        for (const auto& [file, stamp] : job.outputs)
            out << "out " << stamp.size << " " << stamp.mtime_ns << " " << file << "\n";
    }
    return output::write_file_atomically(path, out.str(), diags);
}

}  // namespace dw::batch

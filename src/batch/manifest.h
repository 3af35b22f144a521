#pragma once
#include <string>
#include <vector>

#include "diag/source_loc.h"

// A batch manifest: the jobs `drukwerk build` runs. Plain data, read by manifest_reader.
namespace dw::batch {

struct Job {
    std::string name;
    std::string data, layout, output;  // absolute or relative to the working directory
    // Further options handed to `drukwerk render` for this job (--format png, --dpi 150, ...).
    std::vector<std::string> render_args;
    double timeout_seconds = 120;
    SourceLoc loc;  // the <job> element
    // data="verslag-*.md" (a pattern, for a layout that takes a collection): the files it
    // matched when the manifest was read, in path order; empty for one data file.
    std::vector<std::string> data_files;
};

struct Manifest {
    std::string file;
    std::string directory;  // relative job paths resolve against it
    // Folders (canonical) the jobs may read and write in: the project root, then <allow>s.
    std::vector<std::string> allowed_dirs;
    std::vector<Job> jobs;
    int workers = 0;  // <manifest jobs="N">; 0: the number of cores
};

}  // namespace dw::batch

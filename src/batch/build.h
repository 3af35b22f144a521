#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace dw::batch {

struct BuildOptions {
    std::string manifest;
    std::vector<std::string> only;  // job names; empty: every job
    int workers = 0;                // 0: the manifest's, else the number of cores
    bool list = false;              // print the jobs and whether they are up to date
    bool force = false;             // render every job, changed or not
    bool watch = false;             // after the build, re-render jobs whose inputs change
};

// `drukwerk build`: renders the manifest's jobs in worker processes (`self` is the path of the
// drukwerk binary the workers run), skipping jobs whose inputs have not changed since their last
// successful run. Diagnostics and the summary go to `err`/`out`. Returns the exit code: 0 when
// every job succeeded or was up to date, 1 when any failed, 2/3 for a bad manifest or files.
int run_build(const BuildOptions& options, const std::string& self, std::ostream& out,
              std::ostream& err);

}  // namespace dw::batch

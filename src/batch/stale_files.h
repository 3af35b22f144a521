#pragma once
#include <string>
#include <sys/types.h>

namespace dw::batch {

// A worker stopped by a signal (timeout, Ctrl-C, crash) had no chance to remove the temporary
// file it was writing next to `output` (".name.tmp-PID-N", see output/staged_file). Removes
// them, so no partial file is left behind. The real output was never touched.
void remove_worker_temp_files(const std::string& output, pid_t worker);

}  // namespace dw::batch

#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"

namespace dw::output {

// Writes `bytes` to `path` so that nobody ever sees a half-written file: the bytes go to a new,
// uniquely named temporary file in the same directory (O_CREAT|O_EXCL), are flushed to disk
// (fsync) and then renamed over `path`. On any failure the temporary file is removed, an
// existing `path` stays as it was, and an error with a hint is reported. Missing parent
// directories are created first (mkdir -p), since users expect `-o out/x.pdf` to just work.
bool write_file_atomically(const std::string& path, std::string_view bytes, Diagnostics& diag);

// The same for several files that belong together (the pages of a PNG export): every file is
// written to its temporary file first, and only when all of them are complete are they renamed
// into place. A failure while writing leaves every target untouched. (Should a rename itself fail
// halfway, which needs e.g. a target directory being removed meanwhile, the files renamed
// before it stay replaced: POSIX has no atomic rename of several files.)
bool write_files_atomically(const std::vector<std::pair<std::string, std::string_view>>& files,
                            Diagnostics& diag);

}  // namespace dw::output

#pragma once
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace dw::output {

// A complete new version of `target`, written and fsynced to a hidden temporary file next to it
// but not yet visible under its name. commit() renames it into place; otherwise the destructor
// removes the temporary file, so a failed run leaves nothing behind.
//
// Targets that are not regular files are never replaced: "-" is standard output, and an existing
// device, FIFO or socket (also behind a symlink, such as /dev/stdout) is written directly. A
// symlink to a regular file keeps pointing there: the file it names is replaced. A symlink that
// points nowhere is refused.
class StagedFile {
public:
    // The whole file at once.
    StagedFile(std::string target, std::string_view bytes, Diagnostics& diag);
    // A file written piece by piece with append() (a PDF painted page by page), then commit().
    StagedFile(std::string target, Diagnostics& diag);
    ~StagedFile();
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    bool ok() const { return direct_ || !temp_.empty(); }  // nothing has failed so far
    bool append(std::string_view bytes);        // false (reported) when the write failed
    bool commit();                              // flushes to disk, then renames into place

private:
    bool open();
    bool open_special();  // "-", devices, FIFOs and symlinks (see above); false: a regular path
    bool close();
    bool create_parent_directory();
    int create_temp_file();
    bool fail(const char* what);  // reports errno, removes the temp file, returns false

    std::string target_, dir_, temp_;
    int fd_ = -1;          // open while appending
    bool direct_ = false;  // fd_ is the target itself, not a temporary file
    Diagnostics& diag_;
};

}  // namespace dw::output

#pragma once
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace dw::output {

// A complete new version of `target`, written and fsynced to a hidden temporary file next to it
// but not yet visible under its name. commit() renames it into place; otherwise the destructor
// removes the temporary file, so a failed run leaves nothing behind.
class StagedFile {
public:
    StagedFile(std::string target, std::string_view bytes, Diagnostics& diag);
    ~StagedFile();
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    bool ok() const { return !temp_.empty(); }  // staged completely
    bool commit();

private:
    bool stage(std::string_view bytes);
    bool create_parent_directory();
    int create_temp_file();
    bool fail(const char* what);  // reports errno, removes the temp file, returns false

    std::string target_, dir_, temp_;
    Diagnostics& diag_;
};

}  // namespace dw::output

#include "output/atomic_file.h"

#include <memory>

#include "output/staged_file.h"

namespace dw::output {

bool write_file_atomically(const std::string& path, std::string_view bytes, Diagnostics& diag) {
    StagedFile file(path, bytes, diag);
    return file.ok() && file.commit();
}

bool write_files_atomically(const std::vector<std::pair<std::string, std::string_view>>& files,
                            Diagnostics& diag) {
    std::vector<std::unique_ptr<StagedFile>> staged;
    for (const auto& [path, bytes] : files) {
        staged.push_back(std::make_unique<StagedFile>(path, bytes, diag));
        if (!staged.back()->ok()) return false;  // destructors remove what was staged
    }
    bool all = true;
    for (auto& file : staged) all = file->commit() && all;
    return all;
}

}  // namespace dw::output

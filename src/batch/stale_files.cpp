#include "batch/stale_files.h"

#include <filesystem>

namespace dw::batch {

void remove_worker_temp_files(const std::string& output, pid_t worker) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(output).parent_path();
    if (dir.empty()) dir = ".";
    const std::string marker = ".tmp-" + std::to_string(worker) + "-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.size() > 1 && name[0] == '.' && name.find(marker) != std::string::npos)
            fs::remove(entry.path(), ec);
    }
}

}  // namespace dw::batch

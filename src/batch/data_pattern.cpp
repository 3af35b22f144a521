#include "batch/data_pattern.h"

#include <glob.h>

#include <algorithm>
#include <memory>

namespace dw::batch {

bool is_data_pattern(const std::string& path) {
    return path.find_first_of("*?[") != std::string::npos;
}

std::vector<std::string> expand_data_pattern(const std::string& pattern) {
    glob_t found{};
    std::unique_ptr<glob_t, void (*)(glob_t*)> owner(&found, globfree);
    std::vector<std::string> files;
    if (glob(pattern.c_str(), GLOB_ERR, nullptr, &found) != 0) return files;
    for (size_t i = 0; i < found.gl_pathc; ++i) files.emplace_back(found.gl_pathv[i]);
    std::sort(files.begin(), files.end());  // glob sorts by locale; the build by bytes
    return files;
}

}  // namespace dw::batch

#include "data/path_guard.h"

#include <filesystem>

namespace dw::data {

namespace fs = std::filesystem;

std::string canonical_path(const std::string& path) {
    std::error_code ec;
    // weakly_canonical resolves what exists and normalises the rest lexically.
    fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) return fs::absolute(path).lexically_normal().string();
    return resolved.string();
}

bool path_is_allowed(const std::string& path, const std::vector<std::string>& dirs) {
    if (dirs.empty()) return true;
    fs::path file = canonical_path(path);
    for (const auto& dir : dirs) {
        fs::path relative = file.lexically_relative(dir);
        if (!relative.empty() && *relative.begin() != "..") return true;
    }
    return false;
}

}  // namespace dw::data

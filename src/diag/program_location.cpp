#include "diag/program_location.h"

namespace fs = std::filesystem;

namespace dw {

fs::path program_path() {
    std::error_code error;
    fs::path program = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::path() : program;
}

fs::path program_folder() { return program_path().parent_path(); }

std::optional<fs::path> folder_beside_program(std::string_view relative) {
    const fs::path folder = program_folder();
    if (folder.empty()) return std::nullopt;
    std::error_code error;
    const fs::path candidate = (folder / relative).lexically_normal();
    if (!fs::is_directory(candidate, error)) return std::nullopt;
    return candidate;
}

}  // namespace dw

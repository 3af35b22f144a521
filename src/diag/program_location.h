#pragma once
// Where the running program is, so that an installed or moved drukwerk finds its resources
// relative to itself (bin/../share/drukwerk, bin/../lib/drukwerk) rather than in the tree it was
// built from.

#include <filesystem>
#include <optional>
#include <string_view>

namespace dw {

// The running executable (from /proc/self/exe); empty when it cannot be read.
std::filesystem::path program_path();
// The folder of the running executable; empty when it cannot be read.
std::filesystem::path program_folder();

// `relative` (a path relative to the program's folder, such as "../share/drukwerk/fonts") when
// that folder exists; otherwise nothing.
std::optional<std::filesystem::path> folder_beside_program(std::string_view relative);

}  // namespace dw

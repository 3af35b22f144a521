#pragma once
#include <string>
#include <vector>

namespace dw::data {

// Confinement of the files a job may touch: a batch of partners' files must not make drukwerk
// read /etc/passwd or write outside the project. Paths are compared after resolving "..",
// symbolic links and the working directory; a file that does not exist yet is judged by its
// folder.
std::string canonical_path(const std::string& path);

// True when `path` lies inside one of `dirs` (canonical folders); true for every path when
// `dirs` is empty (no confinement asked for).
bool path_is_allowed(const std::string& path, const std::vector<std::string>& dirs);

}  // namespace dw::data

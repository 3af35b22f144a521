#pragma once
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace dw::batch {

// `drukwerk build --watch`: waits for any of `files()` to change (inotify on their folders, so
// editors that save by writing a new file and renaming it are seen too), then calls `rebuild()`,
// which renders only the jobs that are out of date. Runs until SIGINT or SIGTERM; returns 130
// then, or the rebuild's code when it was interrupted itself.
int watch_files(const std::function<std::vector<std::string>()>& files,
                const std::function<int()>& rebuild, std::ostream& err);

}  // namespace dw::batch

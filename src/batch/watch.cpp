#include "batch/watch.h"

#include <fnmatch.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "batch/data_pattern.h"

namespace dw::batch {
namespace {

volatile sig_atomic_t g_stop = 0;
void on_stop(int) { g_stop = 1; }

constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB;
constexpr int kSettleMs = 150;  // editors write in bursts: wait until they are done

class Inotify {
public:
    Inotify() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
    ~Inotify() {
        if (fd_ >= 0) close(fd_);
    }
    Inotify(const Inotify&) = delete;
    Inotify& operator=(const Inotify&) = delete;
    int fd() const { return fd_; }

    // Watches the folders of `files`; records the names that matter, per watch descriptor. A
    // name with wildcards (a collection's data="verslag-*.md") also matches the files that
    // appear later.
    void watch(const std::vector<std::string>& files) {
        for (auto& [wd, names] : names_) names.clear();
        for (auto& [wd, patterns] : patterns_) patterns.clear();
        for (const auto& file : files) {
            std::filesystem::path p(file);
            std::string dir = p.parent_path().empty() ? "." : p.parent_path().string();
            int wd = inotify_add_watch(fd_, dir.c_str(), kEvents);
            if (wd < 0) continue;
            names_[wd].insert(p.filename().string());
            if (is_data_pattern(p.filename().string())) patterns_[wd].push_back(p.filename().string());
        }
    }

    // True when a watched file changed since the last call.
    bool changed() {
        alignas(inotify_event) char buffer[8192];
        bool any = false;
        for (;;) {
            ssize_t n = read(fd_, buffer, sizeof buffer);
            if (n <= 0) return any;
            for (ssize_t at = 0; at < n;) {
                auto* event = reinterpret_cast<inotify_event*>(buffer + at);
                if (event->len > 0 && matters(event->wd, event->name)) any = true;
                at += ssize_t(sizeof(inotify_event) + event->len);
            }
        }
    }

private:
    bool matters(int wd, const char* name) {
        if (names_[wd].count(name)) return true;
        for (const std::string& pattern : patterns_[wd])
            if (fnmatch(pattern.c_str(), name, FNM_PERIOD) == 0) return true;
        return false;
    }

    int fd_;
    std::map<int, std::set<std::string>> names_;
    std::map<int, std::vector<std::string>> patterns_;
};

bool wait_readable(int fd, int ms) {
    pollfd p{fd, POLLIN, 0};
    return poll(&p, 1, ms) > 0;
}

}  // namespace

int watch_files(const std::function<std::vector<std::string>()>& files,
                const std::function<int()>& rebuild, std::ostream& err) {
    Inotify inotify;
    if (inotify.fd() < 0) {
        err << "drukwerk: error: cannot watch files (inotify is not available)\n";
        return 3;
    }
    g_stop = 0;
    struct sigaction action {}, old_int {}, old_term {};
    action.sa_handler = on_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int);
    sigaction(SIGTERM, &action, &old_term);
    inotify.watch(files());
    err << "watching for changes; Ctrl-C stops\n" << std::flush;
    int code = 130;
    while (!g_stop) {
        if (!wait_readable(inotify.fd(), 200) || !inotify.changed()) continue;
        while (wait_readable(inotify.fd(), kSettleMs)) inotify.changed();
        int result = rebuild();
        if (result == 130) {
            code = result;
            break;
        }
        inotify.watch(files());
        err << "watching for changes; Ctrl-C stops\n" << std::flush;
    }
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGTERM, &old_term, nullptr);
    return code;
}

}  // namespace dw::batch

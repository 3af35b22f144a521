#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace dw::batch {

struct JobOutcome {
    std::string name;
    std::string status;  // ok, up to date, failed, crashed, timed out, interrupted
    int pages = 0;
    double seconds = 0;
    long long bytes = 0;  // size of the output files
    bool failed = false;
};

// The table printed at the end of a build: job, status, pages, time, size; then the totals.
void print_summary(const std::vector<JobOutcome>& outcomes, double seconds, std::ostream& out);

// "1.2 MB", "340 KB", "512 B"
std::string size_text(long long bytes);

// On a terminal: one progress line, rewritten in place ("[3/12] running: a, b"). Elsewhere
// (CI logs, pipes): nothing here; each finished job prints its own plain line instead.
class ProgressLine {
public:
    ProgressLine(std::ostream& out, bool terminal, size_t total)
        : out_(out), terminal_(terminal), total_(total) {}
    void show(size_t done, const std::vector<std::string>& running);
    void clear();
    bool terminal() const { return terminal_; }

private:
    std::ostream& out_;
    bool terminal_;
    size_t total_;
    size_t shown_ = 0;  // characters on the line now
};

}  // namespace dw::batch

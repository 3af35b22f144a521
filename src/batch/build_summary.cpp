#include "batch/build_summary.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace dw::batch {

std::string size_text(long long bytes) {
    char text[32];
    if (bytes >= 1000 * 1000) {
        std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / 1e6);
    } else if (bytes >= 1000) {
        std::snprintf(text, sizeof text, "%lld KB", (bytes + 500) / 1000);
    } else {
        std::snprintf(text, sizeof text, "%lld B", bytes);
    }
    return text;
}

void print_summary(const std::vector<JobOutcome>& outcomes, double seconds, std::ostream& out) {
    size_t name_width = 3;
    for (const auto& o : outcomes) name_width = std::max(name_width, o.name.size());
    char line[512];
    std::snprintf(line, sizeof line, "%-*s  %-11s %5s %8s %9s\n", int(name_width), "job", "status",
                  "pages", "time", "size");
    out << line;
    int failed = 0, skipped = 0;
    for (const auto& o : outcomes) {
        std::string time = o.status == "up to date" ? "-" : std::to_string(int(o.seconds * 1000)) + " ms";
        std::string pages = o.pages > 0 ? std::to_string(o.pages) : "-";
        std::string size = o.bytes > 0 ? size_text(o.bytes) : "-";
        std::snprintf(line, sizeof line, "%-*s  %-11s %5s %8s %9s\n", int(name_width),
                      o.name.c_str(), o.status.c_str(), pages.c_str(), time.c_str(), size.c_str());
        out << line;
        failed += o.failed;
        skipped += o.status == "up to date";
    }
    std::snprintf(line, sizeof line, "%zu jobs: %zu rendered, %d up to date, %d failed in %.2f s\n",
                  outcomes.size(), outcomes.size() - size_t(skipped + failed), skipped, failed,
                  seconds);
    out << line;
}

void ProgressLine::show(size_t done, const std::vector<std::string>& running) {
    if (!terminal_) return;
    std::string text = "[" + std::to_string(done) + "/" + std::to_string(total_) + "]";
    if (!running.empty()) text += " running:";
    for (size_t i = 0; i < running.size(); ++i) text += (i ? ", " : " ") + running[i];
    if (text.size() > 100) text = text.substr(0, 97) + "...";
    std::string padding(shown_ > text.size() ? shown_ - text.size() : 0, ' ');
    out_ << '\r' << text << padding << std::flush;
    shown_ = text.size();
}

void ProgressLine::clear() {
    if (!terminal_ || shown_ == 0) return;
    out_ << '\r' << std::string(shown_, ' ') << '\r' << std::flush;
    shown_ = 0;
}

}  // namespace dw::batch

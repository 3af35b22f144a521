#include "diag/phase_clock.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace dw {
namespace {

struct PhaseClock {
    bool enabled = false;
    double start_ms = -1, last_ms = 0;

    PhaseClock() {
        const char* env = std::getenv("DRUKWERK_TIMINGS");
        if (!env || !*env) return;
        enabled = true;
        char* end = nullptr;
        double ns = std::strtod(env, &end);
        if (end && *end == '\0' && ns > 1e18) start_ms = ns / 1e6;
    }
};

PhaseClock& phase_clock() {
    static PhaseClock clock;
    return clock;
}

}  // namespace

void mark_phase(const char* name) {
    PhaseClock& clock = phase_clock();
    if (!clock.enabled) return;
    using namespace std::chrono;
    double now = duration<double, std::milli>(system_clock::now().time_since_epoch()).count();
    if (clock.start_ms < 0) clock.start_ms = clock.last_ms = now;
    if (clock.last_ms == 0) clock.last_ms = clock.start_ms;
    std::fprintf(stderr, "timing: %-24s at %7.2f ms (+%6.2f ms)\n", name, now - clock.start_ms,
                 now - clock.last_ms);
    clock.last_ms = now;
}

}  // namespace dw

#pragma once

// Where a render spends its wall time, for performance work. With DRUKWERK_TIMINGS set, every
// mark prints "timing: NAME at T ms (+D ms)" to stderr. T counts from the process start when the
// variable holds the start as nanoseconds since the epoch (`DRUKWERK_TIMINGS=$(date +%s%N)`),
// else from the first mark. Without the variable a mark costs one branch.
namespace dw {

void mark_phase(const char* name);

}  // namespace dw

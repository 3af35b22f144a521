#pragma once
#include <cstddef>
#include <cstdint>

namespace dw::cli {

// Grows the main thread's heap by 8 MB at once and asks the kernel to back that with 2 MB pages
// (where transparent huge pages are available on request: the "madvise" setting, Debian's
// default). A render's main thread touches a few MB of fresh heap; with 4 KB pages that is a
// page fault every 4 KB through the typesetting, with huge pages a few faults, for a little
// more peak RSS (the last huge page is filled only in part; docs/pdf-stack-findings.md).
// The heap below the first advised 2 MB boundary (1 to 3 MB) is left unused (virtual memory
// only), so that the next blocks land in the huge pages rather than in the 4 KB pages before them.
// Call first thing in main(), before threads start. Keeps the heap from shrinking (a trim would
// split the pages) and serves blocks up to 4 MB from it instead of separate mappings. Does
// nothing in sanitizer builds (their allocator is not glibc's). Returns the range it advised
// (size 0: none).
struct AdvisedRange {
    uintptr_t start = 0;
    size_t size = 0;
};
AdvisedRange back_heap_with_huge_pages();

}  // namespace dw::cli

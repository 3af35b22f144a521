#pragma once
#include <cstddef>
#include <cstdint>

namespace dw::cli {

// Grows the main thread's heap by 8 MB at once and asks the kernel to back that with 2 MB pages
// (where transparent huge pages are available on request: the "madvise" setting, Debian's
// default). A render's main thread touches ~5 MB of fresh heap; page by page that was ~1,200
// page faults at 2.5-4.5 µs on this VM, in 4 KB steps through the typesetting. With huge pages
// it is a few faults: minutes -1.9 ms, 120 cards -2.8 ms, for ~1-2 MB more peak RSS (the last
// huge page is filled only in part). Call first thing in main(), before threads start. Keeps
// the heap from shrinking (a trim would split the pages) and serves blocks up to 4 MB from it
// instead of separate mappings. Does nothing in sanitizer builds (their allocator is not
// glibc's). Returns the range it advised (size 0: none).
struct AdvisedRange {
    uintptr_t start = 0;
    size_t size = 0;
};
AdvisedRange back_heap_with_huge_pages();

}  // namespace dw::cli

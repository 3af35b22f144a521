#include "cli/process/huge_page_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>

namespace dw::cli {
namespace {

#if defined(MADV_HUGEPAGE) && !defined(__SANITIZE_ADDRESS__)

// The block that fills the heap up to its first huge page (volatile: a compiler may drop a
// malloc whose result is never read).
void* volatile heap_gap = nullptr;

// Where the heap's free top begins (it ends at the program break).
uintptr_t heap_top_start() { return reinterpret_cast<uintptr_t>(sbrk(0)) - mallinfo2().keepcost; }

// The heap's top up to the first huge page would still be faulted in 4 KB at a time, and it is
// where the next MB of blocks would go. One block that is never freed takes it, so the heap goes
// on at `start`; the block's pages beyond its header are never touched.
void take_gap(uintptr_t top_start, uintptr_t start) {
    // Should malloc still serve it from a free chunk, the chunks it hands out so are held until
    // one comes from the top, then given back.
    constexpr size_t kChunkHeader = sizeof(size_t);
    const size_t gap = start - top_start;
    void* from_free_lists[8];
    int held = 0;
    while (held < 8) {
        void* block = std::malloc(gap - kChunkHeader);
        if (heap_top_start() == start) {
            heap_gap = block;
            break;
        }
        from_free_lists[held++] = block;
    }
    for (int i = 0; i < held; ++i) std::free(from_free_lists[i]);
}
#endif

}  // namespace

AdvisedRange back_heap_with_huge_pages() {
    AdvisedRange advised;
#if defined(MADV_HUGEPAGE) && !defined(__SANITIZE_ADDRESS__)
    constexpr uintptr_t kHugePage = uintptr_t(2) << 20;
    constexpr size_t kGrowth = size_t(8) << 20;
    mallopt(M_TOP_PAD, int(kGrowth));     // the heap grows 8 MB at a time
    mallopt(M_TRIM_THRESHOLD, 64 << 20);  // and does not shrink
    mallopt(M_MMAP_THRESHOLD, 4 << 20);   // blocks up to 4 MB come from it
    // The first huge page is at least 1 MB above the heap's free top: a request that large is
    // not served from a free chunk in a starting process, so the gap block takes it from the top.
    constexpr size_t kMinGap = size_t(1) << 20;
    const uintptr_t top_start = heap_top_start();
    const uintptr_t start = (top_start + kMinGap + kHugePage - 1) & ~(kHugePage - 1);
    // A block that ends just below `start` and is larger than the free top makes malloc grow
    // the heap now, by 8 MB beyond it. malloc writes only below `start` (the block's header and
    // the top's after it): a page above that is touched before it is advised stays 4 KB pages.
    // (volatile: a compiler may drop a malloc that is freed unused.)
    if (mallinfo2().keepcost < start - top_start) {
        void* volatile block = std::malloc(start - top_start - 64);
        std::free(block);
    }
    const auto end = reinterpret_cast<uintptr_t>(sbrk(0));
    if (end >= start + kHugePage &&
        madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE) == 0) {
        advised = {start, end - start};
        if (heap_top_start() == top_start) take_gap(top_start, start);
    }
#endif
    return advised;
}

}  // namespace dw::cli

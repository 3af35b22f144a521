// The main thread's heap, grown at once and advised for huge pages (cli/huge_page_heap.h).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/process/huge_page_heap.h"

#if !defined(__SANITIZE_ADDRESS__)
namespace {

// The VmFlags line of the mapping that contains `address`, from /proc/self/smaps.
std::string vm_flags_at(uintptr_t address) {
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        uintptr_t from = 0, to = 0;
        char dash = 0;
        std::istringstream range(line);
        if (range >> std::hex >> from >> dash >> to && dash == '-') {
            inside = from <= address && address < to;
            continue;
        }
        if (inside && line.rfind("VmFlags:", 0) == 0) return line;
    }
    return "";
}

}  // namespace
#endif

TEST_CASE("the heap is grown by 8 MB and advised for huge pages", "[cli][heap]") {
#if defined(__SANITIZE_ADDRESS__)
    CHECK(dw::cli::back_heap_with_huge_pages().size == 0);
#else
    const dw::cli::AdvisedRange advised = dw::cli::back_heap_with_huge_pages();
    REQUIRE(advised.size >= (size_t(6) << 20));
    CHECK(advised.start % (uintptr_t(2) << 20) == 0);
    const std::string flags = vm_flags_at(advised.start);
    INFO(flags);
    CHECK(flags.find(" hg") != std::string::npos);  // MADV_HUGEPAGE
    // The next large block comes from the advised range, not from 4 KB pages below it.
    void* block = std::malloc(size_t(256) << 10);
    const auto address = reinterpret_cast<uintptr_t>(block);
    std::free(block);
    CHECK(address >= advised.start);
    CHECK(address < advised.start + advised.size);
#endif
}

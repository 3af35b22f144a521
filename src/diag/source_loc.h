#pragma once
#include <string>

namespace dw {

// Where a value, element or character came from. line and col are 1-based; 0 means unknown.
struct SourceLoc {
    std::string file;
    int line = 0;
    int col = 0;
};

}  // namespace dw

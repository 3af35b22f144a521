#pragma once
#include <string>
#include <vector>

namespace dw::bind {

// A structure element that encloses boxes without being a leaf of its own (a list's L, an
// item's LI, the item's LBody). Boxes whose paths hold an equal element at the same depth are
// inside the same element; ids are unique within one bound document.
struct StructureElement {
    std::string tag;
    int id = 0;
    bool operator==(const StructureElement& o) const { return id == o.id && tag == o.tag; }
    bool operator!=(const StructureElement& o) const { return !(*this == o); }
};

// Enclosing elements, outermost first.
using StructurePath = std::vector<StructureElement>;

}  // namespace dw::bind

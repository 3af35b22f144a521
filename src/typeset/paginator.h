#pragma once
#include <vector>

#include "typeset/footnote_flow.h"
#include "typeset/fragment.h"

namespace dw::typeset {

// The body area of a page, in points from the page's top-left corner.
struct BodyArea {
    double x = 0, y = 0, width = 0, height = 0;
};

struct PlacedPage {
    std::vector<Item> items;          // body content, page coordinates
    std::vector<OutlineEntry> outline;
};

struct PaginationResult {
    std::vector<PlacedPage> pages;
    std::vector<int> overfull;  // indexes of fragments taller than a page (placed anyway)
};

// Fills pages with fragments in order. A page breaks only where a break is allowed (not inside
// a paragraph's orphan/widow zone, not after a keep-with-next fragment), unless nothing else
// fits. Glue at the top of a page is dropped. Where a section continues on the next page, its
// note ends the page and its heading is repeated on top of the next one. Footnotes are set at
// the foot of the body of the page where their mark lands, the body shrinking to make room
// (see FootnoteFlow); pages are added at the end while note lines remain.
PaginationResult paginate(const std::vector<Fragment>& fragments,
                          const std::vector<SectionInfo>& sections, const BodyArea& body,
                          const FootnoteArea& footnotes = {});

}  // namespace dw::typeset

#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::output {

// PDF/UA-1 (ISO 14289-1) asks for more than Cairo 1.16 writes with its structure tags. This
// finishing step rewrites a PDF that Cairo painted from `doc` (read as Cairo writes PDFs,
// pdf_file.h) and adds:
// - the XMP metadata: dc:title, dc:language and the PDF/UA identification pdfuaid:part 1;
// - /Alt on every Figure element and /ActualText on any other element with a TagBegin::alt
//   (Cairo drops the attribute);
// - the parts of an element that a page break split joined into one (TagBegin::continues);
// - /Tabs /S on pages with annotations, and /Contents on link annotations (their URI or
//   destination);
// - /Artifact marked content around everything drawn outside a leaf structure tag
//   (backgrounds, rules, decorative images): Cairo has no artifact API;
// - the running header's and footer's elements (paint/pdf_artifact_tags.h) turned into
//   pagination artifacts and taken out of the structure tree;
// - ToUnicode maps with the ligature characters U+FB00..U+FB04 mapped to their letters;
// - /TrimBox and /BleedBox on the pages that have them (PageBoxes).
// What the step does not change is copied byte for byte (pdf_splice.h) and the /ID is made from
// the bytes, so re-renders stay byte-identical. Returns false (reported, `pdf` unchanged) when
// the PDF is not one Cairo wrote. `date` (ISO 8601, may be empty) is the date Cairo wrote into
// the Info dictionary.
bool finish_accessibility(std::string& pdf, const typeset::Document& doc, const std::string& date,
                          Diagnostics& diags);

// A structure element's text for assistive technology (TagBegin::alt): its type, its ordinal
// among the elements of its type in the order they are begun, and the text.
struct ElementText {
    std::string type;
    size_t ordinal = 0;
    std::string text;
};

// A part of an element split by a page break (TagBegin::continues): its type, its ordinal (as
// for ElementText) and the ordinal of the element's first part, which it is joined to.
struct ElementJoin {
    std::string type;
    size_t ordinal = 0;
    size_t first = 0;
};

// A page's print-shop boxes, in page coordinates (y down from the top): shops cut at the TrimBox
// and expect artwork up to the BleedBox, and Cairo 1.16 writes only the MediaBox.
struct PageBoxes {
    std::optional<typeset::Rect> trim, bleed;
    double height = 0;
};

// What the finishing needs to know of a document's pages, gathered page by page (a PDF may be
// painted as its pages come): their structure elements' texts, the parts to join, and the
// pages' boxes.
class PageFacts {
public:
    void add(const typeset::Page& page);
    const std::vector<ElementText>& texts() const { return texts_; }
    const std::vector<ElementJoin>& joins() const { return joins_; }
    // One a page when any page has a box; empty when none has.
    const std::vector<PageBoxes>& boxes() const { return boxes_; }

private:
    using FlowElement = std::pair<std::string, int>;  // TagBegin's tag and flow_id
    std::vector<ElementText> texts_;
    std::vector<ElementJoin> joins_;
    std::vector<PageBoxes> boxes_;
    size_t pages_ = 0;
    std::map<std::string, size_t> seen_;  // tags begun so far, per type
    // The first part's ordinal of each flow element of the last page: a part continues an
    // element of the page before it.
    std::map<FlowElement, size_t> last_page_;
};
PageFacts page_facts(const typeset::Document& doc);

// finish_accessibility for a PDF whose pages are gone: their metadata and facts.
bool finish_accessibility(std::string& pdf, const typeset::Metadata& metadata,
                          const PageFacts& facts, const std::string& date, Diagnostics& diags);

// The same, the finished PDF handed to `out` in pieces as it is written (false from `out`: a
// write failed, already reported), so that it is never whole in memory. False when anything
// failed.
bool finish_accessibility(std::string_view pdf, const typeset::Metadata& metadata,
                          const PageFacts& facts, const std::string& date, Diagnostics& diags,
                          const std::function<bool(std::string_view)>& out);

}  // namespace dw::output

#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::output {

// PDF/UA-1 (ISO 14289-1) asks for more than Cairo 1.16 writes with its structure tags. This
// finishing step rewrites a PDF that Cairo painted from `doc` with libqpdf (the module
// drukwerk-qpdf.so, see module_loader.h) and adds:
// - the XMP metadata: dc:title, dc:language and the PDF/UA identification pdfuaid:part 1;
// - /Alt on every Figure element and /ActualText on any other element with a TagBegin::alt
//   (Cairo drops the attribute);
// - /Tabs /S on pages with annotations, and /Contents on link annotations;
// - /Artifact marked content around everything drawn outside a leaf structure tag
//   (backgrounds, rules, decorative images): Cairo has no artifact API;
// - the running header's and footer's elements (paint/pdf_artifact_tags.h) turned into
//   pagination artifacts and taken out of the structure tree;
// - ToUnicode maps with the ligature characters U+FB00..U+FB04 mapped to their letters.
// What the step does not change is copied byte for byte (qpdf_splice_writer.h) and the /ID is
// made from the bytes, so re-renders stay byte-identical. Returns false
// (reported, `pdf` unchanged) when the module cannot be loaded or the PDF not processed.
// `date` (ISO 8601, may be empty) is the date Cairo wrote into the Info dictionary.
bool finish_accessibility(std::string& pdf, const typeset::Document& doc, const std::string& date,
                          Diagnostics& diags);

// A structure element's text for assistive technology (TagBegin::alt): its type, its ordinal
// among the elements of its type in the order they are begun, and the text.
struct ElementText {
    std::string type;
    size_t ordinal = 0;
    std::string text;
};
std::vector<ElementText> element_texts(const typeset::Document& doc);

// The same, gathered page by page (a PDF painted as its pages come).
class ElementTexts {
public:
    void add(const typeset::Page& page);
    const std::vector<ElementText>& all() const { return texts_; }

private:
    std::vector<ElementText> texts_;
    std::map<std::string, size_t> seen_;  // tags begun so far, per type
};

// finish_accessibility for a PDF whose pages are gone: their metadata and element texts.
bool finish_accessibility(std::string& pdf, const typeset::Metadata& metadata,
                          const std::vector<ElementText>& texts, const std::string& date,
                          Diagnostics& diags);

// The same, the finished PDF handed to `out` in pieces as it is written (false from `out`: a
// write failed, already reported), so that it is never whole in memory. False when anything
// failed.
bool finish_accessibility(std::string_view pdf, const typeset::Metadata& metadata,
                          const std::vector<ElementText>& texts, const std::string& date,
                          Diagnostics& diags, const std::function<bool(std::string_view)>& out);

}  // namespace dw::output

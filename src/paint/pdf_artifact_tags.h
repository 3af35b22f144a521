#pragma once
#include <string_view>

#include "typeset/page.h"

// Cairo 1.16 has no artifact API: a tag it does not know as a structure type ruins the document.
// So the PDF painter writes a running header as a "Private" structure element and a running
// footer as "NonStruct", and the PDF/UA finishing (output/pdf_accessibility.cpp) turns their
// marked content into /Artifact <</Type /Pagination /Subtype /Header|/Footer>> and takes the
// elements out of the structure tree. A layout's own tag with one of these names is refused.
namespace dw::paint {

inline constexpr const char* kCairoHeaderTag = "Private";
inline constexpr const char* kCairoFooterTag = "NonStruct";

// The Cairo tag for typeset::kHeaderArtifact or kFooterArtifact; nullptr for any other tag.
inline const char* cairo_artifact_tag(std::string_view tag) {
    if (tag == typeset::kHeaderArtifact) return kCairoHeaderTag;
    if (tag == typeset::kFooterArtifact) return kCairoFooterTag;
    return nullptr;
}

inline bool is_reserved_for_artifacts(std::string_view tag) {
    return tag == kCairoHeaderTag || tag == kCairoFooterTag;
}

}  // namespace dw::paint

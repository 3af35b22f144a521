#pragma once
// The two rewrites of stream data that the PDF/UA finishing (pdf_accessibility.h) makes: plain
// text functions, tested without a PDF.
#include <string>
#include <string_view>

namespace dw::pdf {

// Page content with every run that lies outside marked content wrapped in "/Artifact BMC … EMC",
// and the running header's and footer's marked content (paint/pdf_artifact_tags.h) made
// pagination artifacts.
std::string wrap_artifacts(std::string_view content);

// A ToUnicode CMap with every ligature character (U+FB00..U+FB04) as a destination replaced by
// its letters; empty when nothing changes.
std::string expand_ligatures(std::string_view cmap);

}  // namespace dw::pdf

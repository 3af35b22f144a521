#pragma once
#include <string>
#include <string_view>

namespace dw::paint {

// Cairo 1.16 names some SVG ids after process-wide counters ("surface295", "image299"), so a
// second render of the same page in the same process (a batch run) gives different bytes.
// Renumbers those ids, and the references to them, in order of first appearance: surface1,
// image1, ... Other ids (glyphs, clips, patterns) are already counted per SVG document.
std::string renumber_svg_ids(std::string_view svg);

}  // namespace dw::paint

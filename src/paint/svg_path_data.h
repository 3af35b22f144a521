#pragma once
#include <optional>
#include <string_view>

#include "paint/svg_drawing.h"

namespace dw::paint::svg {

// The path of a `d` attribute: every command of SVG 1.1 (M L H V C S Q T A Z, absolute and
// relative). Quadratic curves and elliptical arcs become cubic curves. Nothing when the data
// has an error anywhere (SVG would draw the path up to the error; librsvg does that instead).
std::optional<Path> path_data(std::string_view d);

// An elliptical arc from (x1, y1) to (x2, y2) as SVG's "A" command, appended to `path` as cubic
// curves of at most 90° each (SVG 1.1, appendix F.6).
void append_arc(Path& path, double x1, double y1, double rx, double ry, double x_axis_rotation,
                bool large_arc, bool sweep, double x2, double y2);

}  // namespace dw::paint::svg

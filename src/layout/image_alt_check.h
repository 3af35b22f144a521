#pragma once
#include "diag/diagnostics.h"
#include "layout/layout.h"

namespace dw::layout {

// PDF/UA-1 wants alternative text on every figure. Reports each <image> of the layout (document,
// page masters, components, card faces) that has no `alt` attribute, once per element: an error
// when `required` (--pdf-standard ua-1), a warning otherwise. alt="" is a decorative image.
void check_image_alt(const Layout& layout, bool required, Diagnostics& diags);

}  // namespace dw::layout

#pragma once
#include "diag/diagnostics.h"
#include "layout/layout.h"

namespace dw::layout {

// A <page-master> element as a PageMaster: size in pt with the orientation applied, margins from
// the margin shorthand overridden by margin-top/-right/-bottom/-left, and the flow content of its
// header, footer and background. Reports margins that leave no room for content.
PageMaster resolve_page_master(const Node& node, Diagnostics& diags);

// The master a layout without any <page-master> uses: A4 portrait, 20 mm margins.
PageMaster default_page_master();

}  // namespace dw::layout

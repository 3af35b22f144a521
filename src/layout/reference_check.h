#pragma once
#include "diag/diagnostics.h"
#include "layout/layout.h"

namespace dw::layout {

// Checks, over the whole template tree, that every reference names something the layout
// declares: style=, base= and the other style references name a <style>; colours are hex or
// palette names; page-master= and component= exist; image files exist beside the layout. Values
// with {{expressions}} are left to the bind stage; values of the wrong form were reported when
// they were read.
void check_references(const Node& root, const Layout& layout, Diagnostics& diags);

}  // namespace dw::layout

#pragma once
#include "diag/diagnostics.h"
#include "layout/data_decl.h"
#include "layout/layout.h"

namespace dw::layout {

// Checks that every {{path}} and every data path attribute (each=, test=, source=, sort=,
// where=, data=) of the layout names a declared field, following <for> and <timeline> items,
// component data and a deck's {{theme.*}}. An undeclared one is an error in the layout, at the
// use, with the declared names as candidates. Does nothing when the layout declares no data.
void check_data_uses(const Node& root, const DataDecls& decls, Diagnostics& diags);

}  // namespace dw::layout

#pragma once
#include "impose/sheet_plan.h"
#include "typeset/page.h"

// The calibration sheet pair. The front carries a cross through the sheet's centre; the back two
// millimetre scales whose zero ticks lie exactly behind it (the centre is its own mirror image
// for either flip). Printed duplex and held against the light, the cross meets the scales at the
// printer's misregistration: the tick it meets, counted positive to the right and downwards as
// seen on the back, is the back-offset-x and back-offset-y to set. Drawn without any offset.
namespace dw::impose {

typeset::Page calibration_front(const SheetPlan& plan, const SheetSpec& spec);
typeset::Page calibration_back(const SheetPlan& plan, const SheetSpec& spec);

}  // namespace dw::impose

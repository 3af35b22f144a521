#pragma once
#include <utility>
#include <vector>

#include "impose/imposer.h"
#include "impose/sheet_plan.h"
#include "typeset/page.h"

// The calibration sheet pair. The front carries a cross through the sheet's centre; the back two
// millimetre scales whose zero ticks lie exactly behind it (the centre is its own mirror image
// for either flip). Printed duplex and held against the light, the cross meets the scales at the
// printer's misregistration: the tick it meets, counted positive to the right and downwards as
// seen on the back, is the back-offset-x and back-offset-y to set. Drawn without any offset.
namespace dw::impose {

// The sheets' words, typeset by the caller (which has the fonts): what to do, on each sheet, and
// the scales' numbers (millimetres, every 5), each label centred in its measure.
struct CalibrationText {
    SheetNote front, back;
    std::vector<std::pair<int, SheetNote>> numbers;
};

typeset::Page calibration_front(const SheetPlan& plan, const SheetSpec& spec,
                                const CalibrationText& text = {});
typeset::Page calibration_back(const SheetPlan& plan, const SheetSpec& spec,
                               const CalibrationText& text = {});

}  // namespace dw::impose

#pragma once
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "layout/color.h"
#include "layout/layout.h"
#include "layout/style.h"

namespace dw::layout {

// Resolves <style> elements into Styles with base= inheritance applied: a style starts as a copy
// of its resolved base (or of Style{} without one) and overrides what it sets. Reports duplicate
// names and base cycles (once per cycle). An unknown base or colour is left to
// check_references, which reports every reference the same way; here it is simply not applied.
std::map<std::string, Style> resolve_styles(const std::vector<const Node*>& styles,
                                            const std::map<std::string, Color>& palette,
                                            Diagnostics& diags);

}  // namespace dw::layout

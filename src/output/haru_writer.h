#pragma once
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "paint/haru_painter.h"
#include "typeset/page.h"

namespace dw::output {

// paint::render_with_haru through the module drukwerk-haru.so (see module_loader.h), so only
// the renders that write with libharu load it. The producer entry names drukwerk and the
// libharu version the module was built with. nullopt, reported, when the module cannot be
// loaded or the document cannot be drawn.
std::optional<std::string> write_with_haru(const typeset::Document& doc,
                                           const paint::HaruOptions& options, Diagnostics& diag);

}  // namespace dw::output

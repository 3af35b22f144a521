#pragma once
#include <optional>

#include "bind/box.h"
#include "data/value.h"
#include "diag/diagnostics.h"
#include "layout/layout.h"

namespace dw::bind {

// Evaluates the layout's <document> (and its page master's header and footer) against the data.
// Reports every problem; returns nothing only when binding could not produce a document at all.
std::optional<BoxDocument> bind_document(const layout::Layout& layout, const data::Value& data,
                                         Diagnostics& diags);

}  // namespace dw::bind

#pragma once
#include "layout/schema.h"

namespace dw::batch {

// The manifest's XML language, declared in the same table form as the layout language and read
// by the same node reader, so it gets the same checks and "did you mean" hints.
const layout::XmlLanguage& manifest_language();

}  // namespace dw::batch

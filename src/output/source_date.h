#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace dw::output {

// Seconds since 1970 (UTC) as ISO 8601, "1731369600" -> "2024-11-12T00:00:00Z"; nullopt when
// `seconds` is not a plain non-negative number.
std::optional<std::string> iso_date_from_epoch(std::string_view seconds);

// The date for documents without one: SOURCE_DATE_EPOCH (reproducible-builds.org), so repeated
// builds are byte-identical; empty when it is not set. A malformed value is warned about.
std::string source_date_epoch(Diagnostics& diag);

}  // namespace dw::output

#pragma once
#include <optional>
#include <string>

#include "batch/manifest.h"
#include "diag/diagnostics.h"

namespace dw::batch {

// Reads and checks a manifest. Job paths come back resolved against the manifest's folder; a
// path outside the project root and the allowed folders, two jobs writing one file, and a job
// writing onto an input are errors. nullopt when there is any error.
std::optional<Manifest> load_manifest(const std::string& path, Diagnostics& diags);

}  // namespace dw::batch

#pragma once
#include <optional>

#include "cli/options/options.h"
#include "output/render_output.h"

namespace dw::cli {

// The format --format names, else the one OUTPUT's extension says; standard output (-o -)
// without --format is a PDF. nullopt: none of these tells.
std::optional<output::Format> output_format(const Options& options);

}  // namespace dw::cli

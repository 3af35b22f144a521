#pragma once
#include "cli/options/options.h"
#include "diag/diagnostics.h"

namespace dw::cli {

// drukwerk new LAYOUT -o FILE: a starter data file from the layout's <data> declaration. An
// existing FILE is never replaced.
int run_new(const Options& options, Diagnostics& diags);

// drukwerk schema --data LAYOUT (JSON Schema) | --data-doc LAYOUT (a Markdown page), on stdout.
int run_data_schema(const Options& options, std::ostream& out, Diagnostics& diags);

}  // namespace dw::cli

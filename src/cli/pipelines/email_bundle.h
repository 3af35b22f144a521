#pragma once
#include "cli/options/options.h"
#include "diag/diagnostics.h"

namespace dw::cli {

// The page master (and its <variant>) of the layout's phone version.
inline constexpr const char* kPhoneMaster = "phone";

// render --email-bundle DIR: writes DIR/<data>.pdf (the layout's own page master),
// DIR/<data>-telefoon.pdf and DIR/<data>-telefoon.png (its phone version, 1170 px wide) and
// DIR/index.html (the e-mail body). Returns the exit code.
int run_email_bundle(const Options& options, Diagnostics& diags);

}  // namespace dw::cli

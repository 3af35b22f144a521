#pragma once
#include <optional>

#include "cli/options/options.h"
#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::bind {
struct BoundEmail;
}

namespace dw::cli {

// Runs the stages data → layout → bind → typeset for one job. Returns the positioned document,
// or nullopt when the input has errors (all of them are in `diags`). `exit_code` says why.
// With `email`, the layout's <email> is bound to the job's data into it first (render
// --email-bundle; a layout without one is an error, see bind/email_binder.h).
std::optional<typeset::Document> build_document(const Options& options, Diagnostics& diags,
                                                int& exit_code,
                                                std::optional<bind::BoundEmail>* email = nullptr);

// render and check, as the CLI runs them; returns the exit code.
int run_render(const Options& options, Diagnostics& diags);
int run_check(const Options& options, Diagnostics& diags);
// build: the batch of a manifest (see batch/build.h); prints its own output.
int run_build_command(const Options& options);

}  // namespace dw::cli

#pragma once
#include <optional>
#include <string>

#include "cli/options/options.h"

namespace dw::cli {

// Parses argv against the option table (option_table.h). On a usage error returns nullopt and
// sets `error` to one line naming the argument at fault; the caller adds the hint to --help.
std::optional<Options> parse_options(int argc, char** argv, std::string& error);

// --help: the synopsis, every option of the table with its commands, and the exit codes.
std::string usage_text();

}  // namespace dw::cli

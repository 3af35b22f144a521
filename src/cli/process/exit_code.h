#pragma once

namespace dw::cli {

// The process's exit codes, documented in the README and in --help.
enum Exit : int { kOk = 0, kInputError = 1, kUsageError = 2, kIoError = 3 };

}  // namespace dw::cli

#pragma once
#include <cstdarg>
#include <cstddef>

namespace dw::cli {

// The few snprintf formats Cairo writes every number of a PDF with ("%d", "%ld", "%f", "%.18f",
// "%.*f"), written with std::to_chars: exactly printf's characters (C++17 specifies to_chars
// "as if by printf in the C locale"), without glibc's multi-precision float printing, which was
// a quarter of a card deck's painting thread. Returns what snprintf returns, or -1 when `format`
// is not one of them, the number is not finite, or the locale's decimal point is not '.'; the
// caller then calls vsnprintf. `args` is only read on success.
int format_number(char* out, size_t size, const char* format, va_list args);

}  // namespace dw::cli

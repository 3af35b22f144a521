// Part of the program only (not of a stage library): Cairo's number formatting, made fast.
//
// Cairo 1.16 writes every number of a PDF through snprintf ("%f"; for numbers under 0.1, zero
// included, twice more with "%.18f" and "%.*f"), and Debian builds it with _FORTIFY_SOURCE, so
// those calls go to glibc's __snprintf_chk. glibc prints floats exactly with multi-precision
// arithmetic: ~2,600 instructions a number, 25 % of the thread that paints a card deck and 4 %
// of the minutes. A program's own definitions come first in the dynamic linker's lookup, so this
// one receives Cairo's calls (and any other library's). It writes the formats Cairo uses for
// numbers with std::to_chars (cli/number_format.h: the same characters) and hands every other
// format to glibc's __vsnprintf_chk unchanged. Sanitizer builds leave snprintf to the sanitizer.
#if !defined(__SANITIZE_ADDRESS__) && !defined(DRUKWERK_NO_SNPRINTF_INTERPOSER)

#include <cstdarg>
#include <cstddef>

#include "cli/number_format.h"

extern "C" {
int __vsnprintf_chk(char* s, size_t maxlen, int flag, size_t slen, const char* format,
                    va_list args);
[[noreturn]] void __chk_fail(void);

int __snprintf_chk(char* s, size_t maxlen, int flag, size_t slen, const char* format, ...) {
    if (slen < maxlen) __chk_fail();  // the buffer is smaller than the caller claims: as glibc
    va_list args;
    va_start(args, format);
    int n = dw::cli::format_number(s, maxlen, format, args);
    if (n < 0) n = __vsnprintf_chk(s, maxlen, flag, slen, format, args);
    va_end(args);
    return n;
}
}

#endif

#include "cli/number_format.h"

#include <langinfo.h>

#include <charconv>
#include <cmath>
#include <cstring>

namespace dw::cli {
namespace {

int put(char* out, size_t size, const char* text, size_t length) {
    if (size > 0) {
        size_t n = length < size - 1 ? length : size - 1;
        std::memcpy(out, text, n);
        out[n] = '\0';
    }
    return int(length);
}

// printf writes the locale's decimal point; to_chars always '.'. drukwerk never calls setlocale,
// so the C locale's '.' holds for the whole run: asked once.
bool c_decimal_point() {
    static const bool dot = [] {
        const char* radix = nl_langinfo(RADIXCHAR);
        return radix && radix[0] == '.' && radix[1] == '\0';
    }();
    return dot;
}

// The precision of "%f", "%.18f" or "%.*f" (read from `args`), else -1.
int float_precision(const char* spec, va_list args) {
    if (spec[0] == 'f' && spec[1] == '\0') return 6;
    if (std::strcmp(spec, ".18f") == 0) return 18;
    if (std::strcmp(spec, ".*f") == 0) return va_arg(args, int);
    return -1;
}

}  // namespace

int format_number(char* out, size_t size, const char* format, va_list args) {
    if (format[0] != '%') return -1;
    const char* spec = format + 1;
    char text[128];
    const bool is_int = (spec[0] == 'd' && spec[1] == '\0') ||
                        (spec[0] == 'l' && spec[1] == 'd' && spec[2] == '\0');
    if (is_int) {
        va_list copy;
        va_copy(copy, args);
        long value = spec[0] == 'l' ? va_arg(copy, long) : va_arg(copy, int);
        va_end(copy);
        auto result = std::to_chars(text, text + sizeof text, value);
        return put(out, size, text, size_t(result.ptr - text));
    }
    va_list copy;
    va_copy(copy, args);
    const int precision = float_precision(spec, copy);
    int written = -1;
    if (precision >= 0 && precision <= 40) {
        const double value = va_arg(copy, double);
        // Below 1e30 the digits fit `text`; larger, infinite and NaN values are glibc's.
        if (std::isfinite(value) && std::fabs(value) < 1e30 && c_decimal_point()) {
            auto result = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed,
                                        precision);
            if (result.ec == std::errc()) written = put(out, size, text, size_t(result.ptr - text));
        }
    }
    va_end(copy);
    return written;
}

}  // namespace dw::cli

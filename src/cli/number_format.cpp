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

// "%.<precision>f" of `value` by integer arithmetic, ~10 times faster than std::to_chars' exact
// algorithm; -1 where it might differ from the exact result. value * 10^precision is exact to
// within 2^-12 below 1e12, so the rounding is exact unless the fraction is within 1e-3 of a tie.
int fixed_by_integers(char* text, double value, int precision) {
    static constexpr double kPowersOfTen[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    if (precision < 0 || precision > 9) return -1;
    const double scaled = std::fabs(value) * kPowersOfTen[precision];
    if (!(scaled < 1e12)) return -1;  // also NaN
    const double whole = std::floor(scaled), fraction = scaled - whole;
    if (std::fabs(fraction - 0.5) < 1e-3) return -1;
    unsigned long long n = static_cast<unsigned long long>(whole) + (fraction > 0.5 ? 1 : 0);
    char digits[32];  // least significant first
    int count = 0;
    do {
        digits[count++] = char('0' + n % 10);
        n /= 10;
    } while (n != 0);
    while (count < precision + 1) digits[count++] = '0';
    char* p = text;
    if (std::signbit(value)) *p++ = '-';  // printf writes "-0.000000" for -0.0 and -1e-9 too
    for (int i = count - 1; i >= precision; --i) *p++ = digits[i];
    if (precision > 0) {
        *p++ = '.';
        for (int i = precision - 1; i >= 0; --i) *p++ = digits[i];
    }
    return int(p - text);
}

// "%.<precision>f" of `value` into `text`, or -1 for values left to glibc: infinite, NaN, and
// from 1e30 on, whose digits would not fit.
int fixed_text(char* text, size_t size, double value, int precision) {
    if (int n = fixed_by_integers(text, value, precision); n >= 0) return n;
    if (!std::isfinite(value) || std::fabs(value) >= 1e30) return -1;
    auto result = std::to_chars(text, text + size, value, std::chars_format::fixed, precision);
    return result.ec == std::errc() ? int(result.ptr - text) : -1;
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
        if (c_decimal_point()) {
            int n = fixed_text(text, sizeof text, value, precision);
            if (n >= 0) written = put(out, size, text, size_t(n));
        }
    }
    va_end(copy);
    return written;
}

}  // namespace dw::cli

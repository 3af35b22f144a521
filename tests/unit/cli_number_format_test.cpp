// cli/number_format against glibc: the program's __snprintf_chk writes Cairo's PDF numbers with
// it, so every character must be the one snprintf would have written.
#include <catch2/catch.hpp>
#include <cstdarg>
#include <cstdio>
#include <cmath>
#include <random>
#include <vector>
#include <string>

#include "cli/number_format.h"

namespace {

struct Both {
    int ours_result, glibc_result;
    std::string ours, glibc;
};

Both format_both(size_t size, const char* format, ...) {
    Both b;
    char ours[512], glibc[512];
    va_list args;
    va_start(args, format);
    b.ours_result = dw::cli::format_number(ours, size, format, args);
    va_end(args);
    va_start(args, format);
    b.glibc_result = std::vsnprintf(glibc, size, format, args);
    va_end(args);
    b.ours = size > 0 && b.ours_result >= 0 ? ours : "";
    b.glibc = size > 0 ? glibc : "";
    return b;
}

void check_same(const Both& b) {
    CHECK(b.ours_result == b.glibc_result);
    CHECK(b.ours == b.glibc);
}

}  // namespace

TEST_CASE("numbers come out as snprintf writes them", "[number_format]") {
    std::mt19937_64 random(20241112);
    std::uniform_real_distribution<double> page(-2000, 2000);
    std::uniform_real_distribution<double> exponent(-12, 29);
    std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.1, 0.05, 1e-7, -1e-7, 0.5, 2.5,
                                  1.0000005, 0.0000005, 841.889764, 595.275591, 1e29, -9.9e28};
    for (int i = 0; i < 20000; ++i) {
        values.push_back(page(random));
        values.push_back(std::pow(10.0, exponent(random)) * (i % 2 ? 1 : -1));
    }
    for (double v : values) {
        INFO(v);
        check_same(format_both(512, "%f", v));
        check_same(format_both(512, "%.18f", v));
        for (int precision : {0, 3, 7, 9, 12})
            check_same(format_both(512, "%.*f", precision, v));
    }
}

// Multiples of 2^-10 end in ...5 at some precision: exact ties, which printf rounds to even and
// the integer fast path must leave to the exact algorithm.
TEST_CASE("exact ties round as snprintf rounds them", "[number_format]") {
    for (int i = -3000; i <= 3000; ++i) {
        const double v = i / 1024.0;
        INFO(v);
        for (int precision = 0; precision <= 10; ++precision)
            check_same(format_both(512, "%.*f", precision, v));
    }
    for (double v : {0.5, 1.5, 2.5, -0.5, 999999999999.5, 1e12 - 0.5, 123456.0000005})
        for (int precision = 0; precision <= 9; ++precision) check_same(format_both(512, "%.*f", precision, v));
}

TEST_CASE("whole numbers and short buffers follow snprintf too", "[number_format]") {
    for (int v : {0, 1, -1, 42, -2147483647, 2147483647}) {
        INFO(v);
        check_same(format_both(64, "%d", v));
    }
    for (long v : {0L, 123456789012L, -9223372036854775807L}) {
        INFO(v);
        check_same(format_both(64, "%ld", v));
    }
    // Truncated like snprintf: the result is the length it would have had.
    check_same(format_both(4, "%f", 123.456));
    check_same(format_both(1, "%d", 12345));
    check_same(format_both(0, "%f", 1.5));
}

TEST_CASE("other formats and values are left to snprintf", "[number_format]") {
    char out[64];
    auto ours = [&](const char* format, ...) {
        va_list args;
        va_start(args, format);
        int n = dw::cli::format_number(out, sizeof out, format, args);
        va_end(args);
        return n;
    };
    CHECK(ours("%s", "text") == -1);
    CHECK(ours("%02x", 10) == -1);
    CHECK(ours("x=%f", 1.0) == -1);
    CHECK(ours("%f", std::nan("")) == -1);
    CHECK(ours("%f", HUGE_VAL) == -1);
    CHECK(ours("%f", 1e300) == -1);
}

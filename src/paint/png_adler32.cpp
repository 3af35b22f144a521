#include "paint/png_adler32.h"

#include <zlib.h>

#include <algorithm>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace dw::paint {
namespace {

constexpr uint64_t kBase = 65521;

#if defined(__x86_64__)
// Steps of 32 bytes between reductions. Invariant: no 32-bit lane overflows within a block. The
// byte sums (s1 lanes) stay below 2,040 · 1,024; the running sum of them (prefix lanes) below
// 2,040 · 1,024 · 1,023 / 2 ≈ 1.07e9; the weighted sums below 32,130 · 1,024.
constexpr size_t kStepsPerBlock = 1024;

__attribute__((target("avx2"))) uint64_t lane_sum(__m256i v) {
    alignas(32) uint32_t lanes[8];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), v);
    uint64_t sum = 0;
    for (uint32_t lane : lanes) sum += lane;
    return sum;
}

// For a step of 32 bytes b[0..31] starting from sums (s1, s2):
//   s1' = s1 + Σ b[i]      s2' = s2 + 32 · s1 + Σ (32 − i) · b[i]
// Over a block the 32 · s1 terms add up to 32 · (steps · s1 at the block's start + the sum of
// the byte sums of all earlier steps), which the prefix lanes collect.
__attribute__((target("avx2"))) uint32_t adler32_avx2(uint32_t adler, const unsigned char* p,
                                                       size_t size) {
    uint64_t s1 = adler & 0xffff, s2 = adler >> 16;
    const __m256i weights = _mm256_setr_epi8(32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20,
                                             19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6,
                                             5, 4, 3, 2, 1);
    const __m256i ones = _mm256_set1_epi16(1);
    const __m256i zero = _mm256_setzero_si256();
    while (size >= 32) {
        const size_t steps = std::min(size / 32, kStepsPerBlock);
        __m256i byte_sums = zero, prefix = zero, weighted = zero;
        for (size_t k = 0; k < steps; ++k, p += 32) {
            const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
            prefix = _mm256_add_epi32(prefix, byte_sums);
            byte_sums = _mm256_add_epi32(byte_sums, _mm256_sad_epu8(bytes, zero));
            weighted = _mm256_add_epi32(
                weighted, _mm256_madd_epi16(_mm256_maddubs_epi16(bytes, weights), ones));
        }
        size -= steps * 32;
        s2 = (s2 + 32 * steps * s1 + 32 * lane_sum(prefix) + lane_sum(weighted)) % kBase;
        s1 = (s1 + lane_sum(byte_sums)) % kBase;
    }
    for (; size > 0; --size) {  // fewer than 32 bytes: no reduction needed on the way
        s1 += *p++;
        s2 += s1;
    }
    return uint32_t((s2 % kBase) << 16 | (s1 % kBase));
}
#endif

}  // namespace

uint32_t png_adler32(uint32_t adler, const unsigned char* data, size_t size) {
#if defined(__x86_64__)
    static const bool has_avx2 = __builtin_cpu_supports("avx2");
    if (has_avx2) return adler32_avx2(adler, data, size);
#endif
    return uint32_t(adler32_z(adler, data, size));
}

}  // namespace dw::paint

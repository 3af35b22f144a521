// The PNG encoder's Adler-32 (paint/png_adler32.h) against zlib's: every length around the
// 32-byte steps, the largest byte values across the block reductions, and a checksum continued
// piece by piece.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <random>
#include <vector>

#include "paint/png_adler32.h"

using dw::paint::png_adler32;

namespace {

std::vector<unsigned char> random_bytes(size_t size, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<unsigned char> bytes(size);
    for (auto& b : bytes) b = static_cast<unsigned char>(random());
    return bytes;
}

uint32_t zlib_adler32(uint32_t start, const std::vector<unsigned char>& bytes, size_t from = 0,
                      size_t size = std::string::npos) {
    size = std::min(size, bytes.size() - from);
    return uint32_t(adler32_z(start, bytes.data() + from, size));
}

}  // namespace

TEST_CASE("Adler-32 is zlib's for every length up to a few steps", "[paint][png]") {
    const auto bytes = random_bytes(300, 1);
    for (size_t n = 0; n <= bytes.size(); ++n) {
        INFO("length " << n);
        CHECK(png_adler32(1, bytes.data(), n) == zlib_adler32(1, bytes, 0, n));
    }
}

TEST_CASE("Adler-32 of long runs of 0xff is zlib's across the block reductions",
          "[paint][png]") {
    // 0xff makes every sum as large as it can be: an overflow within a block would show here.
    for (size_t n : {32u * 1024u - 1u, 32u * 1024u, 32u * 1024u + 1u, 1u << 20, 3u * 32768u + 77u}) {
        std::vector<unsigned char> bytes(n, 0xff);
        INFO("length " << n);
        CHECK(png_adler32(1, bytes.data(), n) == zlib_adler32(1, bytes));
    }
}

TEST_CASE("Adler-32 continues a checksum as zlib does", "[paint][png]") {
    const auto bytes = random_bytes(200000, 2);
    uint32_t ours = 1, theirs = 1;
    size_t at = 0;
    for (size_t piece : {1u, 31u, 33u, 4096u, 65537u, 100000u}) {
        ours = png_adler32(ours, bytes.data() + at, piece);
        theirs = zlib_adler32(theirs, bytes, at, piece);
        at += piece;
        CHECK(ours == theirs);
    }
    CHECK(png_adler32(0x12345678u % 65521u, bytes.data(), bytes.size()) ==
          zlib_adler32(0x12345678u % 65521u, bytes));
}

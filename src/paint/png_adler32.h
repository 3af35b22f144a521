#pragma once
#include <cstddef>
#include <cstdint>

namespace dw::paint {

// Adler-32 (RFC 1950) of `size` bytes, continuing from `adler` (1 starts a new checksum): the
// value zlib's adler32() gives, 32 bytes at a step with AVX2 where the processor has it. A PNG
// page checksums every byte of its scanlines (18 MB for the phone picture), which zlib does a
// byte at a time.
uint32_t png_adler32(uint32_t adler, const unsigned char* data, size_t size);

}  // namespace dw::paint

#pragma once
#include <zlib.h>

#include <optional>

// Deflate streams that collect their input and compress it in one go with libdeflate.
//
// Cairo deflates every PDF content stream and font through zlib's streaming API: ~11 % of the
// minutes' main thread even at zlib level 1 (14 M instructions, 1.9 M of them setting up 28
// streams). libdeflate at level 1 compresses the same streams whole in 6.3 M, 1.3 % smaller
// (the minutes 115.9 -> 114.4 kB, 120 cards 219.0 -> 216.1 kB). The program's deflateInit_,
// deflate and deflateEnd (cli/deflate_interposer.cpp) give the streams opened at the default
// level (Cairo's, and libharu's and libqpdf's in the modules) to these functions.
//
// Such a stream takes all input at Z_NO_FLUSH and writes nothing until Z_FINISH; then it
// compresses (zlib format: header and Adler-32, as FlateDecode wants) and hands the result out
// across as many Z_FINISH calls as the caller's buffer needs, as zlib's contract allows. Other
// flushes, which none of those callers use, are refused with Z_STREAM_ERROR. The z_stream has
// no zlib state (`state` stays null), so any other zlib call on it fails cleanly.
namespace dw::cli {

// Makes `stream` one of these streams: Z_OK, or Z_MEM_ERROR.
int begin_whole_buffer_deflate(z_streamp stream);

// deflate() and deflateEnd() for a stream begun above; nullopt for any other stream.
std::optional<int> whole_buffer_deflate(z_streamp stream, int flush);
std::optional<int> end_whole_buffer_deflate(z_streamp stream);

}  // namespace dw::cli

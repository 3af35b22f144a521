// Part of the program only (not of a stage library): Cairo's compression, made faster.
//
// Cairo 1.16 compresses every content stream and embedded font of a PDF through zlib's
// deflateInit (the macro calls deflateInit_) at the default level, 6. That is ~10 % of the
// thread that paints a card deck and of the minutes' main thread (callgrind: 18 M of 170 M and
// 17 M of 137 M instructions). Level 1 deflates the same streams in about a third of the time
// for 3 % more bytes (the minutes: 112.3 -> 115.9 kB; a 120-card deck: 212 -> 219 kB), and
// renders 2-3 ms sooner. Cairo has no setting for it; like snprintf_interposer.cpp, the program's
// own definition comes first in the dynamic linker's lookup, so it receives the calls of Cairo
// (and of libqpdf and libharu, in the modules). A caller that asks for a level keeps it; only
// the default changes. Everything else is zlib's deflateInit_ exactly: 15-bit window, memory
// level 8, default strategy.
#include <zlib.h>

extern "C" int deflateInit_(z_streamp stream, int level, const char* version, int stream_size) {
    constexpr int kFastLevel = 1;
    constexpr int kDefaultMemoryLevel = 8;  // zlib's DEF_MEM_LEVEL
    if (level == Z_DEFAULT_COMPRESSION) level = kFastLevel;
    return deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, kDefaultMemoryLevel,
                         Z_DEFAULT_STRATEGY, version, stream_size);
}

// Part of the program only (not of a stage library): Cairo's compression, made faster.
//
// Cairo 1.16 compresses every content stream and embedded font of a PDF through zlib's
// deflateInit (the macro calls deflateInit_), deflate and deflateEnd, at the default level 6:
// 17 M of the minutes' 137 M main-thread instructions (14 M at zlib level 1). Like
// snprintf_interposer.cpp, the program's own definitions come first in the dynamic linker's
// lookup, so they receive the calls of Cairo (and of libqpdf and libharu, in the modules). A
// stream opened at the default level is compressed whole by libdeflate at level 1
// (cli/whole_buffer_deflate.h): 6.3 M, and 1.3 % smaller than zlib level 1. A caller that asks
// for a level, and every other stream, goes to zlib unchanged.
#include <dlfcn.h>
#include <zlib.h>

#include "cli/whole_buffer_deflate.h"

namespace {

// zlib's own deflate and deflateEnd, past the program's definitions.
template <class Function>
Function zlib_function(const char* name) {
    return reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" {

int deflateInit_(z_streamp stream, int level, const char* version, int stream_size) {
    constexpr int kDefaultMemoryLevel = 8;  // zlib's DEF_MEM_LEVEL
    if (level == Z_DEFAULT_COMPRESSION && version && version[0] == ZLIB_VERSION[0] &&
        stream_size == int(sizeof(z_stream)))
        return dw::cli::begin_whole_buffer_deflate(stream);
    return deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, kDefaultMemoryLevel,
                         Z_DEFAULT_STRATEGY, version, stream_size);
}

int deflate(z_streamp stream, int flush) {
    if (auto result = dw::cli::whole_buffer_deflate(stream, flush)) return *result;
    static const auto zlib_deflate = zlib_function<int (*)(z_streamp, int)>("deflate");
    return zlib_deflate ? zlib_deflate(stream, flush) : Z_STREAM_ERROR;
}

int deflateEnd(z_streamp stream) {
    if (auto result = dw::cli::end_whole_buffer_deflate(stream)) return *result;
    static const auto zlib_deflate_end = zlib_function<int (*)(z_streamp)>("deflateEnd");
    return zlib_deflate_end ? zlib_deflate_end(stream) : Z_STREAM_ERROR;
}

}  // extern "C"

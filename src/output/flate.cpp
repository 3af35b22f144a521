#include "output/flate.h"

#include <zlib.h>

#include <stdexcept>

namespace dw::pdf {

namespace {

// RAII for a z_stream: inflateEnd or deflateEnd at scope exit.
template <int (*End)(z_streamp)>
struct ZStream {
    z_stream z{};
    ~ZStream() { End(&z); }
};

}  // namespace

std::string inflate(std::string_view compressed) {
    ZStream<inflateEnd> s;
    if (inflateInit(&s.z) != Z_OK) throw std::runtime_error("zlib cannot start inflating");
    s.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    s.z.avail_in = static_cast<uInt>(compressed.size());
    std::string out(compressed.size() * 4 + 64, '\0');
    for (;;) {
        s.z.next_out = reinterpret_cast<Bytef*>(out.data() + s.z.total_out);
        s.z.avail_out = static_cast<uInt>(out.size() - s.z.total_out);
        const int status = ::inflate(&s.z, Z_NO_FLUSH);
        if (status == Z_STREAM_END) break;
        if (status == Z_BUF_ERROR && s.z.avail_in == 0)
            throw std::runtime_error("a stream's Flate data is cut short");
        if (status != Z_OK && status != Z_BUF_ERROR)
            throw std::runtime_error("a stream's Flate data is damaged");
        if (s.z.avail_out == 0) out.resize(out.size() * 2);
    }
    out.resize(s.z.total_out);
    return out;
}

std::string deflate(std::string_view data) {
    // The fastest level: a page's content compresses to about a fifth either way, and the
    // default level takes half as long again for a few per cent fewer bytes.
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                  reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                  Z_BEST_SPEED) != Z_OK)
        throw std::runtime_error("zlib cannot compress a stream");
    out.resize(size);
    return out;
}

}  // namespace dw::pdf

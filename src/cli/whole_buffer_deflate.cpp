#include "cli/whole_buffer_deflate.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

namespace dw::cli {
namespace {

constexpr int kLevel = 1;  // smaller than zlib level 1's output, in less than half its time

struct CompressorFree {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// One compressor a thread (Cairo deflates on the main and the painting thread at once): its
// tables are worth keeping from stream to stream.
libdeflate_compressor* compressor() {
    thread_local std::unique_ptr<libdeflate_compressor, CompressorFree> c(
        libdeflate_alloc_compressor(kLevel));
    return c.get();
}

struct Stream {
    std::vector<unsigned char> input, output;
    size_t handed_out = 0;
    bool compressed = false;
};

// The streams by their z_stream (the caller owns that one, and its zlib state stays null).
class Streams {
public:
    Stream* find(z_streamp s) {
        std::lock_guard lock(mutex_);
        auto it = streams_.find(s);
        return it == streams_.end() ? nullptr : it->second.get();
    }
    void add(z_streamp s) {
        auto stream = std::make_unique<Stream>();
        std::lock_guard lock(mutex_);
        streams_[s] = std::move(stream);
    }
    void remove(z_streamp s) {
        std::lock_guard lock(mutex_);
        streams_.erase(s);
    }

private:
    std::mutex mutex_;
    std::unordered_map<z_streamp, std::unique_ptr<Stream>> streams_;
};

Streams& streams() {
    static Streams* all = new Streams;  // never destroyed: a library may end a stream at exit
    return *all;
}

void take_input(z_streamp s, Stream& stream) {
    stream.input.insert(stream.input.end(), s->next_in, s->next_in + s->avail_in);
    s->next_in += s->avail_in;
    s->total_in += s->avail_in;
    s->avail_in = 0;
}

bool compress_input(Stream& stream) {
    libdeflate_compressor* c = compressor();
    if (!c) return false;
    stream.output.resize(libdeflate_zlib_compress_bound(c, stream.input.size()));
    const size_t n = libdeflate_zlib_compress(c, stream.input.data(), stream.input.size(),
                                              stream.output.data(), stream.output.size());
    if (n == 0) return false;
    stream.output.resize(n);
    stream.input = {};
    stream.compressed = true;
    return true;
}

int hand_out(z_streamp s, Stream& stream) {
    const size_t n = std::min<size_t>(s->avail_out, stream.output.size() - stream.handed_out);
    if (n > 0) std::memcpy(s->next_out, stream.output.data() + stream.handed_out, n);
    stream.handed_out += n;
    s->next_out += n;
    s->avail_out -= uInt(n);
    s->total_out += n;
    return stream.handed_out == stream.output.size() ? Z_STREAM_END : Z_OK;
}

int deflate_stream(z_streamp s, Stream& stream, int flush) {
    if (flush != Z_NO_FLUSH && flush != Z_FINISH) return Z_STREAM_ERROR;
    if (stream.compressed) return flush == Z_FINISH ? hand_out(s, stream) : Z_STREAM_ERROR;
    if (s->avail_in > 0 && !s->next_in) return Z_STREAM_ERROR;
    if (flush == Z_FINISH && s->avail_out > 0 && !s->next_out) return Z_STREAM_ERROR;
    take_input(s, stream);
    if (flush == Z_NO_FLUSH) return Z_OK;
    if (!compress_input(stream)) return Z_MEM_ERROR;
    return hand_out(s, stream);
}

}  // namespace

int begin_whole_buffer_deflate(z_streamp s) {
    if (!s) return Z_STREAM_ERROR;
    if (!compressor()) return Z_MEM_ERROR;
    try {
        streams().add(s);
    } catch (const std::bad_alloc&) {
        return Z_MEM_ERROR;
    }
    s->state = nullptr;
    s->msg = nullptr;
    s->total_in = s->total_out = 0;
    s->adler = 1;
    return Z_OK;
}

std::optional<int> whole_buffer_deflate(z_streamp s, int flush) {
    Stream* stream = streams().find(s);
    if (!stream) return std::nullopt;
    try {
        return deflate_stream(s, *stream, flush);
    } catch (const std::bad_alloc&) {  // C callers: an error code, never an exception
        return Z_MEM_ERROR;
    }
}

std::optional<int> end_whole_buffer_deflate(z_streamp s) {
    Stream* stream = streams().find(s);
    if (!stream) return std::nullopt;
    const bool finished = stream->compressed && stream->handed_out == stream->output.size();
    const bool empty = !stream->compressed && stream->input.empty();
    streams().remove(s);
    return finished || empty ? Z_OK : Z_DATA_ERROR;  // zlib: Z_DATA_ERROR when ended early
}

}  // namespace dw::cli

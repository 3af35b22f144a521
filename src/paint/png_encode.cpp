// encode_png_rgb24_in_bands: a recorded page painted band by band, each band's
// rows compressed as a piece of one zlib stream, the pieces on the run's executor when there is
// one. No libpng: the PNG around the stream is three chunk types.
#include "paint/png_encode.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <new>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "paint/cairo_handles.h"
#include "paint/png_adler32.h"

namespace dw::paint {
namespace {

// A band of about 256 KB and its scanlines stay in the cache from painting to compressing, and
// are the only pixel memory a page needs: a fresh page-sized image costs more in the kernel's
// zeroing of its new pages than in painting them.
constexpr int kBandBytes = 1 << 18;
// Bands packed but not yet written: bounds the memory while compression lags behind painting.
constexpr size_t kMaxPendingBands = 4;
// zlib level 3 and a hash table of 4096 entries (memory level 5): on drawn pages (flat colours,
// text) nearly as small as the defaults, in a fraction of the time.
constexpr int kLevel = 3;
constexpr int kMemLevel = 5;
// The zlib header for a deflate stream with a 32 KB window at level 2 to 5 (RFC 1950: the
// 16-bit value is a multiple of 31).
constexpr unsigned char kZlibHeader[2] = {0x78, 0x5e};

void append_u32(std::string& out, uint32_t v) {
    const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(bytes, 4);
}

void append_chunk(std::string& out, const char type[4], const std::string& data) {
    append_u32(out, uint32_t(data.size()));
    const size_t start = out.size();
    out.append(type, 4);
    out += data;
    const auto* typed = reinterpret_cast<const Bytef*>(out.data() + start);
    append_u32(out, uint32_t(crc32(0, typed, uInt(out.size() - start))));
}

std::string header_chunk_data(int width, int height) {
    std::string data;
    append_u32(data, uint32_t(width));
    append_u32(data, uint32_t(height));
    data += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, filters, no interlace
    return data;
}

// The rows of a band: `page` painted on white into `band` (its first rows), from row `top`.
void paint_band(cairo_surface_t* page, cairo_surface_t* band, int top) {
    CairoPtr cr(cairo_create(band));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_set_source_surface(cr.get(), page, 0, -top);
    cairo_paint(cr.get());
    cr.reset();
    cairo_surface_flush(band);
}

// Bytes that are written before they are read: allocated without zeroing, reused band after band.
struct Buffer {
    std::unique_ptr<unsigned char[]> bytes;
    size_t size = 0, capacity = 0;
    void resize(size_t n) {
        if (n > capacity) bytes.reset(new unsigned char[n]), capacity = n;
        size = n;
    }
    unsigned char* data() { return bytes.get(); }
};

// One band: its scanlines, then their compressed piece. Bands are reused, so each keeps its
// buffers and its deflate state between uses.
struct Band {
    Band() = default;
    Band(const Band&) = delete;
    Band& operator=(const Band&) = delete;
    ~Band() {
        task.wait();  // an executor may still be compressing into z
        if (deflating) deflateEnd(&z);
    }
    Buffer scanlines;
    bool last = false;
    Buffer deflated;
    uLong adler = 0;
    bool ok = false;
    Executor::Task task;
    z_stream z{};
    bool deflating = false;  // z is initialised
};

// A row of RGB24 pixels (32-bit words 0x00RRGGBB in native byte order) as PNG's RGB bytes.
// May write up to 4 bytes past the row's 3 · width: the caller keeps that room.
void pack_row_bytewise(const uint32_t* pixels, int width, unsigned char* rgb) {
    for (int x = 0; x < width; ++x) {
        const uint32_t p = pixels[x];
        rgb[3 * x] = static_cast<unsigned char>(p >> 16);
        rgb[3 * x + 1] = static_cast<unsigned char>(p >> 8);
        rgb[3 * x + 2] = static_cast<unsigned char>(p);
    }
}

#if defined(__x86_64__)
// Four pixels at a step: one shuffle takes their 12 RGB bytes out of 16, one store writes them
// (and 4 bytes more, which the next step or the caller's room takes).
__attribute__((target("ssse3"))) void pack_row_ssse3(const uint32_t* pixels, int width,
                                                     unsigned char* rgb) {
    const __m128i to_rgb = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    int x = 0;
    for (; x + 4 <= width; x += 4) {
        const __m128i four = _mm_loadu_si128(reinterpret_cast<const __m128i*>(pixels + x));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(rgb + 3 * x), _mm_shuffle_epi8(four, to_rgb));
    }
    pack_row_bytewise(pixels + x, width - x, rgb + 3 * x);
}
#endif

void pack_row(const uint32_t* pixels, int width, unsigned char* rgb) {
#if defined(__x86_64__)
    static const bool has_ssse3 = __builtin_cpu_supports("ssse3");
    if (has_ssse3) return pack_row_ssse3(pixels, width, rgb);
#endif
    pack_row_bytewise(pixels, width, rgb);
}

// PNG's scanlines for `rows` rows of RGB24 pixels: each row filter type 0 (none; on drawn pages
// unfiltered rows compress smallest) and its RGB bytes.
void make_scanlines(const unsigned char* data, int width, int rows, int stride, Buffer& out) {
    const size_t line = 1 + size_t(width) * 3;
    constexpr size_t kRoomAfterRow = 4;  // for pack_row; a row's is the next row's first bytes
    out.resize(line * size_t(rows) + kRoomAfterRow);
    out.size = line * size_t(rows);
    for (int y = 0; y < rows; ++y) {
        const unsigned char* source = data + size_t(y) * size_t(stride);
        unsigned char* row = out.data() + line * size_t(y);
        row[0] = 0;
        // A row like the one above (blank space, the inside of a band) is copied.
        if (y > 0 && std::memcmp(source, source - stride, size_t(width) * 4) == 0) {
            std::memcpy(row + 1, row + 1 - line, line - 1);
            continue;
        }
        pack_row(reinterpret_cast<const uint32_t*>(source), width, row + 1);
    }
}

// The band's scanlines as raw deflate data. A piece that is not the last ends with a sync flush
// (on a byte boundary, no final block), so the pieces concatenate into one deflate stream; the
// last ends it. Each piece starts with an empty window: a few bytes more than one stream.
void compress(Band& band) {
    band.ok = false;
    band.adler = png_adler32(1, band.scanlines.data(), band.scanlines.size);
    z_stream& z = band.z;
    if (!band.deflating) {
        if (deflateInit2(&z, kLevel, Z_DEFLATED, -15, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK)
            return;
        band.deflating = true;
    } else if (deflateReset(&z) != Z_OK) {
        return;
    }
    z.next_in = band.scanlines.data();
    z.avail_in = uInt(band.scanlines.size);
    band.deflated.resize(deflateBound(&z, z.avail_in) + 16);  // + the sync flush's empty block
    z.next_out = band.deflated.data();
    z.avail_out = uInt(band.deflated.size);
    const int result = deflate(&z, band.last ? Z_FINISH : Z_SYNC_FLUSH);
    band.ok =
        band.last ? result == Z_STREAM_END : result == Z_OK && z.avail_in == 0 && z.avail_out > 0;
    band.deflated.size = z.total_out;
}

void compress_safely(Band& band) noexcept {
    try {
        compress(band);
    } catch (const std::bad_alloc&) {
        band.ok = false;
    }
}

// Writes the bands' IDAT chunks in order as their pieces are ready.
class StreamWriter {
public:
    explicit StreamWriter(std::string& out) : out_(out) {}

    bool write(Band& band) {
        band.task.wait();
        if (!band.ok) return false;
        std::string data;
        if (first_) data.assign(reinterpret_cast<const char*>(kZlibHeader), 2);
        first_ = false;
        data.append(reinterpret_cast<const char*>(band.deflated.data()), band.deflated.size);
        adler_ = adler32_combine(adler_, band.adler, z_off_t(band.scanlines.size));
        if (band.last) append_u32(data, uint32_t(adler_));
        append_chunk(out_, "IDAT", data);
        return true;
    }

private:
    std::string& out_;
    bool first_ = true;
    uLong adler_ = adler32(0, nullptr, 0);
};

}  // namespace

bool encode_png_rgb24_in_bands(cairo_surface_t* page, std::string& out, std::string& error,
                               Executor* executor) {
    cairo_rectangle_t extents{};
    if (!cairo_recording_surface_get_extents(page, &extents)) {
        error = "the page has no size";
        return false;
    }
    const int width = static_cast<int>(extents.width), height = static_cast<int>(extents.height);
    if (width < 1 || height < 1) {
        error = "the page has no size";
        return false;
    }
    const int band_rows = std::max(1, std::min(height, kBandBytes / (4 * width)));
    SurfacePtr band_image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, band_rows));
    if (cairo_surface_status(band_image.get()) != CAIRO_STATUS_SUCCESS) {
        error = cairo_status_to_string(cairo_surface_status(band_image.get()));
        return false;
    }
    out.append("\x89PNG\r\n\x1a\n", 8);
    append_chunk(out, "IHDR", header_chunk_data(width, height));
    StreamWriter stream(out);
    std::deque<std::unique_ptr<Band>> pending, spare;
    bool ok = true;
    auto write_oldest = [&] {
        ok = stream.write(*pending.front()) && ok;
        spare.push_back(std::move(pending.front()));
        pending.pop_front();
    };
    for (int top = 0; top < height; top += band_rows) {
        paint_band(page, band_image.get(), top);
        std::unique_ptr<Band> band;
        if (spare.empty()) {
            band = std::make_unique<Band>();
        } else {
            band = std::move(spare.back());
            spare.pop_back();
        }
        make_scanlines(cairo_image_surface_get_data(band_image.get()), width,
                       std::min(band_rows, height - top),
                       cairo_image_surface_get_stride(band_image.get()), band->scanlines);
        band->last = top + band_rows >= height;
        Band* b = band.get();
        pending.push_back(std::move(band));
        if (!executor) {
            compress_safely(*b);
        } else {
            // The executor compresses the bands in order. When the band before this one is
            // still waiting for a thread, painting has got ahead: that one is compressed here,
            // so both threads have work whichever of painting and compressing is slower.
            b->task = executor->start([b] { compress_safely(*b); });
            if (pending.size() >= 2) pending[pending.size() - 2]->task.try_run_here();
        }
        while (pending.size() > kMaxPendingBands) write_oldest();
    }
    while (!pending.empty()) write_oldest();
    if (!ok) {
        error = "zlib could not compress the image";
        return false;
    }
    append_chunk(out, "IEND", {});
    return true;
}

}  // namespace dw::paint

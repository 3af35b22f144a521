#include "paint/haru_images.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>

#include "paint/cairo_handles.h"
#include "paint/text_format.h"

namespace dw::paint {

namespace {

constexpr int max_svg_pixels_per_side = 8000;

std::pair<int, int> svg_pixel_size(const typeset::Rect& r) {
    auto px = [](double pt) {
        const double v = std::ceil(pt / 72 * kSvgRasterDpi);
        return static_cast<int>(
            std::clamp(std::isfinite(v) ? v : 1.0, 1.0, double(max_svg_pixels_per_side)));
    };
    return {px(r.w), px(r.h)};
}

void decode_pixbuf(GdkPixbuf* pixbuf, HaruImages::Decoded& out) {
    out.width = gdk_pixbuf_get_width(pixbuf);
    out.height = gdk_pixbuf_get_height(pixbuf);
    const int channels = gdk_pixbuf_get_n_channels(pixbuf);
    const bool has_alpha = gdk_pixbuf_get_has_alpha(pixbuf);
    const int stride = gdk_pixbuf_get_rowstride(pixbuf);
    const guchar* pixels = gdk_pixbuf_read_pixels(pixbuf);
    out.rgb.reserve(size_t(out.width) * out.height * 3);
    bool translucent = false;
    std::vector<uint8_t> alpha;
    for (int y = 0; y < out.height; ++y) {
        const guchar* p = pixels + size_t(y) * stride;
        for (int x = 0; x < out.width; ++x, p += channels) {
            out.rgb.insert(out.rgb.end(), {p[0], p[1], p[2]});
            const uint8_t a = has_alpha ? p[3] : 255;
            alpha.push_back(a);
            translucent = translucent || a != 255;
        }
    }
    if (translucent) out.alpha = std::move(alpha);
}

// Cairo's ARGB32 is premultiplied, native-endian words.
void decode_surface(cairo_surface_t* s, HaruImages::Decoded& out) {
    cairo_surface_flush(s);
    out.width = cairo_image_surface_get_width(s);
    out.height = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    bool translucent = false;
    std::vector<uint8_t> alpha;
    for (int y = 0; y < out.height; ++y) {
        const auto* row = reinterpret_cast<const uint32_t*>(data + size_t(y) * stride);
        for (int x = 0; x < out.width; ++x) {
            const uint32_t px = row[x];
            const uint32_t a = px >> 24;
            auto channel = [&](int shift) -> uint8_t {
                const uint32_t c = px >> shift & 0xFF;
                return a == 0
                           ? 0
                           : static_cast<uint8_t>(std::min<uint32_t>(255, (c * 255 + a / 2) / a));
            };
            out.rgb.insert(out.rgb.end(), {channel(16), channel(8), channel(0)});
            alpha.push_back(static_cast<uint8_t>(a));
            translucent = translucent || a != 255;
        }
    }
    if (translucent) out.alpha = std::move(alpha);
}

std::string rasterise_svg(const std::string& file, std::pair<int, int> size,
                          HaruImages::Decoded& out) {
    GError* raw_error = nullptr;
    GObjectPtr<RsvgHandle> handle(rsvg_handle_new_from_file(file.c_str(), &raw_error));
    GErrorPtr error(raw_error);
    if (!handle) return error ? error->message : "cannot read SVG";
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size.first, size.second));
    CairoPtr cr(cairo_create(surface.get()));
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
        return cairo_status_to_string(cairo_status(cr.get()));
    RsvgRectangle viewport{0, 0, double(size.first), double(size.second)};
    raw_error = nullptr;
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &raw_error)) {
        GErrorPtr render_error(raw_error);
        return render_error ? render_error->message : "cannot draw SVG";
    }
    cr.reset();
    decode_surface(surface.get(), out);
    return {};
}

}  // namespace

HaruImages::Key HaruImages::key_of(const typeset::Image& image) const {
    return {image.file, image.kind == typeset::Image::Kind::Svg ? svg_pixel_size(image.rect)
                                                                : std::pair<int, int>{0, 0}};
}

const HaruImages::Decoded* HaruImages::decode(const typeset::Image& image) {
    const Key key = key_of(image);
    if (auto it = decoded_.find(key); it != decoded_.end()) {
        return it->second.failed ? nullptr : &it->second;
    }
    Decoded d;
    std::string error;
    if (image.kind == typeset::Image::Kind::Jpeg) {
        d.jpeg = HPDF_LoadJpegImageFromFile(doc_, image.file.c_str());
        if (!d.jpeg) error = "libharu cannot read this JPEG file";
    } else if (image.kind == typeset::Image::Kind::Svg) {
        error = rasterise_svg(image.file, key.second, d);
    } else {
        GError* raw_error = nullptr;
        GObjectPtr<GdkPixbuf> pixbuf(gdk_pixbuf_new_from_file(image.file.c_str(), &raw_error));
        GErrorPtr gerror(raw_error);
        if (!pixbuf || gdk_pixbuf_get_bits_per_sample(pixbuf.get()) != 8) {
            error = gerror ? gerror->message : "unsupported pixel format";
        } else {
            decode_pixbuf(pixbuf.get(), d);
        }
    }
    if (!error.empty()) {
        d.failed = true;
        diag_.error({image.file}, "cannot read image: " + error);
    }
    Decoded& stored = decoded_.emplace(key, std::move(d)).first->second;
    return stored.failed ? nullptr : &stored;
}

HPDF_Image HaruImages::embed(const typeset::Image& image, const Decoded& d,
                             std::optional<Color> backdrop) {
    if (d.jpeg) return d.jpeg;
    const bool flatten = backdrop && !d.alpha.empty();
    const Key key = key_of(image);
    const std::string variant = flatten ? hex_color(*backdrop) : std::string();
    if (auto it = embedded_.find({key, variant}); it != embedded_.end()) return it->second;

    std::vector<uint8_t> rgb = d.rgb;
    if (flatten) {
        const double under[3] = {backdrop->r * 255, backdrop->g * 255, backdrop->b * 255};
        for (size_t i = 0; i < d.alpha.size(); ++i) {
            const double a = d.alpha[i] / 255.0;
            for (int c = 0; c < 3; ++c) {
                rgb[3 * i + c] =
                    static_cast<uint8_t>(std::lround(rgb[3 * i + c] * a + under[c] * (1 - a)));
            }
        }
    }
    const auto w = static_cast<HPDF_UINT>(d.width), h = static_cast<HPDF_UINT>(d.height);
    HPDF_Image img = HPDF_LoadRawImageFromMem(doc_, rgb.data(), w, h, HPDF_CS_DEVICE_RGB, 8);
    if (img && !flatten && !d.alpha.empty()) {
        HPDF_Image mask =
            HPDF_LoadRawImageFromMem(doc_, d.alpha.data(), w, h, HPDF_CS_DEVICE_GRAY, 8);
        if (mask) HPDF_Image_AddSMask(img, mask);
    }
    embedded_.emplace(std::make_pair(key, variant), img);
    return img;
}

}  // namespace dw::paint

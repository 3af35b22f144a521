#include "paint/cairo_images.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>

#include "paint/svg_drawing.h"
#include "paint/svg_library.h"

namespace dw::paint {

namespace {

SurfacePtr load_png(const std::string& file, std::string& error) {
    SurfacePtr s(cairo_image_surface_create_from_png(file.c_str()));
    cairo_status_t status = cairo_surface_status(s.get());
    if (status == CAIRO_STATUS_SUCCESS) return s;
    error = status == CAIRO_STATUS_FILE_NOT_FOUND ? "file not found"
            : status == CAIRO_STATUS_READ_ERROR   ? "not a readable PNG file"
                                                  : cairo_status_to_string(status);
    return nullptr;
}

// gdk-pixbuf rows are RGB(A) bytes; Cairo wants native-endian premultiplied ARGB words.
SurfacePtr surface_from_pixbuf(GdkPixbuf* pixbuf, std::string& error) {
    const int w = gdk_pixbuf_get_width(pixbuf), h = gdk_pixbuf_get_height(pixbuf);
    const int channels = gdk_pixbuf_get_n_channels(pixbuf);
    const bool alpha = gdk_pixbuf_get_has_alpha(pixbuf);
    if (gdk_pixbuf_get_bits_per_sample(pixbuf) != 8 || channels < (alpha ? 4 : 3)) {
        error = "unsupported pixel format";
        return nullptr;
    }
    SurfacePtr s(
        cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h));
    if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) {
        error = cairo_status_to_string(cairo_surface_status(s.get()));
        return nullptr;
    }
    cairo_surface_flush(s.get());
    const guchar* src = gdk_pixbuf_read_pixels(pixbuf);
    const int src_stride = gdk_pixbuf_get_rowstride(pixbuf);
    unsigned char* dst = cairo_image_surface_get_data(s.get());
    const int dst_stride = cairo_image_surface_get_stride(s.get());
    for (int y = 0; y < h; ++y) {
        const guchar* p = src + static_cast<size_t>(y) * src_stride;
        auto* row = reinterpret_cast<uint32_t*>(dst + static_cast<size_t>(y) * dst_stride);
        for (int x = 0; x < w; ++x, p += channels) {
            uint32_t a = alpha ? p[3] : 255;
            auto premul = [a](uint32_t c) { return (c * a + 127) / 255; };
            row[x] = a << 24 | premul(p[0]) << 16 | premul(p[1]) << 8 | premul(p[2]);
        }
    }
    cairo_surface_mark_dirty(s.get());
    return s;
}

bool attach_jpeg_bytes(cairo_surface_t* s, const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    auto bytes = std::make_unique<std::string>(std::istreambuf_iterator<char>(in),
                                               std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return false;
    if (bytes->rfind("\xff\xd8\xff", 0) != 0) return false;  // not JPEG data after all
    auto* data = reinterpret_cast<const unsigned char*>(bytes->data());
    const unsigned long size = bytes->size();
    cairo_status_t status = cairo_surface_set_mime_data(
        s, CAIRO_MIME_TYPE_JPEG, data, size,
        [](void* p) { std::unique_ptr<std::string> owned(static_cast<std::string*>(p)); },
        bytes.get());
    if (status != CAIRO_STATUS_SUCCESS) return false;
    bytes.release();  // now owned by the surface
    return true;
}

SurfacePtr load_jpeg(const std::string& file, std::string& error) {
    GError* raw_error = nullptr;
    GObjectPtr<GdkPixbuf> pixbuf(gdk_pixbuf_new_from_file(file.c_str(), &raw_error));
    GErrorPtr gerror(raw_error);
    if (!pixbuf) {
        error = gerror ? gerror->message : "cannot decode image";
        return nullptr;
    }
    SurfacePtr s = surface_from_pixbuf(pixbuf.get(), error);
    // Without the original bytes the decoded pixels are embedded instead: larger, still right.
    if (s) attach_jpeg_bytes(s.get(), file);
    return s;
}

// The file's drawing when it is within the subset drukwerk draws itself (svg_drawing.h); a file
// that cannot be read is left to librsvg, which reports why.
std::optional<svg::Drawing> read_own_svg(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::string text(std::istreambuf_iterator<char>(in), {});
    if (!in.good() && !in.eof()) return std::nullopt;
    return svg::read_drawing(text);
}

GObjectPtr<RsvgHandle> load_svg(const std::string& file, std::string& error) {
    const SvgLibrary* rsvg = svg_library(&error);
    if (!rsvg) return nullptr;
    GError* raw_error = nullptr;
    GObjectPtr<RsvgHandle> handle(rsvg->new_from_file(file.c_str(), &raw_error));
    GErrorPtr gerror(raw_error);
    if (!handle) error = gerror ? gerror->message : "cannot read SVG";
    return handle;
}

const char* kind_name(typeset::Image::Kind kind) {
    switch (kind) {
        case typeset::Image::Kind::Png:
            return "PNG";
        case typeset::Image::Kind::Jpeg:
            return "JPEG";
        case typeset::Image::Kind::Svg:
            return "SVG";
    }
    return "image";
}

void draw_raster(cairo_t* cr, cairo_surface_t* surface, const typeset::Rect& r) {
    const int w = cairo_image_surface_get_width(surface);
    const int h = cairo_image_surface_get_height(surface);
    if (w <= 0 || h <= 0) return;
    cairo_save(cr);
    cairo_translate(cr, r.x, r.y);
    cairo_scale(cr, r.w / w, r.h / h);
    cairo_set_source_surface(cr, surface, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

}  // namespace

ImageCache::Entry ImageCache::load(const typeset::Image& image) {
    Entry entry;
    std::string error;
    switch (image.kind) {
        case typeset::Image::Kind::Png:
            entry.raster = load_png(image.file, error);
            break;
        case typeset::Image::Kind::Jpeg:
            entry.raster = load_jpeg(image.file, error);
            break;
        case typeset::Image::Kind::Svg:
            entry.own_svg = read_own_svg(image.file);
            if (!entry.own_svg) entry.svg = load_svg(image.file, error);
            break;
    }
    if (!entry.raster && !entry.svg && !entry.own_svg) {
        entry.failed = true;
        diag_.error({image.file}, std::string("cannot read ") + kind_name(image.kind) +
                                      " image: " + (error.empty() ? "unknown error" : error));
    }
    return entry;
}

ImageCache::Entry& ImageCache::entry_for(const typeset::Image& image) {
    auto key = std::make_pair(image.kind, image.file);
    auto it = entries_.find(key);
    if (it == entries_.end()) it = entries_.emplace(key, load(image)).first;
    return it->second;
}

// Whether uses of the SVG are painted from a recording of it (made at its first use's size).
bool ImageCache::records(const Entry& entry, const typeset::Image& image) const {
    return reuse_drawings_ && (entry.svg || entry.own_svg) && image.rect.w > 0 &&
           image.rect.h > 0 && !entry.not_recordable;
}

void ImageCache::prepare(const typeset::Image& image) {
    Entry& entry = entry_for(image);
    if (!entry.failed && records(entry, image) && !entry.drawing) record_svg(entry, image);
}

bool ImageCache::draw(cairo_t* cr, const typeset::Image& image) {
    Entry& entry = entry_for(image);
    if (entry.failed) return false;
    if (entry.raster) {
        draw_raster(cr, entry.raster.get(), image.rect);
        return true;
    }
    return draw_svg(cr, entry, image);
}

bool ImageCache::draw_svg(cairo_t* cr, Entry& entry, const typeset::Image& image) {
    const typeset::Rect& r = image.rect;
    if (records(entry, image) && (entry.drawing || record_svg(entry, image)) &&
        std::abs(entry.drawing_w / entry.drawing_h - r.w / r.h) < 1e-9 * (r.w / r.h)) {
        cairo_matrix_t to_drawing;  // user space → the drawing's own space
        cairo_matrix_init_scale(&to_drawing, entry.drawing_w / r.w, entry.drawing_h / r.h);
        cairo_matrix_translate(&to_drawing, -r.x, -r.y);
        cairo_pattern_set_matrix(entry.drawing.get(), &to_drawing);
        cairo_save(cr);
        cairo_set_source(cr, entry.drawing.get());
        cairo_rectangle(cr, r.x, r.y, r.w, r.h);
        cairo_fill(cr);
        cairo_restore(cr);
        return true;
    }
    std::string error;
    if (render_svg(cr, entry, r, error)) return true;
    entry.failed = true;  // report a file that cannot be drawn once, not on every page
    diag_.error({image.file}, "cannot draw SVG image: " + error);
    return false;
}

bool ImageCache::render_svg(cairo_t* cr, const Entry& entry, const typeset::Rect& viewport,
                            std::string& error) {
    if (entry.own_svg) {
        svg::draw(cr, *entry.own_svg, viewport);
        return true;
    }
    RsvgRectangle rsvg_viewport{viewport.x, viewport.y, viewport.w, viewport.h};
    GError* raw_error = nullptr;
    if (svg_library()->render_document(entry.svg.get(), cr, &rsvg_viewport, &raw_error))
        return true;
    GErrorPtr gerror(raw_error);
    error = gerror ? gerror->message : "unknown error";
    return false;
}

// The pattern repeats (Cairo 1.16 writes a non-repeating one into the page's resources once per
// use, as duplicate keys), on a tile twice the drawing's size: only the first copy is ever
// inside a filled rectangle, and no edge of a neighbouring copy can bleed into it.
bool ImageCache::record_svg(Entry& entry, const typeset::Image& image) {
    const typeset::Rect& r = image.rect;
    cairo_rectangle_t tile{0, 0, 2 * r.w, 2 * r.h};
    SurfacePtr recording(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &tile));
    CairoPtr rec_cr(cairo_create(recording.get()));
    std::string error;
    const bool ok = render_svg(rec_cr.get(), entry, {0, 0, r.w, r.h}, error);
    if (!ok || cairo_status(rec_cr.get()) != CAIRO_STATUS_SUCCESS) {
        entry.not_recordable = true;  // drawn directly from now on, not recorded again per use
        return false;
    }
    entry.drawing.reset(cairo_pattern_create_for_surface(recording.get()));
    cairo_pattern_set_extend(entry.drawing.get(), CAIRO_EXTEND_REPEAT);
    entry.drawing_w = r.w;
    entry.drawing_h = r.h;
    return true;
}

}  // namespace dw::paint

#include "paint/cairo_painter.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <cmath>

#include "paint/cairo_painter_impl.h"
#include "paint/image_surface.h"
#include "paint/pdf_document.h"
#include "paint/png_encode.h"
#include "paint/png_palette.h"
#include "paint/svg_ids.h"
#include "paint/text_format.h"

namespace dw::paint {

namespace {

constexpr double a4_width = 595.276, a4_height = 841.89;
constexpr double max_page_side = 14400;     // PDF's limit: 200 inches
constexpr int max_pixels_per_side = 32767;  // Cairo's image surface limit
constexpr const char* document_tag = "Document";

// Cairo's stream callback: appends to a std::string. No exception may cross into C.
cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (...) {
        return CAIRO_STATUS_WRITE_ERROR;
    }
}

bool is_valid_page_size(double w, double h) {
    return std::isfinite(w) && std::isfinite(h) && w >= 1 && h >= 1 && w <= max_page_side &&
           h <= max_page_side;
}

}  // namespace

CairoPainter::Impl::Impl(CairoOptions options, Diagnostics& diag)
    : options_(std::move(options)),
      diag_(diag),
      errors_before_(diag.error_count()),
      images_(diag, options_.target == CairoTarget::Pdf),
      font_options_(FontCache::font_options()) {}

void CairoPainter::Impl::error(const std::string& message) {
    diag_.error({}, page_ > 0 ? "page " + std::to_string(page_) + ": " + message : message);
}

void CairoPainter::Impl::warning(const std::string& message) {
    diag_.warning({}, page_ > 0 ? "page " + std::to_string(page_) + ": " + message : message);
}

void CairoPainter::Impl::report(const DrawResult& result) {
    if (!result.error.empty()) error(result.error);
    if (!result.warning.empty()) warning(result.warning);
}

// Cairo errors are sticky: once a context or surface fails, it ignores every later call.
// Report the first one and stop drawing.
void CairoPainter::Impl::check_cairo() {
    if (broken_) return;
    cairo_status_t status = cr_ ? cairo_status(cr_.get()) : CAIRO_STATUS_SUCCESS;
    if (status == CAIRO_STATUS_SUCCESS && surface_) status = cairo_surface_status(surface_.get());
    if (status == CAIRO_STATUS_SUCCESS) return;
    broken_ = true;
    error(std::string("Cairo failed: ") + cairo_status_to_string(status));
}

void CairoPainter::Impl::collect_dests(const typeset::Document& doc) {
    for (const typeset::Page& page : doc.pages) {
        for (const typeset::Item& item : page.items) {
            const auto* d = std::get_if<typeset::Dest>(&item);
            if (!d) continue;
            if (d->name.empty() || !is_valid_utf8(d->name)) {
                warning("destination with an empty or non-UTF-8 name; left out");
            } else if (!dest_names_.insert(d->name).second) {
                warning("destination " + quoted_text(d->name) +
                        " is defined twice; the first is used");
            }
        }
    }
}

void CairoPainter::Impl::begin_document(const typeset::Document& doc) {
    fonts_.emplace(doc.fonts, diag_);
    if (!is_pdf()) return;
    collect_dests(doc);
    open_pdf();
    if (broken_) return;
    set_pdf_metadata(surface_.get(), doc.metadata, options_.fallback_date, diag_);
    add_pdf_outline(surface_.get(), doc.outline, dest_names_, diag_);
    check_cairo();
    if (!broken_ && !doc.pages.empty() && options_.executor) start_glyph_warmer(doc);
}

// A whole document: its glyphs are loaded on another thread while this one paints.
void CairoPainter::Impl::start_glyph_warmer(const typeset::Document& doc) {
    fonts_->load_all();  // here, so that problems are reported on this thread
    warmer_ = std::make_unique<GlyphWarmer>(doc, *fonts_, font_options_.get(), *options_.executor);
}

void CairoPainter::Impl::open_pdf() {
    surface_.reset(cairo_pdf_surface_create_for_stream(append_bytes, &bytes_, a4_width, a4_height));
    cr_.reset(cairo_create(surface_.get()));
    cairo_set_font_options(cr_.get(), font_options_.get());
    check_cairo();
}

void CairoPainter::Impl::begin_page(double width, double height, const std::string& label) {
    ++page_;
    open_groups_ = 0;
    if (!is_valid_page_size(width, height)) {
        error("invalid page size " + fixed(width) + " x " + fixed(height) + " pt; using A4");
        width = a4_width, height = a4_height;
    }
    if (!is_pdf()) return open_page_surface(width, height);
    if (broken_) return;
    // Cairo 1.16 throws away what the page recorded so far when its size is set, tags
    // included: so the size comes first, and the Document tag only after it.
    cairo_pdf_surface_set_size(surface_.get(), width, height);
    if (!label.empty() && is_valid_utf8(label)) {
        cairo_pdf_surface_set_page_label(surface_.get(), label.c_str());
    } else if (!label.empty()) {
        warning("page label is not valid UTF-8; left out");
    }
    // Everything sits in one Document structure element: without an enclosing structure tag,
    // a link tag gives Cairo 1.16 a damaged xref table, and without "Document" (or Part, Art,
    // Sect, Div) at the top, Cairo does not mark the PDF as tagged.
    if (page_ == 1) cairo_tag_begin(cr_.get(), document_tag, "");
    check_cairo();
}

void CairoPainter::Impl::update_fonts(const std::vector<typeset::FontFace>& fonts) {
    if (fonts_) fonts_->extend(fonts);
}

void CairoPainter::Impl::warm(const typeset::Page& page,
                              const std::vector<typeset::FontFace>& fonts) {
    if (!is_pdf() || broken_ || !fonts_) return;
    update_fonts(fonts);
    fonts_->load_all();  // reported as painting would: once a font
    if (!warm_walk_) warm_walk_ = std::make_unique<GlyphWalk>(*fonts_, font_options_.get());
    paint_page(page, *warm_walk_);
    for (const typeset::Item& item : page.items)
        if (const auto* image = std::get_if<typeset::Image>(&item); image && is_drawable_rect(image->rect))
            images_.prepare(*image);
}

void CairoPainter::Impl::open_page_surface(double width, double height) {
    broken_ = false;  // each PNG/SVG page has its own surface and context
    bytes_.clear();
    if (options_.target == CairoTarget::Svg) {
        surface_.reset(cairo_svg_surface_create_for_stream(append_bytes, &bytes_, width, height));
        cr_.reset(cairo_create(surface_.get()));
    } else {
        const double scale = options_.dpi / 72;
        const double px_w = std::round(width * scale), px_h = std::round(height * scale);
        if (!(px_w >= 1 && px_h >= 1 && px_w <= max_pixels_per_side &&
              px_h <= max_pixels_per_side)) {
            error("page is too large for a PNG at " + fixed(options_.dpi, 0) + " dpi");
            surface_.reset(), cr_.reset();
            broken_ = true;
            return;
        }
        if (options_.png_palette) {  // the palette is chosen from the whole image
            surface_.reset(create_page_surface(static_cast<int>(px_w), static_cast<int>(px_h)));
        } else {  // painted band by band when encoded (encode_png_rgb24_in_bands)
            const cairo_rectangle_t extents{0, 0, px_w, px_h};
            surface_.reset(cairo_recording_surface_create(CAIRO_CONTENT_COLOR, &extents));
        }
        cr_.reset(cairo_create(surface_.get()));
        cairo_set_source_rgb(cr_.get(), 1, 1, 1);  // PNG pages get a white background
        cairo_paint(cr_.get());
        cairo_scale(cr_.get(), scale, scale);
    }
    cairo_set_font_options(cr_.get(), font_options_.get());
    check_cairo();
}

void CairoPainter::Impl::close_page_surface() {
    if (cr_ && !broken_ && options_.target == CairoTarget::Png) {
        std::string reason;
        const bool encoded =
            options_.png_palette
                ? encode_png_palette(surface_.get(), bytes_, reason)
                : encode_png_rgb24_in_bands(surface_.get(), bytes_, reason, options_.executor);
        if (!encoded) {
            broken_ = true;
            error("cannot encode PNG: " + reason);
        }
    }
    cr_.reset();
    if (surface_) cairo_surface_finish(surface_.get());  // the SVG stream is written here
    check_cairo();
    if (broken_) {
        output.emplace_back();
    } else if (options_.target == CairoTarget::Svg) {
        output.push_back(renumber_svg_ids(bytes_));
    } else {
        output.push_back(std::move(bytes_));
    }
    surface_.reset();
    bytes_.clear();
}

void CairoPainter::Impl::end_page() {
    if (link_runs_left_ > 0) end_link_text();
    flush_batch();
    skip_depth_ = 0;
    if (recording_) {  // a group left open: what it drew is not lost
        open_groups_ -= recording_->depth;  // their saves were on the recording's context
        finish_recording();
    }
    if (open_groups_ > 0) warning("group not closed at the end of the page; closed here");
    for (; open_groups_ > 0; --open_groups_) {
        if (cr_) cairo_restore(cr_.get());
    }
    if (!is_pdf()) return close_page_surface();
    if (broken_) return;
    cairo_show_page(cr_.get());
    check_cairo();
    flush_to_sink();
}

// Cairo writes a page's content stream when the page is shown: from here on only the file needs it.
void CairoPainter::Impl::flush_to_sink() {
    if (!options_.pdf_sink || broken_ || bytes_.empty()) return;
    if (!options_.pdf_sink(bytes_)) broken_ = true;
    bytes_.clear();
}

void CairoPainter::Impl::end_document() {
    warmer_.reset();
    if (!is_pdf() || !cr_) return;
    const int pages_painted = page_;
    page_ = 0;  // messages from here on are about the document, not its last page
    if (!tags_.empty()) warning("structure tag not closed at the end of the document");
    for (; !tags_.empty(); tags_.pop_back()) {
        if (!tags_.back().empty()) cairo_tag_end(cr_.get(), tags_.back().c_str());
    }
    if (pages_painted > 0) cairo_tag_end(cr_.get(), document_tag);
    check_cairo();
    cr_.reset();
    cairo_surface_finish(surface_.get());  // writes the rest of the PDF into bytes_
    check_cairo();
    surface_.reset();
    if (!broken_) output.push_back(std::move(bytes_));
}

// --- CairoPainter: forwards to Impl ----------------------------------------------------------

CairoPainter::CairoPainter(CairoOptions options, Diagnostics& diag)
    : impl_(std::make_unique<Impl>(std::move(options), diag)) {}
CairoPainter::~CairoPainter() = default;

std::vector<std::string> CairoPainter::take_output() {
    if (impl_->failed()) return {};
    return std::move(impl_->output);
}
bool CairoPainter::failed() const { return impl_->failed(); }

void CairoPainter::begin_document(const typeset::Document& doc) { impl_->begin_document(doc); }
void CairoPainter::begin_page(double width, double height, const std::string& label) {
    impl_->begin_page(width, height, label);
}
void CairoPainter::update_fonts(const std::vector<typeset::FontFace>& fonts) {
    impl_->update_fonts(fonts);
}
void CairoPainter::warm(const typeset::Page& page, const std::vector<typeset::FontFace>& fonts) {
    impl_->warm(page, fonts);
}
void CairoPainter::glyphs(const typeset::GlyphRun& run) { impl_->glyphs(run); }
void CairoPainter::shape(const typeset::Shape& shape) { impl_->shape(shape); }
void CairoPainter::line(const typeset::Line& line) { impl_->line(line); }
void CairoPainter::image(const typeset::Image& image) { impl_->image(image); }
void CairoPainter::link(const typeset::Link& link) { impl_->link(link); }
void CairoPainter::dest(const typeset::Dest& dest) { impl_->dest(dest); }
void CairoPainter::group_begin(const typeset::GroupBegin& group) { impl_->group_begin(group); }
void CairoPainter::group_end() { impl_->group_end(); }
void CairoPainter::tag_begin(const typeset::TagBegin& tag) { impl_->tag_begin(tag); }
void CairoPainter::tag_end() { impl_->tag_end(); }
void CairoPainter::end_page() { impl_->end_page(); }
void CairoPainter::end_document() { impl_->end_document(); }

std::optional<std::vector<std::string>> render_with_cairo(const typeset::Document& doc,
                                                          const CairoOptions& options,
                                                          Diagnostics& diag) {
    CairoPainter painter(options, diag);
    paint_document(doc, painter);
    if (painter.failed()) return std::nullopt;
    return painter.take_output();
}

}  // namespace dw::paint

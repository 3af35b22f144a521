#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/executor.h"
#include "paint/painter.h"

namespace dw::paint {

enum class CairoTarget { Pdf, Png, Svg };

struct CairoOptions {
    CairoTarget target = CairoTarget::Pdf;
    double dpi = 96;            // PNG only: pixels per inch
    std::string fallback_date;  // PDF dates when metadata.date is empty (ISO 8601)
    // PDF only. When set, what Cairo has written is handed to it after every page and then
    // dropped, so a long document is never held in memory; take_output() then holds only the
    // rest (font subsets, page tree, catalog, cross-reference table). A sink that returns false
    // has reported why; the painter stops drawing and fails.
    std::function<bool(std::string_view)> pdf_sink{};
    bool png_palette = false;  // PNG only: 256 colours, for small files (png_palette.h)
    // PDF of a whole document only: when given, its glyphs are loaded ahead on it (see
    // glyph_warmer.h); the file is the same without.
    Executor* executor = nullptr;
};

// Paints with Cairo into memory: one PDF for the whole document, or one PNG / SVG per page.
// Links, destinations, the outline, metadata, page labels and structure tags exist in PDF only.
// Items that cannot be drawn are reported (page number in the message) and skipped.
// Link and destination positions are page coordinates: Cairo 1.16 writes them as given, so a
// GroupBegin rotation does not turn them.
class CairoPainter final : public Painter {
public:
    CairoPainter(CairoOptions options, Diagnostics& diag);
    ~CairoPainter() override;
    CairoPainter(const CairoPainter&) = delete;
    CairoPainter& operator=(const CairoPainter&) = delete;

    // After end_document: the PDF, or one PNG/SVG per page; empty if painting failed.
    std::vector<std::string> take_output();
    // True when this painter reported an error (the output is then incomplete or empty).
    bool failed() const;

    void begin_document(const typeset::Document& doc) override;
    void begin_page(double width, double height, const std::string& label) override;
    void update_fonts(const std::vector<typeset::FontFace>& fonts) override;
    // PDF, before a page made of `page` is painted (the first sheet of a card deck, while its
    // cards are typeset): loads its fonts, glyphs and images into the caches painting uses.
    // Draws nothing and changes nothing that is written, only when the work is done.
    void warm(const typeset::Page& page, const std::vector<typeset::FontFace>& fonts);
    void glyphs(const typeset::GlyphRun& run) override;
    void shape(const typeset::Shape& shape) override;
    void line(const typeset::Line& line) override;
    void image(const typeset::Image& image) override;
    void link(const typeset::Link& link) override;
    void dest(const typeset::Dest& dest) override;
    void group_begin(const typeset::GroupBegin& group) override;
    void group_end() override;
    void tag_begin(const typeset::TagBegin& tag) override;
    void tag_end() override;
    void end_page() override;
    void end_document() override;

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// Paints `doc` with a CairoPainter: the buffers, or nullopt when something could not be drawn.
std::optional<std::vector<std::string>> render_with_cairo(const typeset::Document& doc,
                                                          const CairoOptions& options,
                                                          Diagnostics& diag);

}  // namespace dw::paint

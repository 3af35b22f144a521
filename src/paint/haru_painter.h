#pragma once
#include <memory>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "paint/painter.h"

namespace dw::paint {

// What a reader application may do with a restricted PDF (the PDF permission bits).
struct Permissions {
    bool print = true, copy = true, modify = true, annotate = true;
};

struct HaruOptions {
    // PDF/A-1b: XMP metadata, sRGB OutputIntent, a trailer /ID derived from the content, and no
    // transparency (translucent colours and images with alpha are flattened or refused).
    bool pdfa = false;
    std::string icc_profile = "/usr/share/color/icc/sRGB.icc";  // PDF/A OutputIntent
    // Set: the PDF is encrypted (RC4 128-bit, the only kind libharu writes) with these
    // permissions and `owner_password`; it opens without a password.
    std::optional<Permissions> permissions;
    std::string owner_password;
    std::string fallback_date;  // ISO 8601, when metadata.date is empty
    std::string producer = "drukwerk (libharu 2.3)";
};

// Paints into a PDF with libharu: the second PDF back end, for what Cairo cannot write
// (PDF/A-1, permission restrictions). Text is placed cluster by cluster at Pango's positions
// (see text_segments.h) in the same font files; links, destinations, the outline, metadata and
// page labels are written; structure tags are not (libharu 2.3 has no tagged PDF).
// Problems are reported with the page number and the element; the output is then dropped.
class HaruPainter final : public Painter {
public:
    HaruPainter(HaruOptions options, Diagnostics& diag);
    ~HaruPainter() override;
    HaruPainter(const HaruPainter&) = delete;
    HaruPainter& operator=(const HaruPainter&) = delete;

    // After end_document: the PDF; empty if painting failed.
    std::string take_output();
    bool failed() const;

    void begin_document(const typeset::Document& doc) override;
    void begin_page(double width, double height, const std::string& label) override;
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

// Paints `doc` with a HaruPainter: the PDF, or nullopt when something could not be drawn.
std::optional<std::string> render_with_haru(const typeset::Document& doc,
                                            const HaruOptions& options, Diagnostics& diag);

}  // namespace dw::paint

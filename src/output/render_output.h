#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/executor.h"
#include "paint/haru_painter.h"
#include "typeset/page.h"

namespace dw::output {

enum class Format { Pdf, Png, Svg };

// "x.pdf", "out/x.PNG", ".svg" (any case) -> the format; anything else -> nullopt.
std::optional<Format> format_from_extension(std::string_view path);

enum class PdfBackend { Cairo, Haru };

struct OutputOptions {
    double dpi = 96;         // PNG only
    std::vector<int> pages;  // 1-based page numbers to write; empty: all pages
    // PDF only. PDF/A-1b and permissions need libharu; they choose it whatever `backend` says.
    PdfBackend backend = PdfBackend::Cairo;
    bool pdfa = false;
    std::optional<paint::Permissions> permissions{};
    std::string owner_password{};  // empty with permissions: a random one (see the README)
    bool png_palette = false;  // PNG only: 256 colours, a smaller file (paint/png_palette.h)
    Executor* executor = nullptr;  // Cairo PDF: warms the glyphs ahead (paint/glyph_warmer.h)
};

// The files one write_document call produces, in page order.
//   PDF: always `out_path` (one file, all selected pages).
//   PNG / SVG, one selected page: `out_path` itself.
//   PNG / SVG, several pages: one file per page, next to `out_path`, named after the page's
//   number in the document: out/x.png -> out/x-1.png, out/x-2.png, ...; with pages {2, 5}:
//   out/x-2.png, out/x-5.png. (A single page, whatever its number, is written to `out_path`.)
std::vector<std::string> output_file_names(const std::string& out_path, Format format,
                                           const std::vector<int>& page_numbers);

// Renders `doc` and writes it atomically (see atomic_file.h). On any error (an unknown page
// number, an image that cannot be read, a directory that cannot be written, ...) the errors are
// reported, false is returned and no file is written or replaced. A document without
// metadata.date gets the date from SOURCE_DATE_EPOCH when that is set.
bool write_document(const typeset::Document& doc, Format format, const std::string& out_path,
                    const OutputOptions& options, Diagnostics& diag);

}  // namespace dw::output

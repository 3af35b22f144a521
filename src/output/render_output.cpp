#include "output/render_output.h"

#include "output/pdf_finishing.h"

#include <cmath>
#include <filesystem>
#include <fstream>

#include "output/atomic_file.h"
#include "output/haru_writer.h"
#include "output/pdf_accessibility.h"
#include "output/page_selection.h"
#include "output/source_date.h"
#include "paint/cairo_painter.h"

namespace fs = std::filesystem;

namespace dw::output {

namespace {

constexpr double min_dpi = 1, max_dpi = 2400;

std::string lower(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

paint::CairoTarget cairo_target(Format format) {
    switch (format) {
        case Format::Pdf:
            return paint::CairoTarget::Pdf;
        case Format::Png:
            return paint::CairoTarget::Png;
        case Format::Svg:
            return paint::CairoTarget::Svg;
    }
    return paint::CairoTarget::Pdf;
}

bool uses_haru(const OutputOptions& options) {
    return options.backend == PdfBackend::Haru || options.pdfa || options.permissions;
}

// 128 random bits as hex: an owner password nobody knows, so the restrictions can only be
// lifted by rendering again from the sources. Empty when no randomness is available.
std::string random_password() {
    std::ifstream random("/dev/urandom", std::ios::binary);
    unsigned char bytes[16];
    if (!random.read(reinterpret_cast<char*>(bytes), sizeof bytes)) return {};
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) out += {digits[b >> 4], digits[b & 15]};
    return out;
}

bool check_options(Format format, const OutputOptions& options, Diagnostics& diag) {
    if (format != Format::Pdf && uses_haru(options)) {
        diag.error({}, "--backend haru, --pdf-standard and --permissions apply to PDF output only",
                   "write a .pdf file, or leave these options out");
        return false;
    }
    if (options.pdfa && options.permissions) {
        diag.error({}, "PDF/A-1 forbids encryption, so --pdf-standard and --permissions cannot "
                       "be combined",
                   "write the archival copy and the restricted copy in two runs");
        return false;
    }
    if (format == Format::Png && !(options.dpi >= min_dpi && options.dpi <= max_dpi)) {
        diag.error({}, "resolution " + std::to_string(options.dpi) + " dpi is out of range",
                   "use a resolution between 1 and 2400 dpi, e.g. 96 for previews");
        return false;
    }
    return true;
}

}  // namespace

std::optional<Format> format_from_extension(std::string_view path) {
    // Not fs::path::extension(): that sees no extension in ".png" (a hidden file's name), and
    // callers pass "." + a --format value.
    const std::string name = fs::path(path).filename().string();
    const size_t dot = name.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    const std::string ext = lower(name.substr(dot));
    if (ext == ".pdf") return Format::Pdf;
    if (ext == ".png") return Format::Png;
    if (ext == ".svg") return Format::Svg;
    return std::nullopt;
}

std::vector<std::string> output_file_names(const std::string& out_path, Format format,
                                           const std::vector<int>& page_numbers) {
    if (format == Format::Pdf || page_numbers.size() <= 1) return {out_path};
    const fs::path path(out_path);
    std::vector<std::string> names;
    for (int n : page_numbers) {
        fs::path name = path.parent_path() / (path.stem().string() + "-" + std::to_string(n) +
                                              path.extension().string());
        names.push_back(name.string());
    }
    return names;
}

bool write_document(const typeset::Document& doc, Format format, const std::string& out_path,
                    const OutputOptions& options, Diagnostics& diag) {
    if (doc.pages.empty()) {
        diag.error({out_path}, "nothing to write: the document has no pages");
        return false;
    }
    if (!check_options(format, options, diag)) return false;
    const std::optional<std::vector<int>> numbers =
        resolve_page_numbers(options.pages, doc.pages.size(), diag);
    if (!numbers) return false;

    // Copy the document only when the selection drops or reorders pages.
    std::optional<typeset::Document> selected;
    if (*numbers != *resolve_page_numbers({}, doc.pages.size(), diag)) {
        selected = select_pages(doc, *numbers);
    }
    const typeset::Document& to_paint = selected ? *selected : doc;

    const std::string fallback_date = doc.metadata.date.empty() ? source_date_epoch(diag) : "";
    std::optional<std::vector<std::string>> buffers;
    if (format == Format::Pdf && uses_haru(options)) {
        paint::HaruOptions haru;
        haru.pdfa = options.pdfa;
        haru.permissions = options.permissions;
        haru.owner_password = options.owner_password;
        if (options.permissions && haru.owner_password.empty()) {
            haru.owner_password = random_password();
            if (haru.owner_password.empty()) {
                diag.error({}, "cannot read /dev/urandom for an owner password",
                           "give one with --owner-password");
                return false;
            }
        }
        haru.fallback_date = fallback_date;
        std::optional<std::string> pdf = write_with_haru(to_paint, haru, diag);
        if (!pdf) return false;
        buffers.emplace().push_back(std::move(*pdf));
    } else {
        paint::CairoOptions cairo{cairo_target(format), options.dpi, fallback_date};
        cairo.png_palette = options.png_palette;
        cairo.executor = options.executor;
        buffers = paint::render_with_cairo(to_paint, cairo, diag);
        if (!buffers) return false;
        if (format == Format::Pdf && !buffers->empty() &&
            !finish_pdf(buffers->front(), doc.metadata))
            diag.warning({out_path}, "the PDF has no /Lang entry: Cairo wrote an unexpected layout");
        if (format == Format::Pdf && !buffers->empty() &&
            !finish_accessibility(buffers->front(), to_paint,
                                  doc.metadata.date.empty() ? fallback_date : doc.metadata.date, diag))
            return false;
    }

    const std::vector<std::string> names = output_file_names(out_path, format, *numbers);
    if (names.size() != buffers->size()) {
        diag.error({out_path}, "internal error: " + std::to_string(buffers->size()) +
                                   " rendered file(s) for " + std::to_string(names.size()) +
                                   " name(s); nothing written");
        return false;
    }
    std::vector<std::pair<std::string, std::string_view>> files;
    for (size_t i = 0; i < names.size(); ++i) files.emplace_back(names[i], (*buffers)[i]);
    return write_files_atomically(files, diag);
}

}  // namespace dw::output

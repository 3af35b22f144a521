// render --email-bundle DIR: everything a mail to the partners needs, from one data file and
// layout: the phone picture for the body, the poster PDF and the phone PDF as attachments, and
// index.html, the body itself (see email_html.h).
#include "cli/pipelines/email_bundle.h"

#include <filesystem>
#include <system_error>

#include "cli/pipelines/email_html.h"
#include "cli/pipelines/render_pipeline.h"
#include "output/atomic_file.h"
#include "output/render_output.h"

namespace dw::cli {
namespace {

namespace fs = std::filesystem;

// The mail's picture: 1170 px, a phone's 390 px at three pixels a point.
constexpr int kPictureWidth = 1170;
// Mail clients and providers start to clip or refuse larger inline pictures.
constexpr std::uintmax_t kPictureLimit = 250 * 1024;

std::optional<typeset::Document> typeset_variant(const Options& options, const std::string& master,
                                                 Diagnostics& diags, int& exit_code) {
    Options variant = options;
    variant.page_master = master;
    return build_document(variant, diags, exit_code);
}

bool write(const typeset::Document& doc, output::Format format, const fs::path& path, double dpi,
           Diagnostics& diags) {
    output::OutputOptions out;
    out.dpi = dpi;
    if (format == output::Format::Png) {
        out.pages = {1};
        out.png_palette = true;
    }
    return output::write_document(doc, format, path.string(), out, diags);
}

}  // namespace

int run_email_bundle(const Options& options, Diagnostics& diags) {
    const fs::path dir = options.email_bundle;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        diags.error({dir.string(), 0, 0}, "cannot create the folder: " + ec.message());
        return kIoError;
    }
    int exit_code = kOk;
    std::optional<bind::BoundEmail> email;
    auto document = build_document(options, diags, exit_code, &email);
    if (!document) return exit_code;
    auto phone = typeset_variant(options, kPhoneMaster, diags, exit_code);
    if (!phone || phone->pages.empty()) return exit_code == kOk ? kInputError : exit_code;

    EmailFiles files;
    const std::string stem = fs::path(options.data).stem().string();
    files.document_pdf = stem + ".pdf";
    files.phone_pdf = stem + email->phone_suffix + ".pdf";
    files.picture = stem + email->phone_suffix + ".png";
    const double picture_dpi = kPictureWidth * 72.0 / phone->pages[0].width;
    if (!write(*document, output::Format::Pdf, dir / files.document_pdf, 72, diags) ||
        !write(*phone, output::Format::Pdf, dir / files.phone_pdf, 72, diags) ||
        !write(*phone, output::Format::Png, dir / files.picture, picture_dpi, diags))
        return kIoError;
    if (fs::file_size(dir / files.picture, ec) > kPictureLimit)
        diags.warning({(dir / files.picture).string(), 0, 0},
                      "the picture is larger than 250 KB: some mail clients will not show it",
                      "use fewer photographs or gradients in the phone design");

    std::string html = email_html(*email, *phone, files);
    if (!output::write_file_atomically((dir / "index.html").string(), html, diags)) return kIoError;
    return exit_code;
}

}  // namespace dw::cli

#include "output/streamed_pdf.h"

#include "output/pdf_finishing.h"
#include "output/source_date.h"
#include "paint/cairo_painter.h"

namespace dw::output {

StreamedPdf::StreamedPdf(std::string out_path, const typeset::Metadata& metadata, Diagnostics& diag)
    : out_path_(std::move(out_path)), metadata_(metadata), diag_(diag), file_(out_path_, diag) {
    paint::CairoOptions options;
    fallback_date_ = metadata_.date.empty() ? source_date_epoch(diag_) : "";
    options.fallback_date = fallback_date_;
    options.pdf_sink = [this](std::string_view bytes) { return sink(bytes); };
    painter_ = std::make_unique<paint::CairoPainter>(options, paint_diag_);
    typeset::Document start;  // fonts arrive with the pages
    start.metadata = metadata_;
    painter_->begin_document(start);
    forward_diagnostics();
}

StreamedPdf::~StreamedPdf() = default;

bool StreamedPdf::sink(std::string_view bytes) {
    written_ += bytes.size();
    if (!decided_ || tagged_) {
        held_.append(bytes);
        return true;
    }
    return file_.append(bytes);
}

void StreamedPdf::decide(const typeset::Page& first) {
    decided_ = true;
    tagged_ = has_structure(first);
    if (tagged_) return;
    file_.append(held_);
    std::string().swap(held_);
}

void StreamedPdf::forward_diagnostics() {
    const auto& all = paint_diag_.all();
    for (; forwarded_ < all.size(); ++forwarded_) diag_.add(all[forwarded_]);
}

void StreamedPdf::add_page(const typeset::Page& page, const std::vector<typeset::FontFace>& fonts) {
    if (!file_.ok() || painter_->failed()) return;
    if (!decided_) decide(page);
    if (tagged_) element_texts_.add(page);
    painter_->update_fonts(fonts);
    paint::paint_page(page, *painter_);
    ++pages_;
    forward_diagnostics();
}

void StreamedPdf::warm(const typeset::Page& page, const std::vector<typeset::FontFace>& fonts) {
    if (!file_.ok() || painter_->failed()) return;
    painter_->warm(page, fonts);
    forward_diagnostics();
}

bool StreamedPdf::commit() {
    painter_->end_document();
    forward_diagnostics();
    if (!file_.ok() || painter_->failed()) return false;
    if (pages_ == 0) {
        diag_.error({out_path_}, "nothing to write: the document has no pages");
        return false;
    }
    std::vector<std::string> rest = painter_->take_output();
    if (rest.size() != 1) {
        diag_.error({out_path_}, "internal error: Cairo wrote no end of the PDF; nothing written");
        return false;
    }
    if (!finish_pdf_tail(rest.front(), written_, metadata_))
        diag_.warning({out_path_}, "the PDF has no /Lang entry: Cairo wrote an unexpected layout");
    if (!tagged_) return file_.append(rest.front()) && file_.commit();
    held_ += rest.front();
    const std::string& date = metadata_.date.empty() ? fallback_date_ : metadata_.date;
    return finish_accessibility(held_, metadata_, element_texts_.all(), date, diag_) &&
           file_.append(held_) && file_.commit();
}

}  // namespace dw::output

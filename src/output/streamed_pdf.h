#pragma once
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "output/pdf_accessibility.h"
#include "output/staged_file.h"
#include "typeset/page.h"

namespace dw::paint {
class CairoPainter;
}

namespace dw::output {

// A PDF painted with Cairo page by page, straight into its staged temporary file next to the
// target: only the page being painted is in memory, however long the document (imposed card
// sheets of thousands of cards). A document whose pages carry structure tags (card faces) is
// held in memory instead, since its PDF/UA finishing (pdf_accessibility.h) needs the whole file;
// its size grows with the deck as Cairo's structure tree does anyway. The first page decides.
// commit() finishes the PDF (Cairo's closing objects, the catalog entries of pdf_finishing.h,
// and for a tagged document the PDF/UA finishing) and renames it into place. Without a commit (an error found
// halfway) the temporary file is removed and an existing output stays as it was. The bytes are
// those write_document writes for the same pages and metadata. Page boxes (TrimBox, BleedBox)
// are not written: they need libqpdf on the whole file, so such pages go through write_document.
class StreamedPdf {
public:
    StreamedPdf(std::string out_path, const typeset::Metadata& metadata, Diagnostics& diag);
    ~StreamedPdf();
    StreamedPdf(const StreamedPdf&) = delete;
    StreamedPdf& operator=(const StreamedPdf&) = delete;

    // Paints `page`; `fonts` is the font table its glyph runs index, which may have grown since
    // the previous page. Does nothing once writing has failed (that was reported).
    void add_page(const typeset::Page& page, const std::vector<typeset::FontFace>& fonts);
    // Loads what painting `page` will need, ahead of it (CairoPainter::warm); paints nothing.
    void warm(const typeset::Page& page, const std::vector<typeset::FontFace>& fonts);
    int pages() const { return pages_; }
    // False (reported) when anything failed; nothing is then written or replaced.
    bool commit();

private:
    bool sink(std::string_view bytes);
    void decide(const typeset::Page& first);
    void forward_diagnostics();

    std::string out_path_;
    typeset::Metadata metadata_;
    Diagnostics& diag_;
    // The painter's own: it judges its success by its error count, and errors about cards
    // found meanwhile (with --keep-going) must not make it look failed.
    Diagnostics paint_diag_;
    size_t forwarded_ = 0;
    StagedFile file_;
    size_t written_ = 0;  // bytes in the file so far
    std::unique_ptr<paint::CairoPainter> painter_;
    int pages_ = 0;
    std::string fallback_date_;  // the date Cairo writes when the metadata has none
    bool decided_ = false;       // whether the first page has said if the document is tagged
    bool tagged_ = false;
    std::string held_;           // the bytes not in the file: all of a tagged document's
    ElementTexts element_texts_;
};

}  // namespace dw::output

#pragma once
#include <cstdio>
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

// A PDF painted with Cairo page by page, however long the document (imposed card sheets of
// thousands of cards): only the page being painted is in memory. Cairo's bytes go to a scratch
// file (unnamed, in $TMPDIR or /tmp); commit() adds Cairo's closing objects and the catalog
// entries of pdf_finishing.h, then the PDF/UA finishing (pdf_accessibility.h) reads the scratch
// file as it needs and writes the finished PDF into the output's staged file, and renames that
// into place. What grows with the document is its structure: Cairo's structure tree and the
// finishing's object table, a few KB per card. Without a commit (an error found halfway) nothing
// is written and an existing output stays as it was. The bytes are those write_document writes
// for the same pages and metadata, page boxes (TrimBox, BleedBox) included.
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
    void forward_diagnostics();

    std::string out_path_;
    typeset::Metadata metadata_;
    Diagnostics& diag_;
    // The painter's own: it judges its success by its error count, and errors about cards
    // found meanwhile (with --keep-going) must not make it look failed.
    Diagnostics paint_diag_;
    size_t forwarded_ = 0;
    StagedFile file_;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> scratch_;  // Cairo's PDF; null: failed
    size_t written_ = 0;  // bytes in the scratch file so far
    std::unique_ptr<paint::CairoPainter> painter_;
    int pages_ = 0;
    std::string fallback_date_;  // the date Cairo writes when the metadata has none
    PageFacts page_facts_;
};

}  // namespace dw::output

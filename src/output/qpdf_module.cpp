#include "output/qpdf_module.h"

#include <string>
#include <vector>

// qpdf 11: opt out of the deprecated PointerHolder compatibility layer (std::shared_ptr only).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "output/qpdf_sink.h"

namespace {

QPDFObjectHandle pdf_rect(const DrukwerkPdfRect& r) {
    return QPDFObjectHandle::newFromRectangle(
        QPDFObjectHandle::Rectangle(r.left, r.bottom, r.right, r.top));
}

}  // namespace

// The rewrite uses deterministic IDs, so re-renders stay byte-identical.
extern "C" int drukwerk_qpdf_set_page_boxes(const char* pdf, size_t pdf_size,
                                            const DrukwerkPageBoxes* pages, size_t page_count,
                                            DrukwerkBytesSink out, DrukwerkBytesSink error,
                                            void* context) {
    // No exception may leave the module: the caller is another program's C entry point.
    try {
        QPDF qpdf;
        qpdf.setSuppressWarnings(true);
        qpdf.processMemoryFile("drukwerk.pdf", pdf, pdf_size);
        std::vector<QPDFPageObjectHelper> pdf_pages = QPDFPageDocumentHelper(qpdf).getAllPages();
        if (pdf_pages.size() != page_count) {
            dw::qpdf_sink::report(error, context,
                   "internal error: the PDF has " + std::to_string(pdf_pages.size()) +
                       " pages for " + std::to_string(page_count) + " typeset pages");
            return 1;
        }
        for (size_t i = 0; i < page_count; ++i) {
            QPDFObjectHandle dict = pdf_pages[i].getObjectHandle();
            if (pages[i].has_trim) dict.replaceKey("/TrimBox", pdf_rect(pages[i].trim));
            if (pages[i].has_bleed) dict.replaceKey("/BleedBox", pdf_rect(pages[i].bleed));
        }
        dw::qpdf_sink::write(qpdf, out, context);
        return 0;
    } catch (const std::exception& e) {
        dw::qpdf_sink::report(error, context, std::string("cannot set the PDF page boxes: ") + e.what());
        return 1;
    }
}

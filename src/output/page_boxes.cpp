#include "output/page_boxes.h"

// qpdf 11: opt out of the deprecated PointerHolder compatibility layer (std::shared_ptr only).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace dw::output {
namespace {

// A rectangle in page coordinates (y down from the top) as a PDF array (y up from the bottom).
QPDFObjectHandle pdf_rect(const typeset::Rect& r, double page_height) {
    return QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(
        r.x, page_height - (r.y + r.h), r.x + r.w, page_height - r.y));
}

}  // namespace

bool has_page_boxes(const std::vector<typeset::Page>& pages) {
    for (const auto& page : pages)
        if (page.trim_box || page.bleed_box) return true;
    return false;
}

bool add_page_boxes(std::string& pdf, const std::vector<typeset::Page>& pages, Diagnostics& diags) {
    try {
        QPDF qpdf;
        qpdf.setSuppressWarnings(true);
        qpdf.processMemoryFile("drukwerk.pdf", pdf.data(), pdf.size());
        std::vector<QPDFPageObjectHelper> pdf_pages = QPDFPageDocumentHelper(qpdf).getAllPages();
        if (pdf_pages.size() != pages.size()) {
            diags.error({}, "internal error: the PDF has " + std::to_string(pdf_pages.size()) +
                                " pages for " + std::to_string(pages.size()) + " typeset pages");
            return false;
        }
        for (size_t i = 0; i < pages.size(); ++i) {
            QPDFObjectHandle dict = pdf_pages[i].getObjectHandle();
            if (pages[i].trim_box)
                dict.replaceKey("/TrimBox", pdf_rect(*pages[i].trim_box, pages[i].height));
            if (pages[i].bleed_box)
                dict.replaceKey("/BleedBox", pdf_rect(*pages[i].bleed_box, pages[i].height));
        }
        QPDFWriter writer(qpdf);
        writer.setOutputMemory();
        writer.setDeterministicID(true);
        writer.write();
        auto buffer = writer.getBufferSharedPointer();
        pdf.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
        return true;
    } catch (const std::exception& e) {
        diags.error({}, std::string("cannot set the PDF page boxes: ") + e.what());
        return false;
    }
}

}  // namespace dw::output

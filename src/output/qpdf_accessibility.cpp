// The accessibility step of drukwerk-qpdf.so (see qpdf_module.h): what Cairo 1.16 cannot write
// for PDF/UA-1, added to the PDF it wrote.
#include <string>
#include <vector>

#include "output/qpdf_module.h"

// qpdf 11: opt out of the deprecated PointerHolder compatibility layer (std::shared_ptr only).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace {

// Wraps every run of page content that lies outside marked content in "/Artifact BMC … EMC":
// what drukwerk draws outside a leaf structure tag (decoration, rules, backgrounds, decorative
// images) is not real content, and PDF/UA wants that said. Cairo opens and closes marked
// content only between text objects, so a wrapper never straddles BT … ET.
class ArtifactWrapper final : public QPDFObjectHandle::TokenFilter {
public:
    void handleToken(QPDFTokenizer::Token const& token) override {
        if (token.getType() != QPDFTokenizer::tt_word) {
            pending_.push_back(token);
            return;
        }
        const std::string& op = token.getValue();
        if (op == "BDC" || op == "BMC") {
            if (depth_ == 0) close_wrapper();
            ++depth_;
        } else if (op == "EMC") {
            if (depth_ > 0) --depth_;
        } else if (depth_ == 0 && !wrapping_) {
            write("/Artifact BMC\n");
            wrapping_ = true;
        }
        flush();
        writeToken(token);
    }
    void handleEOF() override {
        flush();
        close_wrapper();
    }

private:
    void flush() {
        for (const auto& t : pending_) writeToken(t);
        pending_.clear();
    }
    void close_wrapper() {
        if (!wrapping_) return;
        write("\nEMC\n");
        wrapping_ = false;
    }

    std::vector<QPDFTokenizer::Token> pending_;  // operands (and spaces) of the next operator
    int depth_ = 0;
    bool wrapping_ = false;
};

void wrap_artifacts(QPDF& qpdf, QPDFPageObjectHelper& page) {
    ArtifactWrapper wrapper;
    Pl_Buffer buffer("artifacts");
    page.filterContents(&wrapper, &buffer);
    buffer.finish();
    QPDFObjectHandle contents = QPDFObjectHandle::newStream(&qpdf, buffer.getBufferSharedPointer());
    page.getObjectHandle().replaceKey("/Contents", contents);
}

// A link annotation's /Contents (its alternate description): the web address, or the name of
// the destination inside the document.
void describe_links(QPDFObjectHandle page) {
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (!annots.isArray() || annots.getArrayNItems() == 0) return;
    page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
    for (QPDFObjectHandle annot : annots.aitems()) {
        if (!annot.isDictionary() || !annot.getKey("/Subtype").isNameAndEquals("/Link") ||
            annot.hasKey("/Contents"))
            continue;
        QPDFObjectHandle action = annot.getKey("/A");
        QPDFObjectHandle dest = annot.getKey("/Dest");
        std::string text;
        if (action.isDictionary() && action.getKey("/URI").isString())
            text = action.getKey("/URI").getUTF8Value();
        else if (dest.isString())
            text = dest.getUTF8Value();
        else if (dest.isName())
            text = dest.getName().substr(1);
        if (!text.empty()) annot.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(text));
    }
}

// Depth first through the structure tree, in the order the elements were begun.
void set_figure_alts(QPDFObjectHandle element, const DrukwerkAccessibility& a, size_t& figure) {
    if (element.isArray()) {
        for (QPDFObjectHandle kid : element.aitems()) set_figure_alts(kid, a, figure);
        return;
    }
    if (!element.isDictionary()) return;  // a marked-content id
    QPDFObjectHandle type = element.getKey("/Type");
    if (!type.isNull() && !type.isNameAndEquals("/StructElem")) return;  // MCR, OBJR
    if (element.getKey("/S").isNameAndEquals("/Figure")) {
        if (figure < a.figure_count && a.figure_alts[figure])
            element.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(a.figure_alts[figure]));
        ++figure;
    }
    set_figure_alts(element.getKey("/K"), a, figure);
}

void add_metadata(QPDF& qpdf, const DrukwerkAccessibility& a) {
    QPDFObjectHandle xmp = QPDFObjectHandle::newStream(&qpdf, std::string(a.xmp, a.xmp_size));
    xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    qpdf.getRoot().replaceKey("/Metadata", xmp);
}

void report(DrukwerkBytesSink error, void* context, const std::string& message) {
    error(context, message.data(), message.size());
}

}  // namespace

extern "C" int drukwerk_qpdf_finish_accessibility(const char* pdf, size_t pdf_size,
                                                  const DrukwerkAccessibility* accessibility,
                                                  DrukwerkBytesSink out, DrukwerkBytesSink error,
                                                  void* context) {
    // No exception may leave the module: the caller is another program's C entry point.
    try {
        QPDF qpdf;
        qpdf.setSuppressWarnings(true);
        qpdf.processMemoryFile("drukwerk.pdf", pdf, pdf_size);
        add_metadata(qpdf, *accessibility);
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(qpdf).getAllPages()) {
            describe_links(page.getObjectHandle());
            wrap_artifacts(qpdf, page);
        }
        size_t figure = 0;
        set_figure_alts(qpdf.getRoot().getKey("/StructTreeRoot").getKey("/K"), *accessibility,
                        figure);
        QPDFWriter writer(qpdf);
        writer.setOutputMemory();
        writer.setDeterministicID(true);
        writer.write();
        auto buffer = writer.getBufferSharedPointer();
        out(context, reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
        return 0;
    } catch (const std::exception& e) {
        report(error, context, std::string("cannot finish the tagged PDF: ") + e.what());
        return 1;
    }
}

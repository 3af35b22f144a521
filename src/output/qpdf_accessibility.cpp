// The accessibility step of drukwerk-qpdf.so (see qpdf_module.h): what Cairo 1.16 cannot write
// for PDF/UA-1, added to the PDF it wrote.
#include <cctype>
#include <cstring>
#include <string>
#include <string_view>
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

// Content-stream syntax, just enough to find the operators: the end of the token at `i`.
size_t token_end(std::string_view s, size_t i) {
    auto delimiter = [](char c) {
        return std::strchr(" \t\r\n\f()<>[]{}/%", c) != nullptr || c == '\0';
    };
    const char c = s[i];
    if (c == '(') {  // a literal string: balanced parentheses, backslash escapes
        int depth = 0;
        for (; i < s.size(); ++i) {
            if (s[i] == '\\') ++i;
            else if (s[i] == '(') ++depth;
            else if (s[i] == ')' && --depth == 0) return i + 1;
        }
        return s.size();
    }
    if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {  // a dictionary, strings inside
        int depth = 0;
        while (i < s.size()) {
            if (s.compare(i, 2, "<<") == 0) { ++depth; i += 2; }
            else if (s.compare(i, 2, ">>") == 0) { i += 2; if (--depth == 0) return i; }
            else if (s[i] == '(' || s[i] == '<') i = token_end(s, i);
            else ++i;
        }
        return s.size();
    }
    if (c == '<') {  // a hex string
        const size_t close = s.find('>', i);
        return close == std::string_view::npos ? s.size() : close + 1;
    }
    if (c == '%') {  // a comment
        const size_t eol = s.find_first_of("\r\n", i);
        return eol == std::string_view::npos ? s.size() : eol;
    }
    if (std::strchr("[]{}", c)) return i + 1;
    size_t end = i + 1;
    while (end < s.size() && !delimiter(s[end])) ++end;
    return end;
}

bool is_operator(std::string_view token) {
    const char c = token.front();
    if (c == '/' || c == '(' || c == '<' || c == '[' || c == ']' || c == '{' || c == '}') return false;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') return false;
    return token != "true" && token != "false" && token != "null";
}

// Wraps every run of page content that lies outside marked content in "/Artifact BMC … EMC":
// what drukwerk draws outside a leaf structure tag (decoration, rules, backgrounds, decorative
// images, running headers and footers) is not real content, and PDF/UA wants that said. Cairo
// opens and closes marked content only between text objects, so a wrapper never straddles
// BT … ET. A scanner of its own: qpdf's tokenizer makes a string of every token, which cost
// more than the whole rest of the render.
std::string wrap_artifacts(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 16);
    int depth = 0;
    bool wrapping = false;
    size_t operands = 0;  // where the operands of the next operator begin
    size_t i = 0;
    while (i < in.size()) {
        const char c = in[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0') {
            ++i;
            continue;
        }
        const size_t end = token_end(in, i);
        const std::string_view token = in.substr(i, end - i);
        i = end;
        if (!is_operator(token)) continue;
        if (token == "BDC" || token == "BMC") {
            if (depth++ == 0 && wrapping) {
                out += "\nEMC\n";
                wrapping = false;
            }
        } else if (token == "EMC") {
            if (depth > 0) --depth;
        } else if (depth == 0 && !wrapping) {
            out += "/Artifact BMC\n";
            wrapping = true;
        }
        if (token == "ID") {  // inline image data: up to the EI after white space
            size_t ei = i + 1;
            while ((ei = in.find("EI", ei)) != std::string_view::npos &&
                   !(std::isspace(static_cast<unsigned char>(in[ei - 1])) &&
                     (ei + 2 == in.size() || std::isspace(static_cast<unsigned char>(in[ei + 2])))))
                ++ei;
            i = ei == std::string_view::npos ? in.size() : ei + 2;
        }
        out.append(in.substr(operands, i - operands));
        operands = i;
    }
    out.append(in.substr(operands));
    if (wrapping) out += "\nEMC\n";
    return out;
}

void wrap_artifacts(QPDF& qpdf, QPDFPageObjectHelper& page) {
    Pl_Buffer buffer("page contents");
    page.pipeContents(&buffer);
    buffer.finish();
    auto data = buffer.getBufferSharedPointer();
    const std::string wrapped = wrap_artifacts(
        std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
    auto bytes = std::make_shared<Buffer>(wrapped.size());
    std::memcpy(bytes->getBuffer(), wrapped.data(), wrapped.size());
    page.getObjectHandle().replaceKey("/Contents", QPDFObjectHandle::newStream(&qpdf, bytes));
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

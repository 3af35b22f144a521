#pragma once
// Inside the libqpdf module only (include it after the qpdf headers and their
// POINTERHOLDER_TRANSITION): writing a PDF that qpdf read, with only the objects a pass changed
// written anew and every other object copied byte for byte from the original.
//
// Why not QPDFWriter: it parses and writes every object of the file and pipes every stream, and
// qpdf numbers a new indirect object (QPDF::newStream) only after parsing every object too. A
// card sheet's structure tree is thousands of small objects, the finishing changes a few per
// page, and the rest of Cairo's PDF is already right. Invariant: the original has a classic
// cross-reference table and no object streams (Cairo 1.16 writes no others); anything else is
// refused with an exception.
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "output/qpdf_module.h"

namespace dw::qpdf_splice {

// What a pass changed in qpdf's model of the document.
class Edits {
public:
    // `object` (or, when it is a direct object, the indirect `owner` that holds it) is written
    // anew from qpdf's model. A changed stream is written Flate-compressed.
    void changed(QPDFObjectHandle object, QPDFObjectHandle owner);

    // A new indirect stream with `dictionary` and uncompressed `data`, numbered after the
    // original's objects without QPDF::newStream (see above). Returns the reference to put in
    // another object; qpdf's model holds the dictionary only.
    QPDFObjectHandle add_stream(QPDF& qpdf, QPDFObjectHandle dictionary, std::string data);

    // An entry ("/ActualText <feff...>") for the dictionary of `object`, written into it right
    // after its "<<" whether the object is copied or written anew: the object need not be parsed.
    void add_entry(QPDFObjGen object, const std::string& entry) { entries_[object] += " " + entry; }

    const std::set<QPDFObjGen>& changed_objects() const { return changed_; }
    const std::map<QPDFObjGen, std::string>& added_streams() const { return added_; }
    const std::map<QPDFObjGen, std::string>& entries() const { return entries_; }

private:
    std::set<QPDFObjGen> changed_;
    std::map<QPDFObjGen, std::string> added_;
    std::map<QPDFObjGen, std::string> entries_;
};

// The objects of a PDF as written, found through qpdf's cross-reference table without parsing
// them: the text from "N G obj" up to the next object (or the table).
class RawObjects {
public:
    RawObjects(QPDF& qpdf, std::string_view pdf);
    // "N G obj ... endobj" and what follows up to the next object; empty when not in the file.
    std::string_view object(QPDFObjGen og) const;
    // The object's value after "obj" (a dictionary: "<< ... >>"); empty when not in the file.
    std::string_view value(QPDFObjGen og) const;
    // In file order: where each object begins.
    const std::vector<std::pair<size_t, QPDFObjGen>>& in_file_order() const { return order_; }
    size_t cross_reference_table() const { return table_; }

private:
    std::string_view pdf_;
    std::vector<std::pair<size_t, QPDFObjGen>> order_;
    std::map<QPDFObjGen, size_t> index_;  // into order_
    size_t table_ = 0;
};

// The original PDF with `edits` applied, a complete file with one cross-reference table and a
// trailer /ID made from its bytes (the same bytes give the same ID), handed to `out` in pieces
// of about 1 MB, in order.
void write(QPDF& qpdf, const RawObjects& original, std::string_view pdf, const Edits& edits,
           DrukwerkBytesSink out, void* context);

}  // namespace dw::qpdf_splice

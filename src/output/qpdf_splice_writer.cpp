// See qpdf_splice_writer.h.
#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <utility>
#include <vector>

// qpdf 11: opt out of the deprecated PointerHolder compatibility layer (std::shared_ptr only).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFXRefEntry.hh>

#include "output/qpdf_splice_writer.h"

namespace dw::qpdf_splice {

void Edits::changed(QPDFObjectHandle object, QPDFObjectHandle owner) {
    if (object.isIndirect())
        changed_.insert(object.getObjGen());
    else if (owner.isIndirect())
        changed_.insert(owner.getObjGen());
    else
        throw std::logic_error("a changed direct object without an indirect owner");
}

QPDFObjectHandle Edits::add_stream(QPDF& qpdf, QPDFObjectHandle dictionary, std::string data) {
    const int size = qpdf.getTrailer().getKey("/Size").getIntValueAsInt();
    const QPDFObjGen number(size + static_cast<int>(added_.size()), 0);
    qpdf.replaceObject(number, dictionary);  // files it under a number no object of the file has
    added_.emplace(number, std::move(data));
    return qpdf.getObject(number);
}

namespace {

// Where the original's cross-reference table begins (its startxref), checked to be a table.
size_t find_cross_reference_table(std::string_view pdf) {
    const size_t keyword = pdf.rfind("startxref");
    if (keyword == std::string_view::npos) throw std::runtime_error("no startxref in the PDF");
    const size_t digits = pdf.find_first_of("0123456789", keyword);
    if (digits == std::string_view::npos) throw std::runtime_error("no startxref offset in the PDF");
    size_t offset = 0;
    for (size_t i = digits; i < pdf.size() && pdf[i] >= '0' && pdf[i] <= '9'; ++i)
        offset = offset * 10 + static_cast<size_t>(pdf[i] - '0');
    if (offset >= pdf.size() || pdf.compare(offset, 4, "xref") != 0)
        throw std::runtime_error("the PDF has no classic cross-reference table");
    return offset;
}

}  // namespace

RawObjects::RawObjects(QPDF& qpdf, std::string_view pdf)
    : pdf_(pdf), table_(find_cross_reference_table(pdf)) {
    for (const auto& [og, entry] : qpdf.getXRefTable()) {
        if (entry.getType() == 2) throw std::runtime_error("the PDF has object streams");
        if (entry.getType() == 1) order_.emplace_back(static_cast<size_t>(entry.getOffset()), og);
    }
    std::sort(order_.begin(), order_.end());
    for (size_t i = 0; i < order_.size(); ++i) {
        const size_t end = i + 1 < order_.size() ? order_[i + 1].first : table_;
        if (order_[i].first >= end || end > pdf_.size())
            throw std::runtime_error("overlapping objects in the PDF");
        index_[order_[i].second] = i;
    }
}

std::string_view RawObjects::object(QPDFObjGen og) const {
    const auto at = index_.find(og);
    if (at == index_.end()) return {};
    const size_t begin = order_[at->second].first;
    const size_t end = at->second + 1 < order_.size() ? order_[at->second + 1].first : table_;
    return pdf_.substr(begin, end - begin);
}

std::string_view RawObjects::value(QPDFObjGen og) const {
    const std::string_view text = object(og);
    const size_t obj = text.find("obj");
    return obj == std::string_view::npos ? std::string_view{} : text.substr(obj + 3);
}

namespace {

// The output as it is written: its length so far, its MD5 (for the /ID), and pieces of about
// 1 MB handed on.
class Output {
public:
    Output(DrukwerkBytesSink sink, void* context)
        : sink_(sink), context_(context), md5_(QPDFCryptoProvider::getImpl()) {
        md5_->MD5_init();
    }
    void append(std::string_view bytes) {
        if (!digested_)
            md5_->MD5_update(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
        pending_.append(bytes);
        written_ += bytes.size();
        if (pending_.size() >= kPiece) flush();
    }
    size_t size() const { return written_; }
    // Of everything appended so far; what is appended after it is not hashed.
    std::string digest() {
        digested_ = true;
        md5_->MD5_finalize();
        QPDFCryptoImpl::MD5_Digest digest;
        md5_->MD5_digest(digest);
        return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
    }
    void flush() {
        if (!pending_.empty()) sink_(context_, pending_.data(), pending_.size());
        pending_.clear();
    }

private:
    static constexpr size_t kPiece = 1 << 20;
    DrukwerkBytesSink sink_;
    void* context_;
    std::shared_ptr<QPDFCryptoImpl> md5_;
    std::string pending_;
    size_t written_ = 0;
    bool digested_ = false;
};

std::string object_header(QPDFObjGen og) {
    return std::to_string(og.getObj()) + " " + std::to_string(og.getGen()) + " obj\n";
}

// `entry` (may be empty) goes right after the dictionary's "<<".
void append_dictionary(Output& out, std::string_view dictionary, std::string_view entry) {
    const size_t open = dictionary.find("<<");
    if (entry.empty() || open == std::string_view::npos) return out.append(dictionary);
    out.append(dictionary.substr(0, open + 2));
    out.append(entry);
    out.append(dictionary.substr(open + 2));
}

void append_stream(Output& out, QPDFObjGen og, QPDFObjectHandle dictionary, std::string_view data,
                   std::string_view entry) {
    dictionary.replaceKey("/Length", QPDFObjectHandle::newInteger(static_cast<long long>(data.size())));
    out.append(object_header(og));
    append_dictionary(out, dictionary.unparse(), entry);
    out.append("\nstream\n");
    out.append(data);
    out.append("\nendstream\nendobj\n");
}

// A changed object from qpdf's model; stream data decoded and compressed again with Flate where
// qpdf can decode it, left as it is (filters kept) where it cannot.
void append_changed(Output& out, QPDFObjectHandle object, std::string_view entry) {
    if (!object.isStream()) {
        out.append(object_header(object.getObjGen()));
        append_dictionary(out, object.unparseResolved(), entry);
        out.append("\nendobj\n");
        return;
    }
    Pl_Buffer buffer("changed stream");
    bool filtered = false;
    if (!object.pipeStreamData(&buffer, &filtered, qpdf_ef_compress, qpdf_dl_generalized))
        throw std::runtime_error("cannot read the data of object " + object.getObjGen().unparse(' '));
    auto data = buffer.getBufferSharedPointer();
    QPDFObjectHandle dictionary = object.getDict().shallowCopy();
    if (filtered) {
        dictionary.replaceKey("/Filter", QPDFObjectHandle::newName("/FlateDecode"));
        dictionary.removeKey("/DecodeParms");
    }
    append_stream(out, object.getObjGen(), dictionary,
                  std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()),
                  entry);
}

void append_cross_reference(Output& out, const std::vector<std::pair<QPDFObjGen, size_t>>& at,
                            int size, QPDFObjectHandle trailer) {
    std::vector<std::pair<size_t, int>> entries(static_cast<size_t>(size), {0, 65535});
    for (const auto& [og, offset] : at) entries[static_cast<size_t>(og.getObj())] = {offset, og.getGen()};
    const size_t table = out.size();
    out.append("xref\n0 " + std::to_string(size) + "\n");
    char line[21];
    for (size_t i = 0; i < entries.size(); ++i) {
        const bool used = i != 0 && entries[i].second != 65535;
        std::snprintf(line, sizeof line, "%010zu %05d %c \n", used ? entries[i].first : size_t{0},
                      entries[i].second, used ? 'n' : 'f');
        out.append(std::string_view(line, 20));
    }
    // The /ID: both halves the MD5 of everything before the trailer, as for a new file.
    const std::string id = out.digest();
    trailer.replaceKey("/ID", QPDFObjectHandle::newArray({QPDFObjectHandle::newString(id),
                                                          QPDFObjectHandle::newString(id)}));
    trailer.replaceKey("/Size", QPDFObjectHandle::newInteger(size));
    trailer.removeKey("/Prev");
    trailer.removeKey("/XRefStm");
    out.append("trailer\n" + trailer.unparse() + "\nstartxref\n" + std::to_string(table) + "\n%%EOF\n");
}

}  // namespace

void write(QPDF& qpdf, const RawObjects& original, std::string_view pdf, const Edits& edits,
           DrukwerkBytesSink sink, void* context) {
    const auto& objects = original.in_file_order();
    const size_t first = objects.empty() ? original.cross_reference_table() : objects.front().first;
    Output out(sink, context);
    out.append(pdf.substr(0, first));  // the header
    std::vector<std::pair<QPDFObjGen, size_t>> at;
    size_t changed = 0, entries = 0;
    for (const auto& [offset, og] : objects) {
        at.emplace_back(og, out.size());
        const auto entry = edits.entries().find(og);
        const std::string_view added = entry == edits.entries().end() ? "" : std::string_view(entry->second);
        entries += !added.empty();
        if (edits.changed_objects().count(og)) {
            append_changed(out, qpdf.getObject(og), added);
            ++changed;
        } else {
            append_dictionary(out, original.object(og), added);
        }
    }
    if (changed != edits.changed_objects().size() || entries != edits.entries().size())
        throw std::logic_error("a changed object that is not in the original PDF");
    for (const auto& [og, data] : edits.added_streams()) {
        at.emplace_back(og, out.size());
        append_stream(out, og, qpdf.getObject(og).shallowCopy(), data, {});
    }
    int size = qpdf.getTrailer().getKey("/Size").getIntValueAsInt();
    for (const auto& entry : at) size = std::max(size, entry.first.getObj() + 1);
    append_cross_reference(out, at, size, qpdf.getTrailer().shallowCopy());
    out.flush();
}

}  // namespace dw::qpdf_splice

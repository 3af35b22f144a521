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

void append_stream(Output& out, QPDFObjGen og, QPDFObjectHandle dictionary, std::string_view data) {
    dictionary.replaceKey("/Length", QPDFObjectHandle::newInteger(static_cast<long long>(data.size())));
    out.append(object_header(og));
    out.append(dictionary.unparse());
    out.append("\nstream\n");
    out.append(data);
    out.append("\nendstream\nendobj\n");
}

// A changed object from qpdf's model; stream data decoded and compressed again with Flate where
// qpdf can decode it, left as it is (filters kept) where it cannot.
void append_changed(Output& out, QPDFObjectHandle object) {
    if (!object.isStream()) {
        out.append(object_header(object.getObjGen()));
        out.append(object.unparseResolved());
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
                  std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
}

// Where the original's cross-reference table begins (its startxref), checked to be a table.
size_t cross_reference_table(std::string_view pdf) {
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

void write(QPDF& qpdf, std::string_view original, const Edits& edits, DrukwerkBytesSink sink,
           void* context) {
    // The original's objects in file order; each runs up to the next one, the last one up to
    // the cross-reference table.
    std::vector<std::pair<qpdf_offset_t, QPDFObjGen>> objects;
    for (const auto& [og, entry] : qpdf.getXRefTable()) {
        if (entry.getType() == 2) throw std::runtime_error("the PDF has object streams");
        if (entry.getType() == 1) objects.emplace_back(entry.getOffset(), og);
    }
    std::sort(objects.begin(), objects.end());
    const size_t table = cross_reference_table(original);
    const size_t first = objects.empty() ? table : static_cast<size_t>(objects.front().first);

    Output out(sink, context);
    out.append(original.substr(0, first));  // the header
    std::vector<std::pair<QPDFObjGen, size_t>> at;
    size_t changed = 0;
    for (size_t i = 0; i < objects.size(); ++i) {
        const auto [offset, og] = objects[i];
        const size_t begin = static_cast<size_t>(offset);
        const size_t end = i + 1 < objects.size() ? static_cast<size_t>(objects[i + 1].first) : table;
        if (begin >= end || end > original.size())
            throw std::runtime_error("overlapping objects in the PDF");
        at.emplace_back(og, out.size());
        if (edits.changed_objects().count(og)) {
            append_changed(out, qpdf.getObject(og));
            ++changed;
        } else {
            out.append(original.substr(begin, end - begin));
        }
    }
    if (changed != edits.changed_objects().size())  // one made with QPDF::newStream, say
        throw std::logic_error("a changed object that is not in the original PDF");
    for (const auto& [og, data] : edits.added_streams()) {
        at.emplace_back(og, out.size());
        append_stream(out, og, qpdf.getObject(og).shallowCopy(), data);
    }
    int size = qpdf.getTrailer().getKey("/Size").getIntValueAsInt();
    for (const auto& entry : at) size = std::max(size, entry.first.getObj() + 1);
    append_cross_reference(out, at, size, qpdf.getTrailer().shallowCopy());
    out.flush();
}

}  // namespace dw::qpdf_splice

#include "output/pdf_splice.h"

#include <glib.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

#include "output/flate.h"

namespace dw::pdf {

const Value& Edits::read(int number) {
    auto found = parsed_.find(number);
    if (found == parsed_.end()) {
        const std::string_view text = file_.value(number);
        if (text.empty())
            throw std::runtime_error("the PDF has no object " + std::to_string(number));
        found = parsed_.emplace(number, Value::parse(text)).first;
    }
    return found->second;
}

Value& Edits::change(int number) {
    read(number);
    if (streams_.count(number))
        throw std::logic_error("a changed stream's dictionary is changed too");
    changed_.insert(number);
    return parsed_.at(number);
}

void Edits::change_stream(int number, std::function<std::string()> make) {
    if (changed_.count(number))
        throw std::logic_error("a changed dictionary's stream is changed too");
    streams_[number] = std::move(make);
}

int Edits::add_stream(Value dictionary, std::string data) {
    const int number = file_.size() + static_cast<int>(added_.size());
    added_.emplace(number, std::pair{std::move(dictionary), std::move(data)});
    return number;
}

namespace {

// The output as it is written: its length so far, its MD5 (for the /ID), and pieces of about
// 1 MB handed on.
class Output {
public:
    explicit Output(const std::function<bool(std::string_view)>& out) : out_(out) {}
    void append(std::string_view bytes) {
        if (failed_) return;
        if (!digested_)
            g_checksum_update(md5_.get(), reinterpret_cast<const guchar*>(bytes.data()),
                              static_cast<gssize>(bytes.size()));
        pending_.append(bytes);
        written_ += bytes.size();
        if (pending_.size() >= kPiece) flush();
    }
    size_t size() const { return written_; }
    // The MD5 of everything appended so far, as hex digits; what is appended after it is not
    // hashed.
    std::string digest() {
        digested_ = true;
        return g_checksum_get_string(md5_.get());
    }
    bool flush() {
        if (!failed_ && !pending_.empty()) failed_ = !out_(pending_);
        pending_.clear();
        return !failed_;
    }

private:
    static constexpr size_t kPiece = 1 << 20;
    const std::function<bool(std::string_view)>& out_;
    std::unique_ptr<GChecksum, decltype(&g_checksum_free)> md5_{g_checksum_new(G_CHECKSUM_MD5),
                                                                &g_checksum_free};
    std::string pending_;
    size_t written_ = 0;
    bool failed_ = false;
    bool digested_ = false;
};

std::string object_header(int number) { return std::to_string(number) + " 0 obj\n"; }

// `entry` (may be empty) goes right after the dictionary's "<<".
void append_dictionary(Output& out, std::string_view dictionary, std::string_view entry) {
    const size_t open = dictionary.find("<<");
    if (entry.empty() || open == std::string_view::npos) return out.append(dictionary);
    out.append(dictionary.substr(0, open + 2));
    out.append(entry);
    out.append(dictionary.substr(open + 2));
}

void append_stream(Output& out, int number, Value dictionary, std::string_view data,
                   std::string_view entry) {
    dictionary.set("/Length", Value::atom(std::to_string(data.size())));
    out.append(object_header(number));
    append_dictionary(out, dictionary.to_string(), entry);
    out.append("\nstream\n");
    out.append(data);
    out.append("\nendstream\nendobj\n");
}

void append_cross_reference(Output& out, const std::vector<std::pair<int, size_t>>& at, int size,
                            std::string_view original_trailer) {
    std::vector<size_t> offsets(static_cast<size_t>(size), 0);
    for (const auto& [number, offset] : at) offsets[static_cast<size_t>(number)] = offset;
    const size_t table = out.size();
    out.append("xref\n0 " + std::to_string(size) + "\n");
    char line[21];
    for (size_t i = 0; i < offsets.size(); ++i) {
        const bool used = i != 0 && offsets[i] != 0;
        std::snprintf(line, sizeof line, "%010zu %05d %c \n", used ? offsets[i] : size_t{0},
                      used ? 0 : 65535, used ? 'n' : 'f');
        out.append(std::string_view(line, 20));
    }
    // The /ID: both halves the MD5 of everything before the trailer, as for a new file.
    const std::string id = "<" + out.digest() + ">";
    Value trailer = Value::parse(original_trailer);
    trailer.set("/ID", Value::array({Value::atom(id), Value::atom(id)}));
    trailer.set("/Size", Value::atom(std::to_string(size)));
    out.append("trailer\n" + trailer.to_string() + "\nstartxref\n" + std::to_string(table) +
               "\n%%EOF\n");
}

}  // namespace

bool Edits::write(const std::function<bool(std::string_view)>& sink) const {
    const auto& objects = file_.in_file_order();
    const size_t first = objects.empty() ? file_.cross_reference_table() : objects.front().first;
    Output out(sink);
    out.append(file_.bytes().substr(0, first));  // the header
    std::vector<std::pair<int, size_t>> at;
    size_t changed = 0, streams = 0, entries = 0;
    for (const auto& [offset, number] : objects) {
        at.emplace_back(number, out.size());
        const auto entry = entries_.find(number);
        const std::string_view added =
            entry == entries_.end() ? "" : std::string_view(entry->second);
        entries += !added.empty();
        if (const auto stream = streams_.find(number); stream != streams_.end()) {
            Value dictionary = Value::parse(file_.value(number));
            dictionary.set("/Filter", Value::atom("/FlateDecode"));
            dictionary.erase("/DecodeParms");
            append_stream(out, number, std::move(dictionary), deflate(stream->second()), added);
            ++streams;
        } else if (changed_.count(number)) {
            out.append(object_header(number));
            append_dictionary(out, parsed_.at(number).to_string(), added);
            out.append("\nendobj\n");
            ++changed;
        } else {
            append_dictionary(out, file_.object(number), added);
        }
    }
    if (changed != changed_.size() || streams != streams_.size() || entries != entries_.size())
        throw std::logic_error("a changed object that is not in the original PDF");
    for (const auto& [number, added] : added_) {
        at.emplace_back(number, out.size());
        append_stream(out, number, added.first, added.second, {});
    }
    int size = file_.size() + static_cast<int>(added_.size());
    for (const auto& entry : at) size = std::max(size, entry.first + 1);
    append_cross_reference(out, at, size, file_.trailer());
    return out.flush();
}

}  // namespace dw::pdf

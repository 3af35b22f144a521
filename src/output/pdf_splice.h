#pragma once
// Writing a PDF read by pdf::File with only the objects a pass changed written anew, and every
// other object copied byte for byte from the original. A card sheet's structure tree is
// thousands of small objects; the PDF/UA finishing changes a few per page, and the rest of
// Cairo's PDF is already right.
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "output/pdf_file.h"
#include "output/pdf_value.h"

namespace dw::pdf {

class Edits {
public:
    explicit Edits(const File& file) : file_(file) {}

    // The value of object `number`, parsed once; what is changed in it is seen by later reads.
    const Value& read(int number);
    // The same, to be changed: the object is written anew from it.
    Value& change(int number);

    // Stream `number` written anew with the data `make` returns when the writer comes to it (so
    // that one stream's data is in memory at a time), Flate-compressed.
    void change_stream(int number, std::function<std::string()> make);

    // A new stream with the entries of `dictionary` and uncompressed `data`, numbered after the
    // original's objects. Returns its number.
    int add_stream(Value dictionary, std::string data);

    // An entry ("/ActualText <feff...>") for the dictionary of `number`, written right after
    // its "<<" whether the object is copied or written anew: the object need not be parsed.
    void add_entry(int number, const std::string& entry) { entries_[number] += " " + entry; }

    // The original with the edits applied, a complete file with one cross-reference table and
    // a trailer /ID made from its bytes (the same bytes give the same ID), handed to `out` in
    // pieces of about 1 MB, in order. False when `out` returned false (it stops there).
    bool write(const std::function<bool(std::string_view)>& out) const;

private:
    const File& file_;
    std::map<int, Value> parsed_;
    std::set<int> changed_;
    std::map<int, std::function<std::string()>> streams_;
    std::map<int, std::pair<Value, std::string>> added_;
    std::map<int, std::string> entries_;
};

}  // namespace dw::pdf

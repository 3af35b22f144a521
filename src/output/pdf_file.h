#pragma once
// A PDF as Cairo 1.16 writes it, read without a general parser: one classic cross-reference
// table, no object streams, generation 0 everywhere. Anything else is refused with
// std::runtime_error. The objects are found through the table and kept as the text they are
// written as (pdf_syntax.h reads that text; pdf_value.h parses what is to be changed).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dw::pdf {

class File {
public:
    explicit File(std::string_view pdf);

    std::string_view bytes() const { return pdf_; }
    // "N 0 obj ... endobj" and what follows up to the next object (or the table); empty when
    // the file has no object N.
    std::string_view object(int number) const;
    // The object's value as written after "obj": a dictionary ("<< ... >>", a stream's without
    // its data), an array or another value.
    std::string_view value(int number) const;
    // Whether object `number` is a stream whose data lies within the object.
    bool is_stream(int number) const;
    // A stream's data as stored (still encoded); throws when `number` is not a stream.
    std::string_view stored_stream(int number) const;
    // A stream's data decoded (Flate or none; any other filter throws).
    std::string stream(int number) const;

    // In file order: where each object begins, and its number.
    const std::vector<std::pair<size_t, int>>& in_file_order() const { return order_; }
    size_t cross_reference_table() const { return table_; }
    std::string_view trailer() const { return trailer_; }  // its dictionary
    int size() const { return size_; }                     // the trailer's /Size
    int root() const { return root_; }                     // the catalog's object number

private:
    std::string_view pdf_;
    std::vector<std::pair<size_t, int>> order_;
    std::vector<int> index_;  // object number -> index into order_, -1 when absent
    size_t table_ = 0;
    std::string_view trailer_;
    int size_ = 0;
    int root_ = 0;
    void read_cross_reference_table();
};

// The object numbers of the file's pages, in order (the page tree read depth first).
std::vector<int> page_objects(const File& file);

}  // namespace dw::pdf

#include "output/pdf_file.h"

#include <algorithm>
#include <stdexcept>

#include "output/flate.h"
#include "output/pdf_syntax.h"

namespace dw::pdf {

namespace {

bool is_white(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

size_t skip_white(std::string_view s, size_t i) {
    while (i < s.size() && is_white(s[i])) ++i;
    return i;
}

// The unsigned number at `i` (after white space); `i` moves past it. Throws when there is none.
size_t read_number(std::string_view s, size_t& i) {
    i = skip_white(s, i);
    if (i >= s.size() || s[i] < '0' || s[i] > '9')
        throw std::runtime_error("a number expected in the PDF's cross-reference table");
    size_t value = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        if (value > (size_t{1} << 40))
            throw std::runtime_error("a number too large in the PDF's cross-reference table");
        value = value * 10 + static_cast<size_t>(s[i] - '0');
    }
    return value;
}

int integer_value(std::string_view text) {
    size_t i = 0;
    const size_t value = read_number(text, i);
    if (value > 100'000'000) throw std::runtime_error("a number too large in the PDF");
    return static_cast<int>(value);
}

}  // namespace

File::File(std::string_view pdf) : pdf_(pdf) {
    const size_t keyword = pdf.rfind("startxref");
    if (keyword == std::string_view::npos) throw std::runtime_error("no startxref in the PDF");
    size_t i = keyword + 9;
    table_ = read_number(pdf, i);
    if (table_ >= pdf.size() || pdf.compare(table_, 4, "xref") != 0)
        throw std::runtime_error("the PDF has no classic cross-reference table");
    read_cross_reference_table();
    std::sort(order_.begin(), order_.end());
    for (size_t n = 0; n < order_.size(); ++n) {
        const size_t end = n + 1 < order_.size() ? order_[n + 1].first : table_;
        if (order_[n].first >= end || end > pdf_.size())
            throw std::runtime_error("overlapping objects in the PDF");
        index_[static_cast<size_t>(order_[n].second)] = static_cast<int>(n);
    }
    const auto entries = pdf_syntax::dictionary_entries(trailer_);
    size_ = integer_value(pdf_syntax::entry(entries, "/Size"));
    if (pdf_syntax::entry(entries, "/Prev").size() || pdf_syntax::entry(entries, "/XRefStm").size())
        throw std::runtime_error("the PDF has been updated incrementally");
    const auto root = pdf_syntax::reference(pdf_syntax::entry(entries, "/Root"));
    if (!root || object(root->first).empty()) throw std::runtime_error("the PDF has no catalog");
    root_ = root->first;
}

void File::read_cross_reference_table() {
    size_t i = table_ + 4;
    for (;;) {
        i = skip_white(pdf_, i);
        if (pdf_.compare(i, 7, "trailer") == 0) break;
        const size_t first = read_number(pdf_, i);
        const size_t count = read_number(pdf_, i);
        i = skip_white(pdf_, i);
        if (count > pdf_.size() / 20 || i + count * 20 > pdf_.size())
            throw std::runtime_error("the PDF's cross-reference table is cut short");
        if (index_.size() < first + count) index_.resize(first + count, -1);
        for (size_t n = 0; n < count; ++n, i += 20) {
            const std::string_view line = pdf_.substr(i, 20);
            if (line[17] != 'n') continue;  // a free entry
            if (line.compare(11, 5, "00000") != 0)
                throw std::runtime_error("the PDF has objects of another generation");
            size_t at = 0;
            const size_t offset = read_number(line, at);
            if (offset >= table_)
                throw std::runtime_error("an object after the PDF's cross-reference table");
            order_.emplace_back(offset, static_cast<int>(first + n));
        }
    }
    const size_t open = pdf_.find("<<", i);
    if (open == std::string_view::npos) throw std::runtime_error("the PDF has no trailer");
    trailer_ = pdf_.substr(open, pdf_syntax::token_end(pdf_, open) - open);
}

std::string_view File::object(int number) const {
    if (number < 0 || static_cast<size_t>(number) >= index_.size() ||
        index_[static_cast<size_t>(number)] < 0)
        return {};
    const size_t n = static_cast<size_t>(index_[static_cast<size_t>(number)]);
    const size_t begin = order_[n].first;
    const size_t end = n + 1 < order_.size() ? order_[n + 1].first : table_;
    return pdf_.substr(begin, end - begin);
}

std::string_view File::value(int number) const {
    const std::string_view text = object(number);
    const size_t obj = text.find("obj");
    if (obj == std::string_view::npos) return {};
    const size_t begin = skip_white(text, obj + 3);
    return text.substr(begin, pdf_syntax::value_end(text, begin) - begin);
}

std::string_view File::stored_stream(int number) const {
    const std::string_view text = object(number);
    const std::string_view dictionary = value(number);
    size_t data = dictionary.empty()
                      ? text.size()
                      : skip_white(text, static_cast<size_t>(dictionary.data() - text.data()) +
                                             dictionary.size());
    if (dictionary.substr(0, 2) != "<<" || data >= text.size() ||
        text.compare(data, 6, "stream") != 0)
        throw std::runtime_error("object " + std::to_string(number) + " is not a stream");
    data += 6;
    if (data < text.size() && text[data] == '\r') ++data;
    if (data < text.size() && text[data] == '\n') ++data;
    const std::string_view length =
        pdf_syntax::entry(pdf_syntax::dictionary_entries(dictionary), "/Length");
    const auto ref = pdf_syntax::reference(length);
    const int size = ref ? integer_value(value(ref->first)) : integer_value(length);
    if (data + static_cast<size_t>(size) > text.size())
        throw std::runtime_error("the stream of object " + std::to_string(number) +
                                 " is cut short");
    return text.substr(data, static_cast<size_t>(size));
}

bool File::is_stream(int number) const {
    try {
        (void)stored_stream(number);
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

std::string File::stream(int number) const {
    const std::string_view text = value(number);
    const std::string_view filter =
        pdf_syntax::entry(pdf_syntax::dictionary_entries(text), "/Filter");
    if (filter.empty()) return std::string(stored_stream(number));
    if (filter == "/FlateDecode" || filter == "[ /FlateDecode ]" || filter == "[/FlateDecode]")
        return inflate(stored_stream(number));
    throw std::runtime_error("the stream of object " + std::to_string(number) +
                             " has a filter Cairo does not write");
}

namespace {

void collect_pages(const File& file, int node, std::vector<int>& pages, int depth) {
    if (depth > 64) throw std::runtime_error("the page tree is nested too deeply");
    const auto entries = pdf_syntax::dictionary_entries(file.value(node));
    if (pdf_syntax::entry(entries, "/Type") == "/Page") {
        pages.push_back(node);
        return;
    }
    for (std::string_view kid : pdf_syntax::array_items(pdf_syntax::entry(entries, "/Kids")))
        if (const auto ref = pdf_syntax::reference(kid))
            collect_pages(file, ref->first, pages, depth + 1);
}

}  // namespace

std::vector<int> page_objects(const File& file) {
    const auto tree = pdf_syntax::reference(
        pdf_syntax::entry(pdf_syntax::dictionary_entries(file.value(file.root())), "/Pages"));
    if (!tree) throw std::runtime_error("the PDF has no pages");
    std::vector<int> pages;
    collect_pages(file, tree->first, pages, 0);
    return pages;
}

}  // namespace dw::pdf

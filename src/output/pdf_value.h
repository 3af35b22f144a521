#pragma once
// A PDF object's value that the finishing can change and write again: parsed from the text
// Cairo wrote (pdf_syntax.h), numbers, names, strings and the like kept as written.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dw::pdf {

class Value {
public:
    enum class Kind { Atom, Reference, Array, Dictionary };

    Value() = default;                          // null
    static Value parse(std::string_view text);  // one value; white space around it is skipped
    static Value atom(std::string text);        // as written: "12", "/Name", "(text)", "true"
    static Value reference(int object);         // "12 0 R"
    static Value array(std::vector<Value> items = {});
    static Value dictionary();

    Kind kind() const { return kind_; }
    bool is_null() const { return kind_ == Kind::Atom && atom_ == "null"; }
    bool is_reference() const { return kind_ == Kind::Reference; }
    bool is_array() const { return kind_ == Kind::Array; }
    bool is_dictionary() const { return kind_ == Kind::Dictionary; }
    const std::string& text() const { return atom_; }  // an atom as written
    int object() const { return object_; }             // a reference's object number

    std::vector<Value>& items() { return items_; }
    const std::vector<Value>& items() const { return items_; }

    // A dictionary's entry, keys with their slash ("/K"); nullptr when absent.
    const Value* find(std::string_view key) const;
    Value* find(std::string_view key);
    void set(std::string_view key, Value value);  // replaces or appends
    void erase(std::string_view key);

    std::string to_string() const;

private:
    Kind kind_ = Kind::Atom;
    std::string atom_ = "null";
    int object_ = 0;
    std::vector<Value> items_;                            // Array
    std::vector<std::pair<std::string, Value>> entries_;  // Dictionary, in the order written
    void append_to(std::string& out) const;
};

// A text string for `utf8`: a literal string when it is printable ASCII, else UTF-16BE with a
// byte order mark, in hex.
std::string text_string(std::string_view utf8);

// The bytes a string ("(...)" with escapes, or "<hex>") stands for; a name ("/A#20b") its
// characters without the slash.
std::string string_bytes(std::string_view written);

// A text string's (or a URI's) bytes as UTF-8: UTF-16BE after a byte order mark; else the bytes
// when they are UTF-8 (a URI as Cairo writes it), and Latin-1 when they are not (PDFDocEncoding
// agrees with it on the characters destination names hold).
std::string text_as_utf8(std::string_view bytes);

}  // namespace dw::pdf

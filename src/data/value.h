#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/source_loc.h"

namespace dw::data {

struct RichText;
struct Field;

// The one data model every loader (YAML, Markdown + front matter, CSV) produces and every layout
// binds against. Scalars stay strings: the layout decides whether "2024-11-12" is a date.
struct Value {
    enum class Kind { Null, String, List, Map, Rich };

    Kind kind = Kind::Null;
    std::string text;                                   // Kind::String
    std::vector<Value> items;                           // Kind::List
    std::vector<Field> fields;                          // Kind::Map, in source order
    std::shared_ptr<const RichText> rich;               // Kind::Rich (Markdown body)
    SourceLoc loc;                                      // where the value starts in its file

    static Value string(std::string s, SourceLoc loc = {});
    static Value list(SourceLoc loc = {});
    static Value map(SourceLoc loc = {});

    bool is_null() const { return kind == Kind::Null; }
    bool is_string() const { return kind == Kind::String; }
    bool is_list() const { return kind == Kind::List; }
    bool is_map() const { return kind == Kind::Map; }
    bool is_rich() const { return kind == Kind::Rich; }

    // Map lookup; nullptr when absent or not a map.
    const Value* find(std::string_view key) const;
    // Keys of a map, in order (for "did you mean" hints).
    std::vector<std::string> keys() const;
    // Adds or replaces a field of a map.
    void set(std::string key, Value v);
};

// A key and its value in a map. (Not a std::pair: clang checks std::pair's constructors while
// Value is still incomplete and rejects the recursive type.)
struct Field {
    std::string key;
    Value value;
    SourceLoc key_loc;  // where the key is written (YAML); unknown for CSV columns
    Field(std::string k, Value v, SourceLoc at = {})
        : key(std::move(k)), value(std::move(v)), key_loc(std::move(at)) {}
};

}  // namespace dw::data

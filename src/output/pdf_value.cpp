#include "output/pdf_value.h"

#include "output/pdf_syntax.h"
#include "paint/pdf_metadata_text.h"
#include "paint/text_format.h"
#include "paint/utf8_codec.h"

namespace dw::pdf {

namespace {

bool is_white(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_white(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_white(text.back())) text.remove_suffix(1);
    return text;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string hex_bytes(std::string_view digits) {
    std::string out;
    int high = -1;
    for (char c : digits) {
        const int d = hex_digit(c);
        if (d < 0) continue;  // white space
        if (high < 0) {
            high = d;
        } else {
            out += static_cast<char>(high * 16 + d);
            high = -1;
        }
    }
    if (high >= 0) out += static_cast<char>(high * 16);  // an odd digit count: a trailing 0
    return out;
}

std::string literal_bytes(std::string_view body) {
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 == body.size()) {
            out += body[i];
            continue;
        }
        const char c = body[++i];
        switch (c) {
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case '\r':  // a line continuation
                if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
                break;
            case '\n':
                break;
            default:
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int n = 1;
                         n < 3 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7';
                         ++n)
                        value = value * 8 + (body[++i] - '0');
                    out += static_cast<char>(value & 0xFF);
                } else {
                    out += c;  // \( \) \\ and an unknown escape: the character
                }
        }
    }
    return out;
}

}  // namespace

Value Value::parse(std::string_view text) {
    text = trimmed(text);
    if (text.empty()) return {};
    if (text.size() >= 2 && text[0] == '<' && text[1] == '<') {
        Value dict = dictionary();
        for (const auto& [key, value] : pdf_syntax::dictionary_entries(text))
            dict.entries_.emplace_back(std::string(key), parse(value));
        return dict;
    }
    if (text.front() == '[') {
        Value list = array();
        for (std::string_view item : pdf_syntax::array_items(text))
            list.items_.push_back(parse(item));
        return list;
    }
    if (const auto ref = pdf_syntax::reference(text)) return reference(ref->first);
    return atom(std::string(text));
}

Value Value::atom(std::string text) {
    Value v;
    v.atom_ = std::move(text);
    return v;
}

Value Value::reference(int object) {
    Value v;
    v.kind_ = Kind::Reference;
    v.object_ = object;
    return v;
}

Value Value::array(std::vector<Value> items) {
    Value v;
    v.kind_ = Kind::Array;
    v.items_ = std::move(items);
    return v;
}

Value Value::dictionary() {
    Value v;
    v.kind_ = Kind::Dictionary;
    return v;
}

const Value* Value::find(std::string_view key) const {
    for (const auto& [k, v] : entries_)
        if (k == key) return &v;
    return nullptr;
}

Value* Value::find(std::string_view key) {
    return const_cast<Value*>(static_cast<const Value*>(this)->find(key));
}

void Value::set(std::string_view key, Value value) {
    if (Value* existing = find(key))
        *existing = std::move(value);
    else
        entries_.emplace_back(std::string(key), std::move(value));
}

void Value::erase(std::string_view key) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
        if (it->first == key) {
            entries_.erase(it);
            return;
        }
}

std::string Value::to_string() const {
    std::string out;
    append_to(out);
    return out;
}

void Value::append_to(std::string& out) const {
    switch (kind_) {
        case Kind::Atom:
            out += atom_;
            return;
        case Kind::Reference:
            out += std::to_string(object_) + " 0 R";
            return;
        case Kind::Array:
            out += "[";
            for (const Value& item : items_) {
                out += ' ';
                item.append_to(out);
            }
            out += " ]";
            return;
        case Kind::Dictionary:
            out += "<<";
            for (const auto& [key, value] : entries_) {
                out += ' ';
                out += key;
                out += ' ';
                value.append_to(out);
            }
            out += " >>";
            return;
    }
}

std::string text_string(std::string_view utf8) {
    const std::optional<std::string> latin = paint::pdf_doc_encoded(utf8);
    const std::string bytes = latin ? *latin : paint::pdf_utf16_text(utf8);
    bool printable = true;
    for (char c : bytes) printable = printable && c >= 0x20 && c < 0x7F;
    std::string out;
    if (printable) {
        out += '(';
        for (char c : bytes) {
            if (c == '(' || c == ')' || c == '\\') out += '\\';
            out += c;
        }
        return out + ')';
    }
    static const char digits[] = "0123456789abcdef";
    out += '<';
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out + '>';
}

std::string string_bytes(std::string_view written) {
    written = trimmed(written);
    if (written.size() >= 2 && written.front() == '(' && written.back() == ')')
        return literal_bytes(written.substr(1, written.size() - 2));
    if (written.size() >= 2 && written.front() == '<' && written.back() == '>')
        return hex_bytes(written.substr(1, written.size() - 2));
    if (!written.empty() && written.front() == '/') {
        std::string out;
        for (size_t i = 1; i < written.size(); ++i) {
            if (written[i] == '#' && i + 2 < written.size() && hex_digit(written[i + 1]) >= 0 &&
                hex_digit(written[i + 2]) >= 0) {
                out +=
                    static_cast<char>(hex_digit(written[i + 1]) * 16 + hex_digit(written[i + 2]));
                i += 2;
            } else {
                out += written[i];
            }
        }
        return out;
    }
    return std::string(written);
}

std::string text_as_utf8(std::string_view bytes) {
    std::string out;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
        static_cast<unsigned char>(bytes[1]) == 0xFF) {
        for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
            char32_t unit = static_cast<char32_t>((static_cast<unsigned char>(bytes[i]) << 8) |
                                                  static_cast<unsigned char>(bytes[i + 1]));
            if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
                const char32_t low =
                    static_cast<char32_t>((static_cast<unsigned char>(bytes[i + 2]) << 8) |
                                          static_cast<unsigned char>(bytes[i + 3]));
                if (low >= 0xDC00 && low < 0xE000) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    i += 2;
                }
            }
            paint::append_utf8(out, unit);
        }
        return out;
    }
    if (paint::is_valid_utf8(bytes)) return std::string(bytes);
    for (unsigned char c : bytes) paint::append_utf8(out, c);
    return out;
}

}  // namespace dw::pdf

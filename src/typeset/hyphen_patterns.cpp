#include "typeset/hyphen_patterns.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace dw::typeset {
namespace {

constexpr size_t kLongestPattern = 64;  // letters; TeX's own limit is lower

// FNV-1a, one byte at a time: break_values() extends a substring's hash by one letter.
constexpr uint32_t kHashStart = 2166136261u;
uint32_t hash_step(uint32_t hash, char c) { return (hash ^ uint8_t(c)) * 16777619u; }

uint32_t hash_of(std::string_view letters) {
    uint32_t hash = kHashStart;
    for (char c : letters) hash = hash_step(hash, c);
    return hash;
}

std::string_view trimmed(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    return line;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

int number_after(std::string_view line, std::string_view keyword) {
    int n = 0;
    for (char c : line.substr(keyword.size()))
        if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
    return n;
}

}  // namespace

std::optional<HyphenPatterns> HyphenPatterns::load(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        error = "cannot open " + path;
        return std::nullopt;
    }
    // One read of the whole file: a character at a time was a fifth of the load.
    const std::streamoff size = in.tellg();
    std::string text(size > 0 ? size_t(size) : 0, '\0');
    in.seekg(0);
    if (size < 0 || !in.read(text.data(), size)) {
        error = "cannot read " + path;
        return std::nullopt;
    }
    return parse(text, error);
}

std::optional<HyphenPatterns> HyphenPatterns::parse(std::string_view text, std::string& error) {
    HyphenPatterns patterns;
    patterns.rebuild(1 << 15);  // room for the Dutch set (16,000) without growing
    patterns.letters_.reserve(text.size());  // never more letters or values than characters
    patterns.values_.reserve(text.size() + text.size() / 2);
    bool first = true;
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (first) {  // the charset: ISO8859-1, UTF-8, ...
            patterns.charset_ = std::string(trimmed(line));
            first = false;
            continue;
        }
        if (!patterns.read_line(line, error)) return std::nullopt;
    }
    if (patterns.count_ == 0) {
        error = "the dictionary has no patterns";
        return std::nullopt;
    }
    return patterns;
}

// A pattern ("a1b": the digit belongs to the gap before the next letter) in one pass, the hash
// with it: nearly every line is one. Keywords start with a capital, comments with '%'.
bool HyphenPatterns::read_line(std::string_view line, std::string& error) {
    line = trimmed(line);
    if (line.empty() || line.front() == '%') return true;
    if (line.front() >= 'A' && line.front() <= 'Z') {
        if (std::optional<bool> read = read_keyword(line, error)) return *read;
    }
    char letters[kLongestPattern];
    uint8_t values[kLongestPattern + 1];
    values[0] = 0;
    size_t n = 0;
    uint32_t hash = kHashStart;
    for (char c : line) {
        if (c >= '0' && c <= '9') {
            values[n] = uint8_t(c - '0');
        } else if (c == '/') {
            error = "the dictionary uses non-standard breaks ('" + std::string(line) +
                    "'), which drukwerk does not support";
            return false;
        } else if (n == kLongestPattern) {
            error = "a pattern longer than " + std::to_string(kLongestPattern) + " letters";
            return false;
        } else {
            letters[n++] = c;
            values[n] = 0;
            hash = hash_step(hash, c);
        }
    }
    return add(std::string_view(letters, n), values, hash, error);
}

std::optional<bool> HyphenPatterns::read_keyword(std::string_view line, std::string& error) {
    if (starts_with(line, "LEFTHYPHENMIN")) {
        left_min_ = number_after(line, "LEFTHYPHENMIN");
    } else if (starts_with(line, "RIGHTHYPHENMIN")) {
        right_min_ = number_after(line, "RIGHTHYPHENMIN");
    } else if (starts_with(line, "NEXTLEVEL")) {
        error = "the dictionary uses compound levels ('" + std::string(line) +
                "'), which drukwerk does not support";
        return false;
    } else if (!starts_with(line, "COMPOUND") && !starts_with(line, "NOHYPHEN")) {
        // COMPOUND...: compound levels (see NEXTLEVEL); NOHYPHEN affects only non-letters
        return std::nullopt;  // a pattern with capitals
    }
    return true;
}

bool HyphenPatterns::add(std::string_view letters, const uint8_t* values, uint32_t hash,
                         std::string& error) {
    if (letters.empty()) {
        error = "a pattern without letters";
        return false;
    }
    if (2 * (count_ + 1) > slots_.size()) rebuild(2 * slots_.size());
    const size_t i = probe(letters.data(), letters.size(), hash);
    if (slots_[i].key_length != 0) {  // the same pattern again: libhyphen keeps the later one
        std::copy(values, values + letters.size() + 1, values_.begin() + slots_[i].values);
        return true;
    }
    Slot& slot = slots_[i];
    slot.key = uint32_t(letters_.size());
    slot.values = uint32_t(values_.size());
    slot.key_length = uint8_t(letters.size());
    letters_.append(letters);
    values_.insert(values_.end(), values, values + letters.size() + 1);
    ++count_;
    longest_ = std::max(longest_, letters.size());
    return true;
}

void HyphenPatterns::rebuild(size_t slots) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(slots, Slot{});
    for (const Slot& slot : old)
        if (slot.key_length > 0)
            insert(slot, hash_of(std::string_view(letters_).substr(slot.key, slot.key_length)));
}

void HyphenPatterns::insert(const Slot& slot, uint32_t hash) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].key_length != 0) i = (i + 1) & mask;
    slots_[i] = slot;
}

size_t HyphenPatterns::probe(const char* letters, size_t length, uint32_t hash) const {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    for (; slots_[i].key_length != 0; i = (i + 1) & mask) {
        const Slot& slot = slots_[i];
        if (slot.key_length == length && letters_.compare(slot.key, length, letters, length) == 0)
            break;
    }
    return i;
}

const HyphenPatterns::Slot* HyphenPatterns::find(const char* letters, size_t length,
                                                 uint32_t hash) const {
    const Slot& slot = slots_[probe(letters, length, hash)];
    return slot.key_length != 0 ? &slot : nullptr;
}

// Liang: every pattern found in ".word." raises the values of its gaps to its own; the value
// between letters i and i + 1 then decides (odd: a break).
void HyphenPatterns::break_values(std::string_view word, std::vector<uint8_t>& values) const {
    std::string dotted;
    dotted.reserve(word.size() + 2);
    dotted += '.';
    for (char c : word) dotted += (c >= '0' && c <= '9') ? '.' : c;
    dotted += '.';
    std::vector<uint8_t> gaps(dotted.size() + 1, 0);  // gap g: before dotted[g]
    for (size_t start = 0; start < dotted.size(); ++start) {
        uint32_t hash = kHashStart;
        const size_t longest = std::min(longest_, dotted.size() - start);
        for (size_t length = 1; length <= longest; ++length) {
            hash = hash_step(hash, dotted[start + length - 1]);
            const Slot* pattern = find(dotted.data() + start, length, hash);
            if (!pattern) continue;
            for (size_t k = 0; k <= length; ++k)
                gaps[start + k] = std::max(gaps[start + k], values_[pattern->values + k]);
        }
    }
    // Letter i of the word is dotted[i + 1]; the gap after it is gap i + 2.
    values.assign(word.size(), 0);
    for (size_t i = 0; i + 1 < word.size(); ++i) values[i] = gaps[i + 2];
}

}  // namespace dw::typeset

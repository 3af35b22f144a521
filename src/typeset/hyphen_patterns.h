#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dw::typeset {

// Liang's hyphenation patterns (TeX; the .dic files of hyphen-nl and other libhyphen
// dictionaries), read into one open-addressing table. libhyphen builds a state machine from
// the same file with an allocation per state, which a card deck's first paragraph waited for
// (docs/pdf-stack-findings.md). This reads them into one table and finds the same break points (tests/unit/typeset_hyphen_patterns_test.cpp checks every pattern's letters,
// and the words of the examples, against libhyphen).
//
// Supported: the charset line, patterns, comments (%), LEFTHYPHENMIN / RIGHTHYPHENMIN. Files
// with NEXTLEVEL (compound levels) or non-standard breaks ("/") are refused with a message.
class HyphenPatterns {
public:
    // nullopt when the file cannot be read or uses what is not supported; `error` says why.
    static std::optional<HyphenPatterns> load(const std::string& path, std::string& error);
    static std::optional<HyphenPatterns> parse(std::string_view text, std::string& error);

    // For `word` (lowercase, in the dictionary's charset; digits count as word boundaries, as
    // in libhyphen): values[i] odd means a break is allowed after letter i. Resized to the word.
    void break_values(std::string_view word, std::vector<uint8_t>& values) const;

    const std::string& charset() const { return charset_; }
    int left_min() const { return left_min_; }    // 0 when the file does not say
    int right_min() const { return right_min_; }  // 0 when the file does not say
    size_t size() const { return count_; }

private:
    struct Slot {
        uint32_t key = 0;     // offset of the letters in letters_
        uint32_t values = 0;  // offset of the key_length + 1 values in values_
        uint8_t key_length = 0;  // 0: empty slot
    };
    bool read_line(std::string_view line, std::string& error);
    // nullopt when the line is no keyword (a pattern with capitals).
    std::optional<bool> read_keyword(std::string_view line, std::string& error);
    bool add(std::string_view letters, const uint8_t* values, uint32_t hash, std::string& error);
    void rebuild(size_t slots);
    // The slot holding `letters`, or else the free slot where they would go.
    size_t probe(const char* letters, size_t length, uint32_t hash) const;
    const Slot* find(const char* letters, size_t length, uint32_t hash) const;
    void insert(const Slot& slot, uint32_t hash);  // into a free slot

    std::string charset_;
    int left_min_ = 0, right_min_ = 0;
    std::string letters_;
    std::vector<uint8_t> values_;
    std::vector<Slot> slots_;
    size_t count_ = 0;
    size_t longest_ = 0;
};

}  // namespace dw::typeset

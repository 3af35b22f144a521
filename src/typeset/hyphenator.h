#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "diag/diagnostics.h"
#include "typeset/hyphen_patterns.h"

namespace dw::typeset {

// Dutch hyphenation with the patterns of hyphen-nl (see hyphen_patterns.h): marks the break
// points of words with soft hyphens (U+00AD), which become a visible hyphen only where a line
// actually breaks there.
class Hyphenator {
public:
    static constexpr const char* kDutchDictionary = "/usr/share/hyphen/hyph_nl_NL.dic";

    explicit Hyphenator(std::string dictionary_path = kDutchDictionary);
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;
    ~Hyphenator();

    // Only Dutch for now: "nl" and "nl-NL" (case-insensitive, '_' accepted for '-').
    static bool supports(std::string_view language);

    // `utf8` with U+00AD at every break point. Left alone: words under 5 letters, words in
    // capitals only (acronyms), URL and e-mail tokens, words that already have a soft hyphen,
    // and words with letters outside Latin-1 (the dictionary's charset). The dictionary is
    // loaded on first use; when it cannot be loaded the text comes back unchanged,
    // with one warning in `diag` (if given).
    std::string hyphenate(std::string_view utf8, Diagnostics* diag = nullptr);

    // Loads the dictionary now, from any thread: a driver with a spare thread does this while
    // it reads the inputs. hyphenate() loads it on first use otherwise.
    void load();

private:
    const HyphenPatterns* dictionary(Diagnostics* diag);
    void append_token(std::string_view token, std::string& out) const;
    void append_word(std::string_view word, std::string& out) const;
    void hyphenate_word(std::string_view word, std::string& out) const;

    std::string path_;
    std::once_flag load_once_;
    // Loaded once per process and shared (see dictionary_for).
    const HyphenPatterns* dict_ = nullptr;
    std::string load_error_;
    std::atomic<bool> failure_reported_ = false;
    // Words already hyphenated, shared by the threads that hyphenate (the typesetter and the
    // preshaper): documents repeat their words. Bounded, so a long deck keeps flat memory.
    mutable std::mutex seen_mutex_;
    struct WordHash {  // lets seen_ be searched with a string_view, without a copy of the word
        using is_transparent = void;
        size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
    };
    mutable std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> seen_;
};

}  // namespace dw::typeset

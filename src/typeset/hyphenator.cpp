#include "typeset/hyphenator.h"

#include "diag/phase_clock.h"

#include <glib.h>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace dw::typeset {

namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";  // U+00AD in UTF-8
constexpr gunichar kSoftHyphenChar = 0x00AD;
constexpr int kShortestWord = 5;   // in letters; shorter words are never worth a break
constexpr int kMinimumAtEdge = 2;  // letters kept together at each end of a word
constexpr size_t kRememberedWords = 20000;

gunichar char_at(std::string_view text, size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) return byte;  // most of the text: no need to ask GLib
    return g_utf8_get_char_validated(text.data() + i, static_cast<gssize>(text.size() - i));
}

size_t next_char(std::string_view text, size_t i) {
    return static_cast<size_t>(g_utf8_next_char(text.data() + i) - text.data());
}

// Combining marks belong to their letter (a decomposed "ë" is e + U+0308).
bool is_word_char(gunichar c) {
    if (c < 0x80) return g_ascii_isalpha(char(c));
    return g_unichar_isalpha(c) || g_unichar_ismark(c) || c == kSoftHyphenChar;
}

// g_unichar_isspace, with ASCII answered here (its ASCII spaces: no vertical tab).
bool is_space(gunichar c) {
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    return g_unichar_isspace(c);
}

bool is_link(std::string_view token) {
    std::string lower(token);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(g_ascii_tolower(c)); });
    return lower.find("://") != std::string::npos || lower.find("www.") != std::string::npos ||
           lower.find('@') != std::string::npos;
}

// The word lowercased in ISO-8859-1 (the dictionary's charset), plus the UTF-8 byte offset of
// each letter in the original; false when a letter has no Latin-1 form.
bool to_latin1(std::string_view word, std::string& latin1, std::vector<size_t>& starts) {
    for (size_t i = 0; i < word.size(); i = next_char(word, i)) {
        gunichar lower = g_unichar_tolower(char_at(word, i));
        if (lower > 0xFF) return false;
        latin1 += static_cast<char>(lower);
        starts.push_back(i);
    }
    return true;
}

// The dictionary at `path`, loaded on the first request of the process (nullptr and `error`
// when it cannot be). Kept until the process ends: every Hyphenator of a run shares it.
const HyphenPatterns* dictionary_for(const std::string& path, std::string& error) {
    struct Loaded {
        std::optional<HyphenPatterns> patterns;
        std::string error;
    };
    static std::mutex mutex;
    static auto* loaded = new std::map<std::string, Loaded>;  // immortal, like its entries
    std::lock_guard lock(mutex);
    auto it = loaded->find(path);
    if (it == loaded->end()) {
        Loaded entry;
        entry.patterns = HyphenPatterns::load(path, entry.error);
        if (entry.patterns && entry.patterns->charset() != "ISO8859-1") {
            entry.error = "the dictionary is in " + entry.patterns->charset() + ", not ISO8859-1";
            entry.patterns.reset();
        }
        it = loaded->emplace(path, std::move(entry)).first;
    }
    error = it->second.error;
    return it->second.patterns ? &*it->second.patterns : nullptr;
}

bool all_capitals(std::string_view word) {
    for (size_t i = 0; i < word.size(); i = next_char(word, i))
        if (!g_unichar_isupper(char_at(word, i))) return false;
    return true;
}

}  // namespace

Hyphenator::Hyphenator(std::string dictionary_path) : path_(std::move(dictionary_path)) {}

Hyphenator::~Hyphenator() = default;

void Hyphenator::load() {
    // call_once makes a concurrent dictionary() call wait for this load instead of repeating it.
    std::call_once(load_once_, [this] { dict_ = dictionary_for(path_, load_error_); });
    mark_phase("hyphenation loaded");
}

bool Hyphenator::supports(std::string_view language) {
    std::string lower(language);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return c == '_' ? '-' : static_cast<char>(g_ascii_tolower(c));
    });
    return lower == "nl" || lower == "nl-nl";
}

const HyphenPatterns* Hyphenator::dictionary(Diagnostics* diag) {
    // Loading reads the whole pattern file: only once, and only if text needs it.
    std::call_once(load_once_, [this] { dict_ = dictionary_for(path_, load_error_); });
    if (!dict_ && diag && !failure_reported_.exchange(true)) {
        diag->warning(SourceLoc{path_}, "cannot load the Dutch hyphenation dictionary: " + load_error_,
                      "install hyphen-nl; text is set without hyphenation");
    }
    return dict_;
}

// Appends `word` (letters only) with a soft hyphen after every break the patterns allow.
void Hyphenator::append_word(std::string_view word, std::string& out) const {
    if (word.size() < size_t(kShortestWord)) {  // fewer bytes, so fewer letters: never broken
        out += word;
        return;
    }
    {
        std::lock_guard lock(seen_mutex_);
        if (auto found = seen_.find(word); found != seen_.end()) {
            out += found->second;
            return;
        }
    }
    std::string hyphenated;
    hyphenate_word(word, hyphenated);  // outside the lock: the other thread goes on meanwhile
    out += hyphenated;
    std::lock_guard lock(seen_mutex_);
    if (seen_.size() >= kRememberedWords) seen_.clear();
    seen_.emplace(std::string(word), std::move(hyphenated));
}

// `word` with a soft hyphen after every break the patterns allow.
void Hyphenator::hyphenate_word(std::string_view word, std::string& out) const {
    std::string latin1;
    std::vector<size_t> starts;
    if (!to_latin1(word, latin1, starts) || static_cast<int>(starts.size()) < kShortestWord ||
        all_capitals(word)) {
        out += word;
        return;
    }
    std::vector<uint8_t> values;
    dict_->break_values(latin1, values);
    const int n = static_cast<int>(latin1.size());
    const int left = std::max(kMinimumAtEdge, dict_->left_min());
    const int right = std::max(kMinimumAtEdge, dict_->right_min());
    for (int k = 0; k < n; ++k) {
        size_t end = k + 1 < n ? starts[k + 1] : word.size();
        out += word.substr(starts[k], end - starts[k]);
        if ((values[k] & 1) && k + 1 >= left && n - (k + 1) >= right) out += kSoftHyphen;
    }
}

std::string Hyphenator::hyphenate(std::string_view utf8, Diagnostics* diag) {
    if (!g_utf8_validate(utf8.data(), static_cast<gssize>(utf8.size()), nullptr) ||
        !dictionary(diag))
        return std::string(utf8);
    std::string out;
    out.reserve(utf8.size() + utf8.size() / 4);
    size_t i = 0;
    while (i < utf8.size()) {
        if (is_space(char_at(utf8, i))) {
            size_t next = next_char(utf8, i);
            out += utf8.substr(i, next - i);
            i = next;
            continue;
        }
        size_t end = i;  // the whitespace-delimited token decides whether it is a link
        while (end < utf8.size() && !is_space(char_at(utf8, end)))
            end = next_char(utf8, end);
        std::string_view token = utf8.substr(i, end - i);
        if (is_link(token)) {
            out += token;
        } else {
            append_token(token, out);
        }
        i = end;
    }
    return out;
}

// Splits a token into words and the punctuation between them. The word boundaries keep breaks
// away from explicit hyphens: a break needs two letters of the same word on either side.
void Hyphenator::append_token(std::string_view token, std::string& out) const {
    size_t i = 0;
    while (i < token.size()) {
        size_t end = i;
        bool in_word = is_word_char(char_at(token, i));
        bool has_soft_hyphen = false;
        while (end < token.size() && is_word_char(char_at(token, end)) == in_word) {
            has_soft_hyphen |= char_at(token, end) == kSoftHyphenChar;
            end = next_char(token, end);
        }
        std::string_view part = token.substr(i, end - i);
        if (in_word && !has_soft_hyphen) {
            append_word(part, out);
        } else {
            out += part;  // punctuation, digits, or a word the author already hyphenated
        }
        i = end;
    }
}

}  // namespace dw::typeset

// The pattern reader against libhyphen, which reads the same hyphen-nl file into a state machine:
// every break point must agree.
#include <hyphen.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "typeset/hyphen_patterns.h"
#include "typeset/hyphenator.h"

using dw::typeset::HyphenPatterns;

namespace {

struct DictFree {
    void operator()(HyphenDict* dict) const { hnj_hyphen_free(dict); }
};

const HyphenPatterns& dutch_patterns() {
    static const HyphenPatterns patterns = [] {
        std::string error;
        auto loaded = HyphenPatterns::load(dw::typeset::Hyphenator::kDutchDictionary, error);
        INFO(error);
        REQUIRE(loaded);
        return std::move(*loaded);
    }();
    return patterns;
}

// libhyphen's break points of a lowercase Latin-1 word, as "0"/"1" per letter gap. It keeps two
// letters at each end (its default, which hyphen-nl does not change); ours are compared the same.
std::string libhyphen_breaks(HyphenDict* dict, const std::string& word) {
    std::vector<char> hyphens(word.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(dict, word.c_str(), int(word.size()), hyphens.data(), nullptr, &rep,
                          &pos, &cut);
    std::string out;
    for (size_t i = 0; i + 1 < word.size(); ++i) out += (hyphens[i] & 1) ? '1' : '0';
    return out;
}

std::string our_breaks(const std::string& word) {
    std::vector<uint8_t> values;
    dutch_patterns().break_values(word, values);
    std::string out;
    for (size_t i = 0; i + 1 < word.size(); ++i)
        out += (values[i] & 1) && i >= 1 && i + 3 <= word.size() ? '1' : '0';
    return out;
}

// Lowercase ASCII/Latin-1 words from a text file (UTF-8 é, ë, ï, ö, ü, ... mapped to Latin-1).
void add_words(const std::filesystem::path& file, std::set<std::string>& words) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string word;
    for (size_t i = 0; i <= text.size(); ++i) {
        unsigned char c = i < text.size() ? text[i] : ' ';
        if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
        if (c >= 'a' && c <= 'z') {
            word += char(c);
        } else if (c == 0xC3 && i + 1 < text.size()) {  // two-byte Latin-1 letter
            unsigned char latin1 = 0x40 + (unsigned char)(text[++i]);
            if (latin1 >= 0xC0 && latin1 <= 0xDE) latin1 += 0x20;  // lowercase
            word += char(latin1);
        } else {
            if (word.size() >= 2) words.insert(word);
            word.clear();
        }
    }
}

}  // namespace

TEST_CASE("hyphen-nl's patterns are read whole", "[hyphen]") {
    CHECK(dutch_patterns().charset() == "ISO8859-1");
    CHECK(dutch_patterns().size() > 16000);
}

TEST_CASE("the pattern reader breaks words where libhyphen does", "[hyphen]") {
    std::unique_ptr<HyphenDict, DictFree> dict(
        hnj_hyphen_load(dw::typeset::Hyphenator::kDutchDictionary));
    REQUIRE(dict);
    std::set<std::string> words;
    const std::filesystem::path root = DRUKWERK_SOURCE_ROOT;
    for (const char* input : {"inputs/verslag-consortium-2024-11-12.md", "inputs/bouwstenen.csv",
                              "inputs/blueprint/wij-zijn-de-wijk.yaml"})
        add_words(root / input, words);
    REQUIRE(words.size() > 500);
    // Every pattern's own letters, alone and inside a longer word, so each one is used.
    std::ifstream dic(dw::typeset::Hyphenator::kDutchDictionary, std::ios::binary);
    std::string line;
    std::getline(dic, line);  // charset
    while (std::getline(dic, line)) {
        std::string letters;
        for (char c : line)
            if ((c < '0' || c > '9') && c != '.' && c != '\r') letters += c;
        if (letters.size() < 2) continue;
        words.insert(letters);
        words.insert("ver" + letters + "ing");
    }
    size_t differ = 0;
    for (const std::string& word : words) {
        const std::string expected = libhyphen_breaks(dict.get(), word);
        if (our_breaks(word) == expected) continue;
        if (++differ <= 10) {
            INFO(word);
            CHECK(our_breaks(word) == expected);
        }
    }
    CHECK(differ == 0);
}

TEST_CASE("pattern files the reader cannot honour are refused with a reason", "[hyphen]") {
    std::string error;
    CHECK_FALSE(HyphenPatterns::parse("ISO8859-1\nNEXTLEVEL\n1-1\n", error));
    CHECK(error.find("compound levels") != std::string::npos);
    CHECK_FALSE(HyphenPatterns::parse("ISO8859-1\nc1k/k=k,1,2\n", error));
    CHECK(error.find("non-standard breaks") != std::string::npos);
    CHECK_FALSE(HyphenPatterns::parse("ISO8859-1\n% only a comment\n", error));
    CHECK(error == "the dictionary has no patterns");
    CHECK_FALSE(HyphenPatterns::load("/nonexistent/hyph_xx.dic", error));
    CHECK(error.find("cannot open") != std::string::npos);
}

TEST_CASE("a small pattern set follows Liang's rule: the highest value wins, odd breaks",
          "[hyphen]") {
    std::string error;
    auto patterns = HyphenPatterns::parse("UTF-8\nLEFTHYPHENMIN 3\na1b\n2bc\n.ab3\n", error);
    REQUIRE(patterns);
    CHECK(patterns->left_min() == 3);
    std::vector<uint8_t> values;
    patterns->break_values("abc", values);
    // a|b: "a1b" says 1, ".ab3" (at the word start) says nothing there; b|c: "2bc" is before b.
    REQUIRE(values.size() == 3);
    CHECK(values[0] == 2);  // max(1 from a1b, 2 from 2bc)
    CHECK(values[1] == 3);  // ".ab3": after b
    CHECK(values[2] == 0);  // after the last letter: never
}

#include "typeset/break_opportunities.h"

namespace dw::typeset {
namespace {

constexpr gunichar kSoftHyphen = 0x00AD;
constexpr gunichar kLineSeparator = 0x2028;

// Where a word ends (see cut_run): spaces, soft hyphens and written line breaks. A run is what
// lies between them.
bool ends_run(gunichar c) {
    return is_word_space(c) || c == kSoftHyphen || c == kLineSeparator || c == '\n';
}

bool is_latin_letter_or_digit(gunichar c) {
    return c < 0x250 && (g_unichar_isalpha(c) || (c >= '0' && c <= '9'));
}

bool is_opening(gunichar c) {
    return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == 0x2018 ||
           c == 0x201C || c == 0x00AB;
}

bool is_closing(gunichar c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
           c == ']' || c == '}' || c == '"' || c == '\'' || c == 0x2019 || c == 0x201D ||
           c == 0x00BB;
}

// Opening punctuation, then letters and digits (with apostrophes between them: "zo'n",
// "auto's"), then closing punctuation: UAX #14 allows no break anywhere inside (LB13, LB14,
// LB19, LB23, LB28, LB30).
bool is_plain_word(const char* p, const char* end) {
    while (p < end && is_opening(g_utf8_get_char(p))) p = g_utf8_next_char(p);
    bool letters = false;
    while (p < end) {
        gunichar c = g_utf8_get_char(p);
        if (is_latin_letter_or_digit(c)) {
            letters = true;
        } else if (!(letters && (c == '\'' || c == 0x2019))) {
            break;
        }
        p = g_utf8_next_char(p);
    }
    if (!letters) return false;
    while (p < end && is_closing(g_utf8_get_char(p))) p = g_utf8_next_char(p);
    return p == end;
}

}  // namespace

bool is_word_space(gunichar c) {
    return c == ' ' || c == '\t' || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

void cut_run(const std::string& text, int begin, int end, size_t first_char,
             const BreakOpportunities& breaks, const std::function<void(Cut, int, int)>& piece) {
    const char* base = text.c_str();
    int word_start = -1, space_start = -1;
    size_t ci = first_char;
    for (const char* p = base + begin; p < base + end; p = g_utf8_next_char(p), ++ci) {
        const int at = int(p - base);
        const gunichar c = g_utf8_get_char(p);
        const int next = int(g_utf8_next_char(p) - base);
        if (is_word_space(c)) {
            if (word_start >= 0) piece(Cut::Word, word_start, at), word_start = -1;
            if (space_start < 0) space_start = at;
            continue;
        }
        if (space_start >= 0) piece(Cut::Space, space_start, at), space_start = -1;
        if (c == kSoftHyphen || c == kLineSeparator || c == '\n') {
            if (word_start >= 0) piece(Cut::Word, word_start, at), word_start = -1;
            piece(c == kSoftHyphen ? Cut::SoftHyphen : Cut::ForcedBreak, at, next);
            continue;
        }
        // A break opportunity inside a run of letters: after "-", "/", an em dash...
        if (word_start >= 0 && breaks.line_break_before(ci)) {
            piece(Cut::Word, word_start, at);
            word_start = -1;
            piece(Cut::BreakPoint, at, at);
        }
        if (word_start < 0) word_start = at;
    }
    if (word_start >= 0) piece(Cut::Word, word_start, end);
    if (space_start >= 0) piece(Cut::Space, space_start, end);
}

BreakOpportunities::BreakOpportunities(const std::string& text, PangoLanguage* language) {
    const size_t chars = size_t(g_utf8_strlen(text.c_str(), gssize(text.size())));
    line_break_.assign(chars + 1, false);
    char_break_.assign(chars + 1, true);
    size_t index = 0;
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    for (const char* p = begin; p < end;) {
        if (ends_run(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            ++index;
            continue;
        }
        const char* run = p;
        const size_t first = index;
        while (p < end && !ends_run(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            ++index;
        }
        if (!is_plain_word(run, p))
            analyse(text, size_t(run - begin), size_t(p - begin), first, language);
    }
}

void BreakOpportunities::analyse(const std::string& text, size_t byte_start, size_t byte_end,
                                 size_t first_char, PangoLanguage* language) {
    const char* run = text.c_str() + byte_start;
    const int length = int(byte_end - byte_start);
    std::vector<PangoLogAttr> attrs(size_t(g_utf8_strlen(run, length)) + 1);
    pango_get_log_attrs(run, length, -1, language, attrs.data(), int(attrs.size()));
    // Inside the run only: its first character follows a space or the paragraph's start.
    for (size_t i = 1; i + 1 < attrs.size(); ++i) {
        line_break_[first_char + i] = attrs[i].is_line_break;
        char_break_[first_char + i] = attrs[i].is_char_break;
    }
}

}  // namespace dw::typeset

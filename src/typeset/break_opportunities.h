#pragma once
#include <pango/pango.h>

#include <functional>
#include <string>
#include <vector>

namespace dw::typeset {

// Where a line may break inside a run of non-space characters ("Zorgbelang/Leefbaarheids-
// alliantie", a URL), and where a character ends (to cut a word wider than the column), by
// character index of a paragraph's text.
//
// Pango's Unicode analysis (pango_get_log_attrs, UAX #14 and #29) is costly per character,
// and most runs are plain words, inside which nothing may break. So only runs with
// other characters are analysed, each on its own: the rules that decide a break inside a run
// look only at its own characters (the ones that look across spaces decide the run's start).
// A plain word here: Latin letters and digits (below U+0250), apostrophes between them, opening
// punctuation before and closing punctuation after, all of which UAX #14 keeps together.
class BreakOpportunities {
public:
    BreakOpportunities(const std::string& text, PangoLanguage* language);

    // Before character `index`, inside a run (not after a space: that is always a break).
    bool line_break_before(size_t index) const { return line_break_[index]; }
    // Before character `index`: true unless it continues the previous one (a combining mark).
    bool char_break_before(size_t index) const { return char_break_[index]; }

private:
    void analyse(const std::string& text, size_t byte_start, size_t byte_end, size_t first_char,
                 PangoLanguage* language);

    std::vector<bool> line_break_, char_break_;  // one per character, and one for the end
};

// How a paragraph's text is cut into the pieces that are shaped and set: words, runs of spaces,
// soft hyphens, written line breaks (U+2028, newline), and the places inside a word where a
// line may break ("-", "/"...). `cut_run` walks text[begin, end) (first_char: the character
// index of `begin`) and reports each piece in order with its byte range.
enum class Cut { Word, Space, SoftHyphen, ForcedBreak, BreakPoint };
void cut_run(const std::string& text, int begin, int end, size_t first_char,
             const BreakOpportunities& breaks, const std::function<void(Cut, int, int)>& piece);

// The spaces between words (the paragraph builder's and BreakOpportunities' notion).
bool is_word_space(gunichar c);

}  // namespace dw::typeset

#pragma once
#include <hb.h>
#include <pango/pango.h>

#include <atomic>
#include <string>
#include <vector>

#include "bind/box.h"
#include "diag/executor.h"
#include "typeset/word_shaper.h"

namespace dw::typeset {

class FontSystem;
class Hyphenator;

// Shapes the words of a document's paragraphs as a task of the driver's executor, ahead of the
// typesetter, which takes them from `shared` instead of shaping them itself (shaping is the
// largest part of typesetting the minutes, and a document is typeset on one thread).
//
// Only what is safe off the typesetting thread happens here: hyphenation, break analysis and
// shaping with fonts the constructor loads on the calling thread (Pango's font map is not
// thread-safe; a loaded font and its HarfBuzz font are). The words are cut as the paragraph
// builder cuts them, with the span's font, Latin script and the document language; where
// Pango's itemization decides otherwise (fallback fonts, other scripts) the typesetter finds no
// word here and shapes it itself. Equal keys give equal glyphs, so the output does not depend
// on which thread shaped a word.
class Preshaper {
public:
    Preshaper(const bind::Box& body, FontSystem& fonts, Hyphenator& hyphenator,
              SharedShapes& shared, Executor& executor);
    ~Preshaper();  // stops the task where it is

    // Waits until every word is shaped (tests).
    void finish();
    Preshaper(const Preshaper&) = delete;
    Preshaper& operator=(const Preshaper&) = delete;

private:
    struct Span {
        const bind::Span* span;
        const layout::Style* style;
        PangoFont* font;
        hb_font_t* hb_font;  // created on the calling thread; immutable, so safe on the other
    };
    void collect(const bind::Box& box, FontSystem& fonts);
    PangoFont* font_for(const layout::Style& style, const bind::Span& span, FontSystem& fonts);
    void run();

    Hyphenator& hyphenator_;
    SharedShapes& shared_;
    PangoLanguage* language_;
    std::vector<Span> spans_;  // in document order
    struct LoadedFont {
        FontDescriptionPtr desc;
        guint hash = 0;  // pango_font_description_hash: cheaper than the description as text
        GObjectPtr<PangoFont> font;
    };
    std::vector<LoadedFont> fonts_;  // by description
    std::atomic<bool> stop_ = false;
    Executor::Task task_;  // last: waited for before the rest goes
};

}  // namespace dw::typeset

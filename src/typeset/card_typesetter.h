#pragma once
#include <string>
#include <vector>

#include "bind/box.h"
#include "diag/diagnostics.h"
#include "typeset/glyph_runs.h"
#include "typeset/page.h"
#include "typeset/paragraph_layout.h"

namespace dw::typeset {

class FontSystem;
class Hyphenator;

// The trimmed card and what surrounds it, in pt.
struct CardGeometry {
    double width = 0, height = 0;  // trimmed
    double bleed = 0;              // on every side
    double safe = 0;               // inside the cut: no text here
};

// What a diagnostic about a card names: its data (the CSV row) and its label ("2.3").
struct CardIdentity {
    SourceLoc loc;
    std::string label;
};

// Typesets card faces, each as its own page of card plus bleed (the trim box and bleed box set),
// content laid out from the bleed edge so backgrounds run into the bleed. A face whose content
// does not fit (taller than the card, or than a fixed-height box after shrinking) or that puts
// text outside the safe area is an error naming the card; the page is still returned.
class CardTypesetter {
public:
    CardTypesetter(FontSystem& fonts, Hyphenator& hyphenator, Diagnostics& diags)
        : diags_(diags), ctx_(fonts, hyphenator, table_, diags) {
        ctx_.paragraph_cache = &paragraphs_;
    }

    Page face(const bind::Box& face, const CardGeometry& geometry, const CardIdentity& card);

    // The fonts the faces' glyph runs refer to.
    const std::vector<FontFace>& fonts() const { return table_.faces(); }
    // Lets the caller typeset other text (sheet notes) against the same font table.
    TypesetContext& context() { return ctx_; }

private:
    void check_fit(double content_height, const Page& page, const CardIdentity& card);
    void check_safe_area(const Page& page, const CardGeometry& g, const CardIdentity& card);

    Diagnostics& diags_;
    FontTable table_;
    ParagraphCache paragraphs_;  // cards repeat their theme names, labels and wordmark
    TypesetContext ctx_;
};

}  // namespace dw::typeset

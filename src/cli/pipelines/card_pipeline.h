#pragma once
#include <optional>
#include <vector>

#include "cli/options/options.h"
#include "data/value.h"
#include "diag/diagnostics.h"
#include "layout/layout.h"
#include "typeset/page.h"

namespace dw::typeset {
class FontSystem;
class Hyphenator;
}  // namespace dw::typeset

namespace dw::cli {

// Where the pages of a card deck go, each as soon as it is complete.
class PageSink {
public:
    virtual ~PageSink() = default;
    // `fonts` is the deck's font table so far, which the page's glyph runs index (it only grows).
    virtual void add(typeset::Page&& page, const std::vector<typeset::FontFace>& fonts) = 0;
    // A card face that will be on a page still to come (the first sheet of a deck, while it
    // fills): a sink may prepare for painting it. Nothing of it is output.
    virtual void preview(const typeset::Page& /*face*/, const std::vector<typeset::FontFace>& /*fonts*/) {}
};

// The document metadata of a deck (the layout's <metadata>).
typeset::Metadata card_deck_metadata(const layout::Layout& layout, Diagnostics& diags);

// A layout with <cards>: every card of the data bound and typeset face by face, then imposed as
// --mode asks (sheets, print-shop, cards), one card at a time: each page goes to `sink` as soon
// as it is complete, so nothing grows with the deck but the pages the sink keeps. Cards with
// errors (a bad row, an unknown theme, text that does not fit) are reported and left out; every
// card is typeset even after an error, so one run reports every problem. Once there is an error
// and no --keep-going, no more pages go to the sink and false is returned: the caller discards
// what the sink has. With --keep-going the good cards still go out and `exit_code` becomes
// kInputError.
bool stream_card_pages(const layout::Layout& layout, const data::Value& data,
                       const Options& options, typeset::FontSystem& fonts,
                       typeset::Hyphenator& hyphenator, Diagnostics& diags, int& exit_code,
                       PageSink& sink);

// The same pages collected into one document (for PNG and SVG, libharu, --pages and page boxes,
// which need all pages at once); nullopt when stream_card_pages returns false.
std::optional<typeset::Document> build_card_document(const layout::Layout& layout,
                                                     const data::Value& data, const Options& options,
                                                     typeset::FontSystem& fonts,
                                                     typeset::Hyphenator& hyphenator,
                                                     Diagnostics& diags, int& exit_code);

}  // namespace dw::cli

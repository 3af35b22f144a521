#include "typeset/card_typesetter.h"

#include <cmath>
#include <cstdio>
#include <iterator>

#include "typeset/block_layout.h"

namespace dw::typeset {
namespace {

std::string mm(double pt) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f mm", pt * 25.4 / 72.0);
    return buffer;
}

std::string where(const SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

std::string card_name(const CardIdentity& card) {
    return card.label.empty() ? "the card" : "card " + card.label;
}

}  // namespace

Page CardTypesetter::face(const bind::Box& face, const CardGeometry& g, const CardIdentity& card) {
    Page page;
    page.width = g.width + 2 * g.bleed;
    page.height = g.height + 2 * g.bleed;
    page.label = card.label;
    page.trim_box = Rect{g.bleed, g.bleed, g.width, g.height};
    page.bleed_box = Rect{0, 0, page.width, page.height};
    ctx_.overflows.clear();
    BlockLayout blocks(ctx_);
    std::vector<Fragment> fragments;
    blocks.layout(face, 0, page.width, fragments);
    Fragment merged = BlockLayout::merge(std::move(fragments));
    // Each face is a section of its own in the structure (its title the heading).
    page.items.reserve(merged.items.size() + 2);
    page.items.emplace_back(std::in_place_type<TagBegin>, TagBegin{"Sect"});
    std::move(merged.items.begin(), merged.items.end(), std::back_inserter(page.items));
    page.items.emplace_back(std::in_place_type<TagEnd>);
    int errors = diags_.error_count();
    check_fit(merged.height, page, card);
    if (diags_.error_count() == errors) check_safe_area(page, g, card);  // one cause, one error
    return page;
}

void CardTypesetter::check_fit(double content_height, const Page& page, const CardIdentity& card) {
    for (const Overflow& o : ctx_.overflows)
        diags_.error(card.loc, "the text of " + card_name(card) + " does not fit: " + mm(o.excess) +
                                   " too tall at the smallest size",
                     "shorten the text, or lower min-size in the styles of the box at " +
                         where(o.loc));
    if (ctx_.overflows.empty() && content_height > page.height + 0.01)
        diags_.error(card.loc, "the face of " + card_name(card) + " is " +
                                   mm(content_height - page.height) + " taller than the card",
                     "give the text a box with a fixed height and fit=\"shrink\"");
}

// Glyph origins only: the shaped extent of a run is not kept, and a glyph whose origin is inside
// the safe area but whose ink is not would need a margin thinner than the letter itself.
void CardTypesetter::check_safe_area(const Page& page, const CardGeometry& g,
                                     const CardIdentity& card) {
    const double left = g.bleed + g.safe - 0.01, right = g.bleed + g.width - g.safe + 0.01;
    const double top = g.bleed + g.safe - 0.01, bottom = g.bleed + g.height - g.safe + 0.01;
    for (const Item& item : page.items) {
        const auto* run = std::get_if<GlyphRun>(&item);
        if (!run) continue;
        for (const Glyph& glyph : run->glyphs) {
            double ascent_top = glyph.y - 0.7 * run->size;
            if (glyph.x >= left && glyph.x <= right && ascent_top >= top && glyph.y <= bottom)
                continue;
            diags_.error(card.loc, "text of " + card_name(card) + " lies outside the safe area: '" +
                                       run->text + "'",
                         "keep text " + mm(g.safe) + " inside the cut (" + mm(g.bleed + g.safe) +
                             " from the page edge): add padding");
            return;
        }
    }
}

}  // namespace dw::typeset

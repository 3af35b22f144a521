#include "cli/card_pipeline.h"

#include <map>

#include "bind/card_binder.h"
#include "cli/card_selection.h"
#include "impose/imposer.h"
#include "output/render_output.h"
#include "typeset/block_layout.h"
#include "typeset/card_typesetter.h"

namespace dw::cli {
namespace {

enum class Mode { Sheets, PrintShop, Cards };

// --mode, else sheets for a PDF of a layout with <sheet>, print-shop for other PDFs, and cards
// cut to size for PNG and SVG (screens).
Mode choose_mode(const Options& options, const layout::CardDeck& deck) {
    if (options.mode == "sheets") return Mode::Sheets;
    if (options.mode == "print-shop") return Mode::PrintShop;
    if (options.mode == "cards") return Mode::Cards;
    auto format = output::format_from_extension(options.format.empty() ? options.output
                                                                       : "." + options.format);
    if (format && *format != output::Format::Pdf) return Mode::Cards;
    return deck.sheet ? Mode::Sheets : Mode::PrintShop;
}

impose::Faces faces_of(const Options& options) {
    if (options.faces == "fronts") return impose::Faces::Fronts;
    if (options.faces == "backs") return impose::Faces::Backs;
    return impose::Faces::Interleaved;
}

impose::SheetSpec sheet_spec(const layout::SheetSpec& s, const layout::CardDeck& deck) {
    impose::SheetSpec spec;
    spec.paper_width = s.paper_width;
    spec.paper_height = s.paper_height;
    spec.orientation = s.orientation == layout::SheetOrientation::Portrait ? impose::Orientation::Portrait
                       : s.orientation == layout::SheetOrientation::Landscape
                           ? impose::Orientation::Landscape
                           : impose::Orientation::Auto;
    spec.columns = s.columns;
    spec.rows = s.rows;
    spec.card_width = deck.width;
    spec.card_height = deck.height;
    spec.bleed = deck.bleed;
    spec.gutter = s.gutter;
    spec.margin = s.margin;
    spec.crop_marks = s.crop_marks;
    spec.crop_length = s.crop_length;
    spec.flip = s.duplex == layout::Duplex::ShortEdge ? impose::Flip::ShortEdge
                : s.duplex == layout::Duplex::None    ? impose::Flip::None
                                                      : impose::Flip::LongEdge;
    spec.back_offset_x = s.back_offset_x;
    spec.back_offset_y = s.back_offset_y;
    return spec;
}

// The sheet's note as one centred paragraph in its style, typeset with the cards' fonts.
impose::SheetNote sheet_note(const layout::Layout& layout, const layout::SheetSpec& sheet,
                             double width, typeset::CardTypesetter& cards) {
    impose::SheetNote note;
    if (sheet.note.empty()) return note;
    bind::Box paragraph;
    paragraph.kind = bind::Box::Kind::Paragraph;
    paragraph.loc = sheet.loc;
    std::string style = sheet.note_style.empty() ? layout.default_style : sheet.note_style;
    if (auto it = layout.styles.find(style); it != layout.styles.end()) paragraph.style = it->second;
    paragraph.style.align = layout::Align::Center;
    bind::Span text;
    text.text = sheet.note;
    text.loc = sheet.loc;
    paragraph.spans.push_back(text);
    typeset::BlockLayout blocks(cards.context());
    std::vector<typeset::Fragment> fragments;
    blocks.layout(paragraph, 0, width, fragments);
    typeset::Fragment merged = typeset::BlockLayout::merge(fragments);
    note.items = std::move(merged.items);
    note.width = width;
    note.height = merged.height;
    return note;
}

typeset::Metadata deck_metadata(const layout::Layout& layout, Diagnostics& diags) {
    bind::Metadata m = bind::bind_deck_metadata(layout, diags);
    return {m.title, m.author, m.subject, m.keywords, "drukwerk", "", m.language};
}

// Binds and typesets the cards one by one into faces; a card with an error is reported and left
// out. A back that shows only its theme is typeset once per theme, not once per card.
class DeckTypesetter {
public:
    DeckTypesetter(const layout::Layout& layout, typeset::FontSystem& fonts,
                   typeset::Hyphenator& hyphenator, Diagnostics& diags)
        : layout_(layout), deck_(*layout.cards), diags_(diags), typesetter_(fonts, hyphenator, diags),
          geometry_{deck_.width, deck_.height, deck_.bleed, deck_.safe},
          has_back_(!deck_.back.children.empty()),
          back_per_theme_(has_back_ && bind::face_uses_only(deck_.back, "theme")) {}

    void add(const CardEntry& entry, impose::Deck& faces) {
        if (entry.copies == 0) return;
        int errors_before = diags_.error_count();
        data::Value theme = entry.theme ? bind::theme_value(*entry.theme) : data::Value::map();
        bool back_known = back_per_theme_ && backs_by_theme_.count(entry.theme);
        bind::BoundCard bound =
            bind::bind_card(layout_, deck_, *entry.card, theme, has_back_ && !back_known, diags_);
        typeset::CardIdentity id{bound.loc, bound.label};
        typeset::Page front = typesetter_.face(bound.front, geometry_, id);
        std::optional<typeset::Page> back = back_face(entry, bound, id);
        if (diags_.error_count() > errors_before) return;
        for (int copy = 0; copy < entry.copies; ++copy) {
            faces.fronts.push_back(front);
            if (back) faces.backs.push_back(*back);
        }
    }

    typeset::CardTypesetter& typesetter() { return typesetter_; }

private:
    std::optional<typeset::Page> back_face(const CardEntry& entry, const bind::BoundCard& bound,
                                           const typeset::CardIdentity& id) {
        if (!has_back_) return std::nullopt;
        if (!back_per_theme_) return typesetter_.face(bound.back, geometry_, id);
        auto it = backs_by_theme_.find(entry.theme);
        if (it == backs_by_theme_.end())
            it = backs_by_theme_.emplace(entry.theme, typesetter_.face(bound.back, geometry_, id)).first;
        typeset::Page back = it->second;
        back.label = bound.label;
        return back;
    }

    const layout::Layout& layout_;
    const layout::CardDeck& deck_;
    Diagnostics& diags_;
    typeset::CardTypesetter typesetter_;
    typeset::CardGeometry geometry_;
    bool has_back_, back_per_theme_;
    std::map<const layout::CardTheme*, typeset::Page> backs_by_theme_;
};

// The pages to print, as the mode asks; nullopt (reported) when not one card fits a sheet.
std::optional<std::vector<typeset::Page>> arrange(Mode mode, impose::Deck faces,
                                                  const layout::Layout& layout,
                                                  const Options& options,
                                                  typeset::CardTypesetter& typesetter,
                                                  Diagnostics& diags) {
    const layout::CardDeck& deck = *layout.cards;
    if (mode == Mode::PrintShop) return impose::print_shop_pages(std::move(faces), faces_of(options));
    if (mode == Mode::Cards) return impose::trimmed_pages(std::move(faces), faces_of(options));
    impose::SheetSpec spec = sheet_spec(*deck.sheet, deck);
    impose::SheetPlan plan = impose::plan_sheet(spec);
    if (!plan.fits) {
        diags.error(deck.sheet->loc, "not one card fits on the sheet inside its margins",
                    "use larger paper, a smaller margin, or a smaller card size");
        return std::nullopt;
    }
    impose::SheetNote note = sheet_note(layout, *deck.sheet, plan.grid.w, typesetter);
    return impose::impose_sheets(std::move(faces), plan, spec, note, deck.sheet->calibration);
}

}  // namespace

std::optional<typeset::Document> build_card_document(const layout::Layout& layout,
                                                     const data::Value& data, const Options& options,
                                                     typeset::FontSystem& fonts,
                                                     typeset::Hyphenator& hyphenator,
                                                     Diagnostics& diags, int& exit_code) {
    exit_code = kInputError;
    const layout::CardDeck& deck = *layout.cards;
    Mode mode = choose_mode(options, deck);
    if (mode == Mode::Sheets && !deck.sheet) {
        diags.error(deck.loc, "--mode sheets needs a <sheet> in the <cards> of the layout",
                    "add <sheet paper=\"A4\"/>, or use --mode print-shop");
        return std::nullopt;
    }
    // Every card is typeset even after an error, so one run reports every problem.
    DeckTypesetter cards(layout, fonts, hyphenator, diags);
    impose::Deck faces;
    for (const CardEntry& entry : select_cards(data, deck, options.where, options.sort, diags))
        cards.add(entry, faces);
    if (diags.has_errors() && !options.keep_going) return std::nullopt;
    if (faces.fronts.empty()) {
        diags.error({options.data, 0, 0}, "no cards to print",
                    options.where.empty() ? "the data has no rows without errors"
                                          : "no card matches --where " + options.where);
        return std::nullopt;
    }
    auto pages = arrange(mode, std::move(faces), layout, options, cards.typesetter(), diags);
    if (!pages) return std::nullopt;
    typeset::Document doc;
    doc.pages = std::move(*pages);
    doc.fonts = cards.typesetter().fonts();
    doc.metadata = deck_metadata(layout, diags);
    exit_code = diags.has_errors() ? kInputError : kOk;
    return doc;
}

}  // namespace dw::cli

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
    if (diags.has_errors() && !options.keep_going) return std::nullopt;
    std::vector<CardEntry> entries = select_cards(data, deck, options.where, options.sort, diags);

    typeset::CardTypesetter typesetter(fonts, hyphenator, diags);
    typeset::CardGeometry geometry{deck.width, deck.height, deck.bleed, deck.safe};
    bool has_back = !deck.back.children.empty();
    // A back that only shows its theme is typeset once per theme, not once per card.
    bool back_per_theme = has_back && bind::face_uses_only(deck.back, "theme");
    std::map<const layout::CardTheme*, typeset::Page> backs_by_theme;
    impose::Deck faces;
    for (const CardEntry& entry : entries) {
        if (entry.copies == 0) continue;
        int errors_before = diags.error_count();
        data::Value theme = entry.theme ? bind::theme_value(*entry.theme) : data::Value::map();
        bool back_known = back_per_theme && backs_by_theme.count(entry.theme);
        bind::BoundCard bound =
            bind::bind_card(layout, deck, *entry.card, theme, has_back && !back_known, diags);
        typeset::CardIdentity id{bound.loc, bound.label};
        typeset::Page front = typesetter.face(bound.front, geometry, id);
        std::optional<typeset::Page> back;
        if (back_per_theme) {
            auto it = backs_by_theme.find(entry.theme);
            if (it == backs_by_theme.end())
                it = backs_by_theme.emplace(entry.theme, typesetter.face(bound.back, geometry, id)).first;
            back = it->second;
            back->label = front.label;
        } else if (has_back) {
            back = typesetter.face(bound.back, geometry, id);
        }
        if (diags.error_count() > errors_before) continue;  // reported; left out
        for (int copy = 0; copy < entry.copies; ++copy) {
            faces.fronts.push_back(front);
            if (back) faces.backs.push_back(*back);
        }
    }
    if (diags.has_errors() && !options.keep_going) return std::nullopt;
    if (faces.fronts.empty()) {
        diags.error({options.data, 0, 0}, "no cards to print",
                    options.where.empty() ? "the data has no rows without errors"
                                          : "no card matches --where " + options.where);
        return std::nullopt;
    }

    typeset::Document doc;
    if (mode == Mode::Sheets) {
        impose::SheetSpec spec = sheet_spec(*deck.sheet, deck);
        impose::SheetPlan plan = impose::plan_sheet(spec);
        if (!plan.fits) {
            diags.error(deck.sheet->loc, "not one card fits on the sheet inside its margins",
                        "use larger paper, a smaller margin, or a smaller card size");
            return std::nullopt;
        }
        impose::SheetNote note = sheet_note(layout, *deck.sheet, plan.grid.w, typesetter);
        doc.pages = impose::impose_sheets(std::move(faces), plan, spec, note, deck.sheet->calibration);
    } else if (mode == Mode::PrintShop) {
        doc.pages = impose::print_shop_pages(std::move(faces), faces_of(options));
    } else {
        doc.pages = impose::trimmed_pages(std::move(faces), faces_of(options));
    }
    doc.fonts = typesetter.fonts();
    doc.metadata = deck_metadata(layout, diags);
    exit_code = diags.has_errors() ? kInputError : kOk;
    return doc;
}

}  // namespace dw::cli

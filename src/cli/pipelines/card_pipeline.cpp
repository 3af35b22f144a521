#include "cli/pipelines/card_pipeline.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "bind/card_binder.h"
#include "cli/pipelines/card_selection.h"
#include "cli/pipelines/output_format.h"
#include "impose/imposer.h"
#include "impose/sheet_imposer.h"
#include "output/render_output.h"
#include "typeset/block_layout.h"
#include "typeset/card_typesetter.h"

namespace dw::cli {
namespace {

enum class Mode { Sheets, PrintShop, Cards };

// --mode, else sheets for a PDF of a layout with <sheet>, print-shop for other PDFs, and cards
// cut to size for PNG and SVG (screens).
Mode choose_mode(const Options& options, const layout::CardDeck& deck) {
    switch (options.mode) {
        case CardMode::Sheets: return Mode::Sheets;
        case CardMode::PrintShop: return Mode::PrintShop;
        case CardMode::Cards: return Mode::Cards;
        case CardMode::FromLayout: break;
    }
    auto format = output_format(options);
    if (format && *format != output::Format::Pdf) return Mode::Cards;
    return deck.sheet ? Mode::Sheets : Mode::PrintShop;
}

impose::Faces faces_of(const Options& options) {
    switch (options.faces) {
        case CardFaces::Fronts: return impose::Faces::Fronts;
        case CardFaces::Backs: return impose::Faces::Backs;
        case CardFaces::Both: break;
    }
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
// The paper by name ("A4"), or its size in millimetres.
std::string paper_name(const layout::SheetSpec& sheet) {
    struct Named {
        const char* name;
        double w, h;
    };
    static constexpr Named kPapers[] = {{"A3", 841.89, 1190.55}, {"A4", 595.276, 841.89},
                                        {"A5", 419.528, 595.276}, {"Letter", 612, 792},
                                        {"Legal", 612, 1008}};
    double w = std::min(sheet.paper_width, sheet.paper_height);
    double h = std::max(sheet.paper_width, sheet.paper_height);
    for (const Named& p : kPapers)
        if (std::abs(p.w - w) < 1 && std::abs(p.h - h) < 1) return p.name;
    auto mm = [](double pt) { return std::to_string(int(std::lround(pt * 25.4 / 72))); };
    return mm(w) + " × " + mm(h) + " mm";
}

// One paragraph in the sheet note's style, typeset with the cards' fonts, `width` wide.
impose::SheetNote sheet_text(const layout::Layout& layout, const layout::SheetSpec& sheet,
                             const std::string& content, double width, layout::Align align,
                             typeset::CardTypesetter& cards, double min_size = 0) {
    impose::SheetNote note;
    bind::Box paragraph;
    paragraph.kind = bind::Box::Kind::Paragraph;
    paragraph.loc = sheet.loc;
    std::string style = sheet.note_style.empty() ? layout.default_style : sheet.note_style;
    if (auto it = layout.styles.find(style); it != layout.styles.end()) paragraph.style = it->second;
    paragraph.style.align = align;
    paragraph.style.size = std::max(paragraph.style.size, min_size);
    bind::Span text;
    text.text = content;
    text.loc = sheet.loc;
    paragraph.spans.push_back(text);
    typeset::BlockLayout blocks(cards.context());
    std::vector<typeset::Fragment> fragments;
    blocks.layout(paragraph, 0, width, fragments);
    typeset::Fragment merged = typeset::BlockLayout::merge(std::move(fragments));
    note.items = std::move(merged.items);
    note.width = width;
    note.height = merged.height;
    return note;
}

// The sheet's note: always how to print it (the paper, at 100 %: a printer that fits the page
// to the paper shrinks every card and moves the cut lines), then the layout's own note.
impose::SheetNote sheet_note(const layout::Layout& layout, const layout::SheetSpec& sheet,
                             double width, typeset::CardTypesetter& cards) {
    std::string text = "Afdrukken op " + paper_name(sheet) +
                       " op schaal 100 % (ware grootte, niet \u2018passend maken\u2019)." +
                       (sheet.note.empty() ? "" : " " + sheet.note);
    return sheet_text(layout, sheet, text, width, layout::Align::Center, cards);
}

// What the calibration sheets say (calibration.h): what to do, how to read the scales and where
// to write the two numbers; and the scales' numbers every 5 mm.
impose::CalibrationText calibration_text(const layout::Layout& layout, const layout::SheetSpec& sheet,
                                         typeset::CardTypesetter& cards) {
    const double width = 160 * 72 / 25.4, kReadable = 10;
    const std::string paper = paper_name(sheet);
    impose::CalibrationText text;
    text.front = sheet_text(
        layout, sheet,
        "Kalibratievel \u2013 voorkant. Druk dit vel dubbelzijdig af op " + paper +
            ", op schaal 100 % en met dezelfde printerinstellingen als de kaarten. Houd het "
            "afgedrukte vel daarna tegen het licht en lees de achterkant af.",
        width, layout::Align::Left, cards, kReadable);
    text.back = sheet_text(
        layout, sheet,
        "Kalibratievel \u2013 achterkant. Houd het vel tegen het licht: het kruis van de "
        "voorkant schijnt door. Elk streepje van de schalen is 1 mm; de lange streepjes zijn "
        "genummerd. X: lees op de onderste schaal bij welk streepje de staande lijn van het kruis "
        "staat (rechts van 0 is plus, links min). Y: lees op de rechter schaal bij welk streepje "
        "de liggende lijn staat (onder 0 is plus, boven min). Schrijf de twee getallen hier op: "
        "X = ______ mm    Y = ______ mm. Geef ze daarna mee bij het afdrukken van de kaarten: "
        "--back-offset X,Y (of back-offset-x en back-offset-y in de lay-out).",
        width, layout::Align::Left, cards, kReadable);
    for (int mm = -10; mm <= 10; mm += 5)
        text.numbers.emplace_back(mm, sheet_text(layout, sheet,
                                                 mm < 0 ? "\u2212" + std::to_string(-mm) : std::to_string(mm),
                                                 12 * 72 / 25.4, layout::Align::Center, cards, 8));
    return text;
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

    // The card's faces, or nullopt when it has an error (reported) or no copies.
    struct Faces {
        typeset::Page front;
        std::optional<typeset::Page> back;
    };
    std::optional<Faces> faces(const CardEntry& entry) {
        if (entry.copies == 0) return std::nullopt;
        int errors_before = diags_.error_count();
        data::Value theme = entry.theme ? bind::theme_value(*entry.theme) : data::Value::map();
        bool back_known = back_per_theme_ && backs_by_theme_.count(entry.theme);
        bind::BoundCard bound =
            bind::bind_card(layout_, deck_, *entry.card, theme, has_back_ && !back_known, diags_);
        typeset::CardIdentity id{bound.loc, bound.label};
        typeset::Page front = typesetter_.face(bound.front, geometry_, id);
        std::optional<typeset::Page> back = back_face(entry, bound, id);
        if (diags_.error_count() > errors_before) return std::nullopt;
        return Faces{std::move(front), std::move(back)};
    }

    typeset::CardTypesetter& typesetter() { return typesetter_; }

private:
    std::optional<typeset::Page> back_face(const CardEntry& entry, const bind::BoundCard& bound,
                                           const typeset::CardIdentity& id) {
        if (!has_back_) return std::nullopt;
        if (!back_per_theme_) return typesetter_.face(bound.back, geometry_, id);
        auto it = backs_by_theme_.find(entry.theme);
        if (it == backs_by_theme_.end()) {
            typeset::Page face = typesetter_.face(bound.back, geometry_, id);
            face.reuse = "back " + std::to_string(backs_by_theme_.size() + 1);  // the same on every card
            it = backs_by_theme_.emplace(entry.theme, std::move(face)).first;
        }
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

// Turns the faces of each card, as they come, into the pages to print, as the mode asks: sheets
// (a sheet pair whenever one is full), or one page per face for print shops and screens.
class PageArranger {
public:
    PageArranger(Mode mode, const Options& options)
        : mode_(mode), faces_(faces_of(options)), options_(options) {}

    // Sheets mode: false (reported) when not one card fits a sheet.
    bool plan_sheets(const layout::Layout& layout, typeset::CardTypesetter& typesetter, bool backs,
                     Diagnostics& diags) {
        const layout::CardDeck& deck = *layout.cards;
        impose::SheetSpec spec = sheet_spec(*deck.sheet, deck);
        if (options_.back_offset_mm) {
            spec.back_offset_x = options_.back_offset_mm->first * 72.0 / 25.4;
            spec.back_offset_y = options_.back_offset_mm->second * 72.0 / 25.4;
        }
        impose::SheetPlan plan = impose::plan_sheet(spec);
        if (!plan.fits) {
            diags.error(deck.sheet->loc, "not one card fits on the sheet inside its margins",
                        "use larger paper, a smaller margin, or a smaller card size");
            return false;
        }
        impose::SheetNote note = sheet_note(layout, *deck.sheet, plan.grid.w, typesetter);
        const bool calibration = deck.sheet->calibration || options_.calibration;
        sheets_.emplace(plan, spec, std::move(note), calibration, backs);
        if (calibration) sheets_->set_calibration_text(calibration_text(layout, *deck.sheet, typesetter));
        return true;
    }

    std::vector<typeset::Page> start() {
        return sheets_ ? sheets_->start() : std::vector<typeset::Page>{};
    }

    std::vector<typeset::Page> add(typeset::Page front, std::optional<typeset::Page> back,
                                   const std::string& theme) {
        if (sheets_) return sheets_->add(std::move(front), std::move(back), theme);
        impose::Deck card;
        card.fronts.push_back(std::move(front));
        if (back) card.backs.push_back(std::move(*back));
        if (mode_ == Mode::PrintShop) return impose::print_shop_pages(std::move(card), faces_);
        return impose::trimmed_pages(std::move(card), faces_);
    }

    std::vector<typeset::Page> finish() {
        return sheets_ ? sheets_->finish() : std::vector<typeset::Page>{};
    }

private:
    Mode mode_;
    impose::Faces faces_;
    const Options& options_;
    std::optional<impose::SheetImposer> sheets_;
};

// Collects the pages into one document.
class DocumentSink final : public PageSink {
public:
    explicit DocumentSink(typeset::Document& doc) : doc_(doc) {}
    void add(typeset::Page&& page, const std::vector<typeset::FontFace>& fonts) override {
        doc_.pages.push_back(std::move(page));
        doc_.fonts = fonts;
    }

private:
    typeset::Document& doc_;
};

}  // namespace

typeset::Metadata card_deck_metadata(const layout::Layout& layout, Diagnostics& diags) {
    bind::Metadata m = bind::bind_deck_metadata(layout, diags);
    return {m.title, m.author, m.subject, m.keywords, "drukwerk", "", m.language};
}

bool stream_card_pages(const layout::Layout& layout, const data::Value& data,
                       const Options& options, typeset::FontSystem& fonts,
                       typeset::Hyphenator& hyphenator, Diagnostics& diags, int& exit_code,
                       PageSink& sink) {
    exit_code = kInputError;
    const layout::CardDeck& deck = *layout.cards;
    Mode mode = choose_mode(options, deck);
    if (mode == Mode::Sheets && !deck.sheet) {
        diags.error(deck.loc, "--mode sheets needs a <sheet> in the <cards> of the layout",
                    "add <sheet paper=\"A4\"/>, or use --mode print-shop");
        return false;
    }
    DeckTypesetter cards(layout, fonts, hyphenator, diags);
    PageArranger pages(mode, options);
    const bool planned =
        mode != Mode::Sheets ||
        pages.plan_sheets(layout, cards.typesetter(), !deck.back.children.empty(), diags);
    // Pages go out only while nothing blocks the output; after that, every card is still
    // typeset (not painted), so one run reports every problem.
    auto blocked = [&] { return !planned || (diags.has_errors() && !options.keep_going); };
    bool sent = false;  // whether a page has gone out
    auto send = [&](std::vector<typeset::Page>&& done) {
        if (blocked()) return;
        for (typeset::Page& page : done) sink.add(std::move(page), cards.typesetter().fonts());
        sent = sent || !done.empty();
    };
    // Until the first page goes out, the painter has nothing to do: it may get ready for the
    // cards on it meanwhile (a back shared by a theme's cards once).
    std::set<std::string> previewed_backs;
    auto preview = [&](const DeckTypesetter::Faces& faces) {
        if (sent || blocked()) return;
        sink.preview(faces.front, cards.typesetter().fonts());
        if (faces.back && (faces.back->reuse.empty() || previewed_backs.insert(faces.back->reuse).second))
            sink.preview(*faces.back, cards.typesetter().fonts());
    };
    send(pages.start());
    bool any = false;
    for (const CardEntry& entry : select_cards(data, deck, options.where, options.sort, diags)) {
        std::optional<DeckTypesetter::Faces> faces = cards.faces(entry);
        if (!faces) continue;
        any = true;
        if (blocked()) continue;
        preview(*faces);
        const std::string theme = entry.theme ? entry.theme->name : "";
        for (int copy = 1; copy < entry.copies; ++copy)
            send(pages.add(faces->front, faces->back, theme));
        send(pages.add(std::move(faces->front), std::move(faces->back), theme));
    }
    if (blocked()) return false;
    if (!any) {
        diags.error({options.data, 0, 0}, "no cards to print",
                    options.where.empty() ? "the data has no rows without errors"
                                          : "no card matches --where " + options.where);
        return false;
    }
    send(pages.finish());
    exit_code = diags.has_errors() ? kInputError : kOk;
    return true;
}

std::optional<typeset::Document> build_card_document(const layout::Layout& layout,
                                                     const data::Value& data,
                                                     const Options& options,
                                                     typeset::FontSystem& fonts,
                                                     typeset::Hyphenator& hyphenator,
                                                     Diagnostics& diags, int& exit_code) {
    typeset::Document doc;
    doc.metadata = card_deck_metadata(layout, diags);
    DocumentSink sink(doc);
    if (!stream_card_pages(layout, data, options, fonts, hyphenator, diags, exit_code, sink))
        return std::nullopt;
    return doc;
}

}  // namespace dw::cli

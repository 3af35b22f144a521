#include "typeset/paragraph_items.h"

#include <algorithm>
#include <optional>

#include "typeset/bidi.h"
#include "typeset/break_opportunities.h"
#include "typeset/glyph_runs.h"
#include "typeset/paragraph_layout.h"
#include "typeset/paragraph_text.h"

namespace dw::typeset {
namespace {

constexpr double kPango = PANGO_SCALE;
constexpr double kHyphenPenalty = 50;     // TeX's \hyphenpenalty
constexpr double kCharBreakPenalty = 500;  // inside a word too long for its line: a last resort
constexpr double kFillStretch = 1e6;       // the glue ending a paragraph: any amount

struct ItemList {
    GList* items = nullptr;
    ~ItemList() { g_list_free_full(items, reinterpret_cast<GDestroyNotify>(pango_item_free)); }
};

bool has_attr(const PangoItem* item, PangoAttrType type) {
    for (GSList* l = item->analysis.extra_attrs; l; l = l->next)
        if (static_cast<const PangoAttribute*>(l->data)->klass->type == type) return true;
    return false;
}

class ItemsBuilder {
public:
    ItemsBuilder(const ParagraphText& text, const layout::Style& style, double narrowest,
                 TypesetContext& ctx)
        : text_(text.text), style_(style), narrowest_(narrowest), ctx_(ctx),
          letter_spacing_(int(style.letter_spacing * kPango)) {}

    ParagraphItems build(PangoAttrList* attrs) {
        const int length = int(text_.size());
        // About one glyph a byte and a piece for every word and every space: one allocation each.
        out_.glyphs.reserve(text_.size() + 4);
        out_.pieces.reserve(text_.size() / 3 + 4);
        out_.breaks.reserve(text_.size() / 3 + 4);
        breaks_.emplace(text_, pango_context_get_language(ctx_.fonts.context()));
        out_.right_to_left = starts_right_to_left(text_);
        ItemList list{ctx_.itemizer.itemize(text_, attrs)};
        int char_index = 0;
        for (GList* l = list.items; l; l = l->next) {
            auto* item = static_cast<PangoItem*>(l->data);
            add_item(*item, char_index);
            char_index += item->num_chars;
        }
        finish_segment();
        add_forced_break(length, length);
        out_.base_metrics = base_metrics();
        return std::move(out_);
    }

private:
    void add_item(const PangoItem& item, int first_char) {
        item_ = &item;
        item_color_ = item_color(item);
        strike_ = has_attr(&item, PANGO_ATTR_STRIKETHROUGH);
        item_font_ = ctx_.font_table.index_of(item.analysis.font);
        // Once an item, not once a piece.
        item_metrics_ = item.analysis.font ? ctx_.shaper.font_info(item.analysis.font) : FontInfo{};
        cut_run(text_, item.offset, item.offset + item.length, size_t(first_char), *breaks_,
                [this](Cut cut, int start, int end) {
                    switch (cut) {
                        case Cut::Word: add_word(start, end); break;
                        case Cut::Space: add_space(start, end); break;
                        case Cut::SoftHyphen: add_hyphen(start, end); break;
                        case Cut::ForcedBreak: add_forced_break(start, end); break;
                        case Cut::BreakPoint:
                            finish_segment();
                            push(make_piece(Piece::Kind::BreakPoint, start, start),
                                 BreakItem::break_at(0));
                            break;
                    }
                });
    }

    Piece make_piece(Piece::Kind kind, int start, int end) const {
        Piece piece;
        piece.kind = kind;
        piece.start = start;
        piece.end = end;
        piece.font = item_font_;
        piece.color = item_color_;
        piece.strike = strike_;
        piece.level = item_ ? item_->analysis.level : out_.right_to_left;
        piece.glyph_begin = piece.glyph_end = unsigned(out_.glyphs.size());
        return piece;
    }

    // Shapes text[start, end) with the current item's font into the paragraph's glyph array;
    // letter spacing follows each cluster.
    void shape_into(Piece& piece, const char* text, int length, int cluster_base) {
        const ShapedText& shaped = ctx_.shaper.shape(text, length, item_->analysis);
        piece.metrics = item_metrics_;
        std::vector<ShapedGlyph>& glyphs = out_.glyphs;
        glyphs.resize(piece.glyph_begin);  // a reshaping replaces the piece's glyphs
        glyphs.insert(glyphs.end(), shaped.glyphs.begin(), shaped.glyphs.end());
        piece.glyph_end = unsigned(glyphs.size());
        long width = 0;
        for (size_t i = piece.glyph_begin; i < glyphs.size(); ++i) {
            ShapedGlyph& g = glyphs[i];
            if (letter_spacing_ != 0 && (i + 1 == glyphs.size() || glyphs[i + 1].cluster != g.cluster))
                g.advance += letter_spacing_;
            width += g.advance;
            g.cluster += cluster_base;
        }
        piece.width = width / kPango;
    }

    void add_word(int start, int end) {
        Piece piece = make_piece(Piece::Kind::Word, start, end);
        shape_into(piece, text_.c_str() + start, end - start, start);
        segment_width_ += piece.width;
        const BreakItem box = BreakItem::box(piece.width);
        push(std::move(piece), box);
    }

    void add_space(int start, int end) {
        finish_segment();
        Piece piece = make_piece(Piece::Kind::Space, start, end);
        shape_into(piece, text_.c_str() + start, end - start, start);
        // Ragged lines are set with natural spaces, so only justified ones may shrink them.
        const double shrink = style_.align == layout::Align::Justify ? piece.width / 3 : 0;
        const BreakItem glue = BreakItem::glue(piece.width, piece.width / 2, shrink);
        push(std::move(piece), glue);
    }

    // The hyphen drawn where a line breaks at a soft hyphen: U+2010 when the font has it.
    void add_hyphen(int start, int end) {
        finish_segment();
        Piece piece = make_piece(Piece::Kind::Hyphen, start, end);
        shape_into(piece, "\u2010", 3, 0);
        auto glyphs = mutable_glyphs(piece);
        bool missing = glyphs.empty() || (glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG);
        if (missing) shape_into(piece, "-", 1, 0);
        for (auto& g : mutable_glyphs(piece)) g.cluster = start;
        const BreakItem hyphen = BreakItem::break_at(kHyphenPenalty, piece.width, true);
        push(std::move(piece), hyphen);
    }

    // A line break written in the text (U+2028, newline) or the paragraph's end: the line before
    // it is set ragged, whatever the alignment.
    void add_forced_break(int start, int end) {
        finish_segment();
        push(make_piece(Piece::Kind::Fill, start, start), BreakItem::glue(0, kFillStretch, 0));
        push(make_piece(Piece::Kind::ForcedBreak, start, end),
             BreakItem::break_at(BreakItem::kForcedBreak));
    }

    void push(Piece piece, const BreakItem& item) {
        if (piece.kind == Piece::Kind::Word && segment_start_ < 0) segment_start_ = out_.pieces.size();
        out_.pieces.push_back(std::move(piece));
        out_.breaks.push_back(item);
    }

    // The words since the last break opportunity form an unbreakable run; one wider than the
    // narrowest line may also break between characters (a long URL in a narrow column).
    void finish_segment() {
        if (segment_start_ >= 0 && segment_width_ > narrowest_) split_segment(size_t(segment_start_));
        segment_start_ = -1;
        segment_width_ = 0;
    }

    void split_segment(size_t first) {
        std::vector<Piece> split;
        std::vector<BreakItem> breaks;
        // Parts come in text order: count characters from the segment's start, not the text's.
        int byte = out_.pieces[first].start;
        size_t char_index = char_index_of(byte);
        for (size_t i = first; i < out_.pieces.size(); ++i) {
            for (Piece& part : split_at_characters(out_.pieces[i])) {
                char_index += size_t(g_utf8_strlen(text_.c_str() + byte, part.start - byte));
                byte = part.start;
                if (!split.empty() && breaks_->char_break_before(char_index)) {
                    split.push_back(make_piece(Piece::Kind::BreakPoint, part.start, part.start));
                    breaks.push_back(BreakItem::break_at(kCharBreakPenalty));
                }
                breaks.push_back(BreakItem::box(part.width));
                split.push_back(std::move(part));
            }
        }
        out_.pieces.resize(first);
        out_.breaks.resize(first);
        for (size_t i = 0; i < split.size(); ++i) {
            out_.pieces.push_back(std::move(split[i]));
            out_.breaks.push_back(breaks[i]);
        }
    }

    // A word cut into its clusters (no reshaping: the parts keep the word's glyphs and their
    // shaped positions).
    std::vector<Piece> split_at_characters(const Piece& word) const {
        std::vector<Piece> parts;
        auto glyphs = out_.glyphs_of(word);
        size_t i = 0;
        while (i < glyphs.size()) {
            Piece part = word;
            part.start = glyphs[i].cluster;
            part.glyph_begin = word.glyph_begin + unsigned(i);
            long width = 0;
            for (; i < glyphs.size() && glyphs[i].cluster == part.start; ++i) width += glyphs[i].advance;
            part.glyph_end = word.glyph_begin + unsigned(i);
            part.end = i < glyphs.size() ? glyphs[i].cluster : word.end;
            part.width = width / kPango;
            parts.push_back(part);
        }
        if (parts.empty()) parts.push_back(word);
        return parts;
    }

    std::span<ShapedGlyph> mutable_glyphs(const Piece& piece) {
        return {out_.glyphs.data() + piece.glyph_begin, piece.glyph_end - piece.glyph_begin};
    }

    size_t char_index_of(int byte) const {
        return size_t(g_utf8_pointer_to_offset(text_.c_str(), text_.c_str() + byte));
    }

    Color item_color(const PangoItem& item) const { return color_of_item(&item, style_.color); }

    FontInfo base_metrics() const {
        for (const Piece& p : out_.pieces)
            if (p.metrics.size > 0) return p.metrics;
        FontDescriptionPtr desc(style_font(style_));
        GObjectPtr<PangoFont> font(pango_context_load_font(ctx_.fonts.context(), desc.get()));
        return font ? ctx_.shaper.font_info(font.get()) : FontInfo{style_.size * 0.8, style_.size * 0.2, style_.size};
    }

    const std::string& text_;
    const layout::Style& style_;
    double narrowest_;
    TypesetContext& ctx_;
    int letter_spacing_;
    std::optional<BreakOpportunities> breaks_;
    ParagraphItems out_;
    const PangoItem* item_ = nullptr;
    Color item_color_;
    bool strike_ = false;
    int item_font_ = -1;
    FontInfo item_metrics_;
    long segment_start_ = -1;
    double segment_width_ = 0;
};

}  // namespace

ParagraphItems build_paragraph_items(const ParagraphText& text, PangoAttrList* attrs,
                                     const layout::Style& style, double narrowest_line,
                                     TypesetContext& ctx) {
    return ItemsBuilder(text, style, narrowest_line, ctx).build(attrs);
}

}  // namespace dw::typeset

#pragma once
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bind/box.h"
#include "bind/expression.h"
#include "bind/scope.h"
#include "data/rich_text.h"
#include "layout/layout.h"

namespace dw::bind {

// An attribute's text once its expressions are evaluated. A value without expressions, and a
// schema default, is viewed where the layout holds it (most attributes of a card template are
// static, and copying each for every card added up); only an evaluated value is stored here.
class AttrText {
public:
    static AttrText in_layout(const std::string& text) {
        AttrText t;
        t.in_layout_ = &text;
        return t;
    }
    static AttrText evaluated(std::string text) {
        AttrText t;
        t.evaluated_ = std::move(text);
        return t;
    }

    std::string_view view() const {
        return in_layout_ ? std::string_view(*in_layout_) : evaluated_;
    }
    std::string str() && { return in_layout_ ? *in_layout_ : std::move(evaluated_); }

private:
    AttrText() = default;
    const std::string* in_layout_ = nullptr;  // else the text is evaluated_
    std::string evaluated_;
};

// Where an attribute's text comes from: as written, else the schema's default.
struct AttrSource {
    const std::string* text = nullptr;            // null: neither written nor a non-empty default
    const layout::TextTemplate* parts = nullptr;  // its {{expressions}}, as the reader split them
    bool unsplit_expressions = false;             // has {{expressions}}, on a node built by hand
    const layout::StaticValue* value = nullptr;   // without expressions: converted by the reader

    // The value the reader converted to T, or nullptr (then convert the text).
    template <class T>
    const T* converted() const {
        return value ? std::get_if<T>(value) : nullptr;
    }
};

// The state of one binding run, shared by the element binders (binder.cpp, inline_binder.cpp,
// richtext_binder.cpp, attribute_values.cpp).
class Binder {
public:
    Binder(const layout::Layout& layout, const data::Value& data, Diagnostics& diags);

    BoxDocument bind();

    // One face of a card (card_binder.cpp): `face` with the card as the data root, `theme` as
    // the variable "theme" and `style` (if any) as the default style.
    void bind_card_face(const std::vector<layout::Node>& face, const data::Value& theme,
                        const std::string& style, std::vector<Box>& out);
    std::string evaluate_card_text(const std::string& text, const SourceLoc& loc,
                                   const data::Value& theme);

    // flow content
    void bind_flow(const std::vector<layout::Node>& nodes, std::vector<Box>& out);
    void bind_node(const layout::Node& node, std::vector<Box>& out);

private:
    void bind_text(const layout::Node& node, std::vector<Box>& out);
    void bind_box(const layout::Node& node, std::vector<Box>& out);
    void bind_frame_content(const layout::Node& node, Box& box);
    void bind_row(const layout::Node& node, std::vector<Box>& out);
    void bind_grid(const layout::Node& node, std::vector<Box>& out);
    void bind_columns(const layout::Node& node, std::vector<Box>& out);
    void bind_container(const layout::Node& node, Box::Kind kind, std::vector<Box>& out);
    void bind_image(const layout::Node& node, std::vector<Box>& out);
    void bind_rule(const layout::Node& node, std::vector<Box>& out);
    void bind_spacer(const layout::Node& node, std::vector<Box>& out);
    void bind_for(const layout::Node& node, std::vector<Box>& out);
    // The items of a loop's each= list after where=, sort= and limit= (<for>, <table>); empty
    // with an error when each= names no list.
    std::vector<const data::Value*> loop_items(const layout::Node& node);
    void bind_table_element(const layout::Node& node, std::vector<Box>& out);  // table_binder.cpp
    bool bind_if(const layout::Node& node, std::vector<Box>& out);
    void bind_use(const layout::Node& node, std::vector<Box>& out);
    void bind_component(const std::string& name, const data::Value* value, const SourceLoc& loc,
                        std::vector<Box>& out);
    PageTemplate bind_page_master(const layout::PageMaster& master);

    // shapes and the date axis (shape_binder.cpp, timeline_binder.cpp)
    void bind_circle(const layout::Node& node, std::vector<Box>& out);
    void bind_arrow(const layout::Node& node, std::vector<Box>& out);
    void bind_timeline(const layout::Node& node, std::vector<Box>& out);
    struct TimelineAxis;
    std::optional<std::pair<std::string, SourceLoc>> timeline_item_date(const layout::Node& node,
                                                                        const SourceLoc& item_loc);
    bool timeline_item_days(const layout::Node& node, const SourceLoc& item_loc,
                            const TimelineAxis& axis, TimelineItem& entry);
    int timeline_item_status(const layout::Node& node, const SourceLoc& item_loc,
                             const std::vector<TimelineStatus>& statuses);
    bool bind_timeline_item(const layout::Node& node, const layout::Node* label,
                            const std::vector<TimelineStatus>& statuses, const TimelineAxis& axis,
                            Timeline& timeline, std::vector<Box>& labels);
    // An attribute's value and where it comes from: the data value an expression read, else
    // the attribute itself (so that errors in data point into the data file).
    std::optional<std::pair<std::string, SourceLoc>> located_attr(const layout::Node& node,
                                                                  const std::string& name);

    // inline content (inline_binder.cpp)
    void bind_inlines(const layout::Node& node, const Span& format, std::vector<Span>& out);
    std::vector<Piece> evaluate_text(const layout::Node& text);
    static void append_spans(std::vector<Piece> pieces, const Span& format, std::vector<Span>& out);

    // rich text (richtext_binder.cpp)
    void bind_richtext(const layout::Node& node, std::vector<Box>& out);
    struct RichStyles;
    void bind_blocks(const std::vector<data::Block>& blocks, const RichStyles& styles, int depth,
                     std::vector<Box>& out);
    void bind_list(const data::Block& list, const RichStyles& styles, int depth,
                   std::vector<Box>& out);
    void bind_table(const data::Block& table, const RichStyles& styles, std::vector<Box>& out);
    Box figure(const data::Block& image, const RichStyles& styles);
    bool drop_empty_sections(const std::vector<data::Block>& blocks, std::vector<data::Block>& kept);
    std::vector<Span> rich_spans(const std::vector<data::Inline>& inlines, const RichStyles& styles);
    void group_sections(std::vector<Box>& boxes, const RichStyles& styles);
    void group_sections_at(std::vector<Box>& boxes, const RichStyles& styles, const std::string& tag);
    // footnote_binder.cpp
    void bind_footnotes(const data::RichText& rich, RichStyles& styles);
    Span footnote_mark(const data::Inline& mark, const RichStyles& styles, Span format);

public:
    // attribute values (attribute_values.cpp): evaluate expressions, then convert
    AttrSource find_attr(const layout::Node& node, std::string_view name) const;
    std::optional<AttrText> attr_text(const layout::Node& node, std::string_view name);
    std::optional<AttrText> attr_text(const AttrSource& source, const layout::Node& node,
                                      std::string_view name);
    std::optional<std::string> text_attr(const layout::Node& node, std::string_view name);
    std::optional<Length> length_attr(const layout::Node& node, std::string_view name);
    // A length that must be larger than zero (sizes of shapes and markers); `fallback` if not.
    double positive_length_attr(const layout::Node& node, std::string_view name, Length fallback);
    std::optional<double> number_attr(const layout::Node& node, std::string_view name);
    std::optional<Color> color_attr(const layout::Node& node, std::string_view name);
    std::optional<bool> bool_attr(const layout::Node& node, std::string_view name);
    std::optional<layout::Align> align_attr(const layout::Node& node, std::string_view name);
    VAlign valign_attr(const layout::Node& node);
    std::optional<std::array<Length, 4>> box_lengths_attr(const layout::Node& node,
                                                          std::string_view name);
    std::array<double, 4> padding_attr(const layout::Node& node, std::string_view name);
    std::optional<Color> color_value(std::string_view text, const SourceLoc& loc);
    void report_unknown_colour(std::string_view text, const SourceLoc& loc);
    const layout::Style& style_named(const std::string& name, const SourceLoc& loc);
    const layout::Style& style_attr(const layout::Node& node, std::string_view name);
    const layout::Style& current_style();
    const SourceLoc& attr_loc(const layout::Node& node, std::string_view name) const;

private:
    const layout::Layout& layout_;
    const data::Value& data_;
    Diagnostics& diags_;
    Scope scope_;
    bool in_page_margin_ = false;
    std::vector<std::string> default_styles_;  // innermost <box style=...> last
    int jitter_counter_ = 0;
    int component_depth_ = 0;
    std::vector<Box> footnotes_;  // every richtext's notes, numbered through the document
    std::set<int> marked_notes_;  // notes whose first mark is bound (it gets the back-link anchor)
    int next_structure_id_ = 0;   // the last StructureElement id given to a list's element

    ExpressionContext expression_context() { return {scope_, diags_, in_page_margin_}; }
};

}  // namespace dw::bind

#pragma once
#include <optional>
#include <string>
#include <vector>

#include "bind/box.h"
#include "bind/expression.h"
#include "bind/scope.h"
#include "data/rich_text.h"
#include "layout/layout.h"

namespace dw::bind {

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
    void bind_frame_content(const layout::Node& node, Box box, std::vector<Box>& out);
    void bind_row(const layout::Node& node, std::vector<Box>& out);
    void bind_grid(const layout::Node& node, std::vector<Box>& out);
    void bind_columns(const layout::Node& node, std::vector<Box>& out);
    void bind_container(const layout::Node& node, Box::Kind kind, std::vector<Box>& out);
    void bind_image(const layout::Node& node, std::vector<Box>& out);
    void bind_rule(const layout::Node& node, std::vector<Box>& out);
    void bind_spacer(const layout::Node& node, std::vector<Box>& out);
    void bind_for(const layout::Node& node, std::vector<Box>& out);
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

    // rich text (richtext_binder.cpp)
    void bind_richtext(const layout::Node& node, std::vector<Box>& out);
    struct RichStyles;
    void bind_blocks(const std::vector<data::Block>& blocks, const RichStyles& styles, int depth,
                     std::vector<Box>& out);
    void bind_list(const data::Block& list, const RichStyles& styles, int depth,
                   std::vector<Box>& out);
    void bind_table(const data::Block& table, const RichStyles& styles, std::vector<Box>& out);
    std::vector<Span> rich_spans(const std::vector<data::Inline>& inlines, const RichStyles& styles);
    void group_sections(std::vector<Box>& boxes, const RichStyles& styles);
    void group_sections_at(std::vector<Box>& boxes, const RichStyles& styles, const std::string& tag);

public:
    // attribute values (attribute_values.cpp): evaluate expressions, then convert
    std::optional<std::string> text_attr(const layout::Node& node, const std::string& name);
    std::optional<Length> length_attr(const layout::Node& node, const std::string& name);
    // A length that must be larger than zero (sizes of shapes and markers); `fallback` if not.
    double positive_length_attr(const layout::Node& node, const std::string& name, Length fallback);
    std::optional<double> number_attr(const layout::Node& node, const std::string& name);
    std::optional<Color> color_attr(const layout::Node& node, const std::string& name);
    std::optional<bool> bool_attr(const layout::Node& node, const std::string& name);
    std::optional<layout::Align> align_attr(const layout::Node& node, const std::string& name);
    VAlign valign_attr(const layout::Node& node);
    std::vector<double> padding_attr(const layout::Node& node, const std::string& name);
    std::optional<Color> color_value(const std::string& text, const SourceLoc& loc);
    const layout::Style& style_named(const std::string& name, const SourceLoc& loc);
    const layout::Style& current_style();
    SourceLoc attr_loc(const layout::Node& node, const std::string& name) const;

private:
    const layout::Layout& layout_;
    const data::Value& data_;
    Diagnostics& diags_;
    Scope scope_;
    bool in_page_margin_ = false;
    std::vector<std::string> default_styles_;  // innermost <box style=...> last
    int jitter_counter_ = 0;
    int component_depth_ = 0;

    ExpressionContext expression_context() { return {scope_, diags_, in_page_margin_}; }
};

}  // namespace dw::bind

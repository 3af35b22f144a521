// <circle> and <arrow>: shapes as layout elements. A circle is a frame whose corner radius is
// half its size (typeset/ and paint/ need nothing new); an arrow is a rule with a head.
#include "bind/binder_internal.h"

namespace dw::bind {

void Binder::bind_circle(const layout::Node& node, std::vector<Box>& out) {
    Box& box = out.emplace_back();  // built in place (see bind_box)
    box.kind = Box::Kind::Frame;
    box.loc = node.loc;
    Frame& f = box.frame;
    double diameter = positive_length_attr(node, "diameter", Length::mm(10));
    f.width = Length::pt(diameter);
    f.height = Length::pt(diameter);
    f.radius = diameter / 2;
    f.fill = color_attr(node, "fill");
    f.border_width = length_attr(node, "border").value_or(Length{}).to_pt();
    f.border_color = color_attr(node, "border-color").value_or(Color{});
    f.align = align_attr(node, "align").value_or(layout::Align::Left);
    f.valign = VAlign::Middle;
    bind_frame_content(node, box);
}

void Binder::bind_arrow(const layout::Node& node, std::vector<Box>& out) {
    Box arrow;
    arrow.kind = Box::Kind::Arrow;
    arrow.loc = node.loc;
    std::string direction = text_attr(node, "direction").value_or("right");
    arrow.arrow_direction = direction == "left"   ? ArrowDirection::Left
                            : direction == "down" ? ArrowDirection::Down
                            : direction == "up"   ? ArrowDirection::Up
                            : direction == "both" ? ArrowDirection::Both
                                                  : ArrowDirection::Right;
    arrow.rule_color = color_attr(node, "color").value_or(current_style().color);
    arrow.thickness = length_attr(node, "thickness").value_or(Length::pt(1)).to_pt();
    arrow.arrow_head = positive_length_attr(node, "head", Length::mm(2.5));
    arrow.rule_width = length_attr(node, "length");
    bool vertical = arrow.arrow_direction == ArrowDirection::Down ||
                    arrow.arrow_direction == ArrowDirection::Up;
    if (vertical && arrow.rule_width && arrow.rule_width->unit == Length::Unit::Percent) {
        diags_.error(attr_loc(node, "length"), "a vertical arrow needs a length such as 12mm",
                     "a percentage is of the width, which only horizontal arrows have");
        arrow.rule_width = Length::mm(10);
    }
    std::string style = text_attr(node, "style").value_or("solid");
    if (style == "dashed") arrow.dash = {3 * arrow.thickness, 2 * arrow.thickness};
    if (style == "dotted") arrow.dash = {0.01, 2 * arrow.thickness};
    arrow.frame.align = align_attr(node, "align").value_or(layout::Align::Center);
    arrow.space_before = length_attr(node, "space-before").value_or(Length{}).to_pt();
    arrow.space_after = length_attr(node, "space-after").value_or(Length{}).to_pt();
    out.push_back(std::move(arrow));
}

}  // namespace dw::bind

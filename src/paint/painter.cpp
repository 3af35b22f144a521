#include "paint/painter.h"

#include <variant>

namespace dw::paint {

namespace {

// One overload per item kind: std::visit does not compile when a new kind has none.
struct Dispatch {
    Painter& painter;
    void operator()(const typeset::GlyphRun& run) const { painter.glyphs(run); }
    void operator()(const typeset::Shape& shape) const { painter.shape(shape); }
    void operator()(const typeset::Line& line) const { painter.line(line); }
    void operator()(const typeset::Image& image) const { painter.image(image); }
    void operator()(const typeset::Link& link) const { painter.link(link); }
    void operator()(const typeset::Dest& dest) const { painter.dest(dest); }
    void operator()(const typeset::GroupBegin& group) const { painter.group_begin(group); }
    void operator()(const typeset::GroupEnd&) const { painter.group_end(); }
    void operator()(const typeset::TagBegin& tag) const { painter.tag_begin(tag); }
    void operator()(const typeset::TagEnd&) const { painter.tag_end(); }
};

}  // namespace

void paint_document(const typeset::Document& doc, Painter& painter) {
    painter.begin_document(doc);
    for (const typeset::Page& page : doc.pages) paint_page(page, painter);
    painter.end_document();
}

void paint_page(const typeset::Page& page, Painter& painter) {
    painter.begin_page(page.width, page.height, page.label);
    for (const typeset::Item& item : page.items) std::visit(Dispatch{painter}, item);
    painter.end_page();
}

}  // namespace dw::paint

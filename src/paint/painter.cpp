#include "paint/painter.h"

#include <type_traits>
#include <variant>

namespace dw::paint {

namespace {

void paint_item(const typeset::Item& item, Painter& painter) {
    std::visit(
        [&painter](const auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, typeset::GlyphRun>) painter.glyphs(it);
            else if constexpr (std::is_same_v<T, typeset::Shape>) painter.shape(it);
            else if constexpr (std::is_same_v<T, typeset::Line>) painter.line(it);
            else if constexpr (std::is_same_v<T, typeset::Image>) painter.image(it);
            else if constexpr (std::is_same_v<T, typeset::Link>) painter.link(it);
            else if constexpr (std::is_same_v<T, typeset::Dest>) painter.dest(it);
            else if constexpr (std::is_same_v<T, typeset::GroupBegin>) painter.group_begin(it);
            else if constexpr (std::is_same_v<T, typeset::GroupEnd>) painter.group_end();
            else if constexpr (std::is_same_v<T, typeset::TagBegin>) painter.tag_begin(it);
            else if constexpr (std::is_same_v<T, typeset::TagEnd>) painter.tag_end();
            else static_assert(sizeof(T) == 0, "Painter has no method for this item kind");
        },
        item);
}

}  // namespace

void paint_document(const typeset::Document& doc, Painter& painter) {
    painter.begin_document(doc);
    for (const typeset::Page& page : doc.pages) {
        painter.begin_page(page.width, page.height, page.label);
        for (const typeset::Item& item : page.items) paint_item(item, painter);
        painter.end_page();
    }
    painter.end_document();
}

}  // namespace dw::paint

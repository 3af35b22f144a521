#pragma once
#include <string>

#include "typeset/page.h"

namespace dw::paint {

// One drawing back end (Cairo PDF/PNG/SVG, a text log for tests, ...). paint_document() calls
// begin_document once, then per page begin_page, one call per item in order, end_page, and
// finally end_document. Painters report problems through the Diagnostics they were given and
// never throw on bad items: a painter skips what it cannot draw.
class Painter {
public:
    virtual ~Painter() = default;

    // The whole document, for what is known up front: fonts, outline, metadata, destinations.
    virtual void begin_document(const typeset::Document& doc) = 0;
    virtual void begin_page(double width, double height, const std::string& label) = 0;

    virtual void glyphs(const typeset::GlyphRun& run) = 0;
    virtual void shape(const typeset::Shape& shape) = 0;
    virtual void line(const typeset::Line& line) = 0;
    virtual void image(const typeset::Image& image) = 0;
    virtual void link(const typeset::Link& link) = 0;
    virtual void dest(const typeset::Dest& dest) = 0;
    virtual void group_begin(const typeset::GroupBegin& group) = 0;
    virtual void group_end() = 0;
    virtual void tag_begin(const typeset::TagBegin& tag) = 0;
    virtual void tag_end() = 0;

    virtual void end_page() = 0;
    virtual void end_document() = 0;
};

// Walks all pages of `doc` and hands every item to `painter`.
void paint_document(const typeset::Document& doc, Painter& painter);

}  // namespace dw::paint

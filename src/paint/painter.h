#pragma once
#include <string>
#include <vector>

#include "typeset/page.h"

namespace dw::paint {

// One drawing back end (Cairo PDF/PNG/SVG, a text log for tests, ...). paint_document() calls
// begin_document once, then per page begin_page, one call per item in order, end_page, and
// finally end_document. Producers that make their pages one at a time (card decks) call
// begin_document with a document without pages, then paint_page for each page as it is made,
// and end_document themselves. Painters report problems through the Diagnostics they were given and
// never throw on bad items: a painter skips what it cannot draw.
class Painter {
public:
    virtual ~Painter() = default;

    // The whole document, for what is known up front: fonts, outline, metadata, destinations.
    virtual void begin_document(const typeset::Document& doc) = 0;
    virtual void begin_page(double width, double height, const std::string& label) = 0;
    // Between pages, when painting page by page: the document's font table has grown since
    // begin_document (entries are only appended, so earlier indices stay valid). Painters that
    // are only used with whole documents need not care; they then report the unknown fonts.
    virtual void update_fonts(const std::vector<typeset::FontFace>& fonts) { (void)fonts; }

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
// One page: begin_page, its items, end_page.
void paint_page(const typeset::Page& page, Painter& painter);

}  // namespace dw::paint

#pragma once
#include <pango/pango.h>

#include <string>
#include <vector>

#include "bind/box.h"
#include "typeset/paragraph_layout.h"

namespace dw::typeset {

// The paragraph's text as Pango sees it (case applied, soft hyphens inserted, page fields filled)
// with the byte range of every span, so attributes and links can be attached to it.
struct ParagraphText {
    std::string text;
    struct Range {
        int start = 0, end = 0;
        const bind::Span* span = nullptr;
    };
    std::vector<Range> ranges;
};

ParagraphText build_paragraph_text(const bind::Box& paragraph, TypesetContext& ctx);

// The text of a span without a page field, as the paragraph's text holds it: case applied,
// soft hyphens inserted where the style hyphenates (not in links or code). Safe on any thread
// (`diags` may be null).
std::string span_text(const bind::Span& span, const layout::Style& style, Hyphenator& hyphenator,
                      Diagnostics* diags);

// The font of a span: the paragraph style's, with the span's family, weight, style and size.
PangoFontDescription* span_font(const layout::Style& style, const bind::Span& span);

// The attributes (fonts, colours, letter spacing, decorations) of every span.
PangoAttrList* build_attributes(const bind::Box& paragraph, const ParagraphText& text);

// The paragraph style's font as a Pango description (caller frees).
PangoFontDescription* style_font(const layout::Style& style);

}  // namespace dw::typeset

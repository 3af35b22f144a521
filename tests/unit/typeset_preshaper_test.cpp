// The Preshaper shapes a document's words on another thread; the typesetter takes them instead
// of shaping them itself. What it takes must be exactly what it would have shaped.
#include "typeset/preshaper.h"

#include "typeset/glyph_runs.h"
#include "typeset/paragraph_items.h"
#include "typeset/paragraph_text.h"
#include "typeset_support.h"

using namespace typeset_test;

namespace {

const char* kText =
    "De wijkendeal van Arnhem-Oost, Ede en Wageningen: bewonersinitiatieven, "
    "gezondheidsbevordering en samenwerking (zie https://wijzijndewijk.nl/blueprint).";

dw::bind::BoxDocument bound(const std::string& xml, const dw::data::Value& data) {
    Diagnostics diags;
    auto layout = dw::layout::parse_layout(xml, DRUKWERK_SOURCE_ROOT "/tests/fixtures/geometry/t.xml",
                                           diags);
    REQUIRE(layout);
    auto boxes = dw::bind::bind_document(*layout, data, diags);
    REQUIRE(boxes);
    return *boxes;
}

// Every piece's glyphs, for comparing two builds of the same paragraph.
std::vector<std::vector<int>> glyphs_of(const ParagraphItems& items) {
    std::vector<std::vector<int>> out;
    for (const Piece& piece : items.pieces) {
        std::vector<int> g;
        for (const ShapedGlyph& s : items.glyphs_of(piece))
            for (int v : {int(s.glyph), s.x_offset, s.y_offset, s.advance, s.cluster}) g.push_back(v);
        out.push_back(g);
    }
    return out;
}

ParagraphItems items_of(const dw::bind::Box& paragraph, TypesetContext& ctx) {
    ParagraphText text = build_paragraph_text(paragraph, ctx);
    AttrListPtr attrs(build_attributes(paragraph, text));
    return build_paragraph_items(text, attrs.get(), paragraph.style, 1e9, ctx);
}

const dw::bind::Box& first_paragraph(const dw::bind::Box& box) {
    if (box.kind == dw::bind::Box::Kind::Paragraph) return box;
    REQUIRE_FALSE(box.children.empty());
    return first_paragraph(box.children.front());
}

}  // namespace

TEST_CASE("words shaped ahead are the words the typesetter shapes", "[preshape][threads]") {
    auto boxes = bound(geometry_layout("<text style=\"just\">{{text}}</text>"
                                       "<text style=\"h1\">{{text}}</text>"),
                       yaml(std::string("text: \"") + kText + "\"\n"));
    const dw::bind::Box& paragraph = first_paragraph(boxes.body);

    FontTable table_alone, table_shared;
    Diagnostics diags;
    TypesetContext alone{fonts(), hyphenator(), table_alone, diags};
    const ParagraphItems expected = items_of(paragraph, alone);

    SharedShapes shared;
    dw::Executor executor(1);
    Preshaper preshaper(boxes.body, fonts(), hyphenator(), shared, executor);
    preshaper.finish();
    TypesetContext with{fonts(), hyphenator(), table_shared, diags};
    with.shaper.use_shared(&shared);
    const ParagraphItems got = items_of(paragraph, with);

    CHECK(with.shaper.shared_hits() >= 20);  // the words and spaces of the paragraph
    CHECK(glyphs_of(got) == glyphs_of(expected));
}

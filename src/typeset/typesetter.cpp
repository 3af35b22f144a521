#include "typeset/typesetter.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "typeset/block_layout.h"
#include "typeset/font_system.h"
#include "typeset/glyph_runs.h"
#include "typeset/hyphenator.h"
#include "typeset/paginator.h"
#include "typeset/preshaper.h"

namespace dw::typeset {
namespace {

// Header or footer content, laid out for one page and centred vertically in its margin band.
void place_margin_content(const std::vector<bind::Box>& boxes, double band_top, double band_height,
                          const bind::PageTemplate& page, TypesetContext& ctx,
                          std::vector<Item>& out, const char* artifact) {
    if (boxes.empty()) return;
    BlockLayout blocks(ctx);
    std::vector<Fragment> fragments;
    double width = page.width - page.margin_left - page.margin_right;
    blocks.layout_all(boxes, page.margin_left, width, fragments);
    Fragment merged = BlockLayout::merge(std::move(fragments));
    translate_items(merged.items, 0, band_top + std::max(0.0, (band_height - merged.height) / 2));
    // A running header or footer repeats on every page: a pagination artifact, not content.
    append_as_artifact(std::move(merged.items), artifact, out);
}

// The notes laid out at the body's width, without space above their first or below their last
// line; the rule above them is a quarter of the body's width, its gaps sized from the notes' text.
FootnoteArea layout_footnotes(const std::vector<bind::Box>& notes, const BodyArea& body,
                              TypesetContext& ctx) {
    FootnoteArea area;
    for (const auto& note : notes) {
        BlockLayout blocks(ctx);
        std::vector<Fragment> lines;
        blocks.layout(note, body.x, body.width, lines);
        while (!lines.empty() && lines.back().glue) lines.pop_back();
        auto first = std::find_if(lines.begin(), lines.end(), [](const Fragment& f) { return !f.glue; });
        lines.erase(lines.begin(), first);
        area.notes.push_back(std::move(lines));
    }
    if (!notes.empty()) {
        area.gap = notes.front().style.size * 0.6;
        area.rule_length = body.width / 4;
        area.rule_color = notes.front().style.color;
    }
    return area;
}

Fragment page_background(const bind::PageTemplate& page, TypesetContext& ctx) {
    BlockLayout blocks(ctx);
    std::vector<Fragment> fragments;
    blocks.layout_all(page.background, 0, page.width, fragments);
    return BlockLayout::merge(std::move(fragments));
}

}  // namespace

Document typeset_document(const bind::BoxDocument& boxes, FontSystem& fonts, Hyphenator& hyphenator,
                          Diagnostics& diags, Executor* executor) {
    FontTable font_table;
    TypesetContext ctx{fonts, hyphenator, font_table, diags};
    // A scaled page master: lay out on the design's page, scale to the paper at the end.
    bind::PageTemplate page = boxes.page;
    const double scale = page.scale > 0 ? page.scale : 1;
    page.width /= scale;
    page.height /= scale;
    BodyArea body{page.margin_left, page.margin_top, page.width - page.margin_left - page.margin_right,
                  page.height - page.margin_top - page.margin_bottom};

    ctx.body_height = body.height;
    BlockLayout blocks(ctx);
    std::vector<Fragment> fragments;
    {
        SharedShapes preshaped;
        std::optional<Preshaper> preshaper;
        if (executor) preshaper.emplace(boxes.body, fonts, hyphenator, preshaped, *executor);
        ctx.shaper.use_shared(executor ? &preshaped : nullptr);
        blocks.layout(boxes.body, body.x, body.width, fragments);
        ctx.shaper.use_shared(nullptr);
    }
    FootnoteArea footnotes = layout_footnotes(boxes.footnotes, body, ctx);
    PaginationResult placed = paginate(fragments, blocks.sections(), body, footnotes);
    if (!placed.overfull.empty())
        diags.warning(boxes.body.loc, "some content is taller than a page and runs into the margin",
                      "allow the box to split with keep-together=\"false\" or make it smaller");

    Fragment background = page_background(page, ctx);
    Document doc;
    ctx.page_count = int(placed.pages.size());
    for (size_t n = 0; n < placed.pages.size(); ++n) {
        ctx.page_number = int(n + 1);
        Page out;
        out.width = boxes.page.width;
        out.height = boxes.page.height;
        out.label = std::to_string(n + 1);
        out.items = background.items;
        place_margin_content(page.header, 0, page.margin_top, page, ctx, out.items, kHeaderArtifact);
        auto& placed_items = placed.pages[n].items;
        out.items.insert(out.items.end(), std::make_move_iterator(placed_items.begin()),
                         std::make_move_iterator(placed_items.end()));
        place_margin_content(page.footer, page.height - page.margin_bottom, page.margin_bottom, page,
                             ctx, out.items, kFooterArtifact);
        if (scale != 1) scale_items(out.items, scale);
        auto& outline = placed.pages[n].outline;
        doc.outline.insert(doc.outline.end(), std::make_move_iterator(outline.begin()),
                           std::make_move_iterator(outline.end()));
        doc.pages.push_back(std::move(out));
    }
    doc.fonts = font_table.faces();
    const bind::Metadata& meta = boxes.metadata;
    doc.metadata = {meta.title, meta.author, meta.subject, meta.keywords, "drukwerk", meta.date,
                    meta.language, meta.fit_page};
    return doc;
}

}  // namespace dw::typeset

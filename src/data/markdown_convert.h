#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "data/cmark_gfm.h"
#include "data/line_index.h"
#include "data/rich_text.h"
#include "diag/diagnostics.h"

namespace dw::data {

// Turns a cmark-gfm tree into plain Blocks and Inlines, so later stages never see cmark. Lines
// are shifted to file lines (the body may start below front matter); columns count characters.
class MarkdownConverter {
public:
    MarkdownConverter(std::string_view body, std::string file, int first_line,
                      const std::vector<std::string>& component_names, Diagnostics& diags);

    std::vector<Block> blocks_of(cmark_node* parent, int depth);
    // The footnote definitions met by blocks_of, numbered in the order cmark placed them.
    std::vector<Footnote> take_footnotes() { return std::move(footnotes_); }

private:
    // markdown_blocks.cpp
    void add_block(cmark_node* node, int depth, std::vector<Block>& out);
    void code_block(cmark_node* node, Block& b);
    void html_block(cmark_node* node, Block& b);
    bool too_deep(int depth, const SourceLoc& loc);
    // markdown_images.cpp
    bool image_paragraph(cmark_node* paragraph, int depth, std::vector<Block>& out);
    Block image_block(cmark_node* image, int depth);
    SourceLoc loc_of(cmark_node* node, const SourceLoc& fallback) const;

    // markdown_inlines.cpp
    std::vector<Inline> inlines_of(cmark_node* parent, int depth, const SourceLoc& where);
    void add_inline(cmark_node* node, int depth, const SourceLoc& where, std::vector<Inline>& out);

    LineIndex index_;
    std::string file_;
    int first_line_;
    const std::vector<std::string>& components_;
    Diagnostics& diags_;
    bool reported_depth_ = false;
    std::vector<Footnote> footnotes_;
};

// Parses a Markdown body that starts on line `first_line` of `file`.
RichText parse_markdown_body(std::string_view body, const std::string& file, int first_line,
                             const std::vector<std::string>& component_names, Diagnostics& diags);

}  // namespace dw::data

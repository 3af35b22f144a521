#include <cmark-gfm-core-extensions.h>

#include <algorithm>

#include "data/markdown_convert.h"
#include "data/yaml_loader.h"
#include "diag/suggest.h"

namespace dw::data {

namespace {

// Real documents nest a few levels; this keeps a pathological "> > > > ..." from exhausting the
// stack in the recursive conversion.
constexpr int kMaxDepth = 64;

std::string first_word(std::string_view info) {
    size_t start = info.find_first_not_of(" \t");
    if (start == std::string_view::npos) return {};
    size_t end = info.find_first_of(" \t", start);
    return std::string(info.substr(start, end == std::string_view::npos ? end : end - start));
}

std::string without_final_newline(std::string s) {
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

// The delimiter row's alignment per column: 'l' (:--), 'c' (:-:), 'r' (--:), ' ' (---).
std::string table_alignments(cmark_node* table) {
    uint16_t columns = cmark_gfm_extensions_get_table_columns(table);
    const uint8_t* given = cmark_gfm_extensions_get_table_alignments(table);
    std::string align(columns, ' ');
    for (uint16_t i = 0; given && i < columns; ++i)
        if (given[i] == 'l' || given[i] == 'c' || given[i] == 'r') align[i] = char(given[i]);
    return align;
}

}  // namespace

MarkdownConverter::MarkdownConverter(std::string_view body, std::string file, int first_line,
                                     const std::vector<std::string>& component_names,
                                     Diagnostics& diags)
    : index_(body),
      file_(std::move(file)),
      first_line_(first_line),
      components_(component_names),
      diags_(diags) {}

SourceLoc MarkdownConverter::loc_of(cmark_node* node, const SourceLoc& fallback) const {
    int line = cmark_node_get_start_line(node);
    int col = cmark_node_get_start_column(node);
    if (line <= 0 || col <= 0) return fallback;  // cmark leaves some inlines without a position
    return {file_, first_line_ - 1 + line, index_.char_column(line, col)};
}

bool MarkdownConverter::too_deep(int depth, const SourceLoc& loc) {
    if (depth <= kMaxDepth) return false;
    if (!reported_depth_)
        diags_.error(loc, "Markdown nested more than " + std::to_string(kMaxDepth) + " levels deep",
                     "use fewer nested lists, quotes or emphasis here");
    reported_depth_ = true;
    return true;
}

std::vector<Block> MarkdownConverter::blocks_of(cmark_node* parent, int depth) {
    std::vector<Block> out;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
        add_block(n, depth, out);
    return out;
}

// Appends the Block for `node`, if it has one.
void MarkdownConverter::add_block(cmark_node* node, int depth, std::vector<Block>& out) {
    Block b;
    b.loc = loc_of(node, {file_, first_line_, 1});
    if (too_deep(depth, b.loc)) return;
    std::string_view name = node_type_name(node);
    if (name == "table") {
        b.kind = Block::Kind::Table;
        b.align = table_alignments(node);
        b.children = blocks_of(node, depth + 1);
    } else if (name == "table_header" || name == "table_row") {
        b.kind = Block::Kind::TableRow;
        b.children = blocks_of(node, depth + 1);
    } else if (name == "table_cell") {
        b.kind = Block::Kind::TableCell;
        b.inlines = inlines_of(node, depth + 1, b.loc);
    } else {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_PARAGRAPH:
                if (image_paragraph(node, depth, out)) return;
                b.kind = Block::Kind::Paragraph;
                b.inlines = inlines_of(node, depth + 1, b.loc);
                break;
            case CMARK_NODE_HEADING:
                b.kind = Block::Kind::Heading;
                b.level = cmark_node_get_heading_level(node);
                b.inlines = inlines_of(node, depth + 1, b.loc);
                break;
            case CMARK_NODE_LIST:
                b.kind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                             ? Block::Kind::OrderedList
                             : Block::Kind::BulletList;
                if (b.kind == Block::Kind::OrderedList) b.start = cmark_node_get_list_start(node);
                b.tight = cmark_node_get_list_tight(node) != 0;
                b.children = blocks_of(node, depth + 1);
                break;
            case CMARK_NODE_ITEM:
                b.kind = Block::Kind::ListItem;
                b.task = name == "tasklist";  // the tasklist extension renames "- [ ]" items
                b.checked = b.task && cmark_gfm_extensions_get_tasklist_item_checked(node);
                b.children = blocks_of(node, depth + 1);
                break;
            case CMARK_NODE_BLOCK_QUOTE:
                b.kind = Block::Kind::BlockQuote;
                b.children = blocks_of(node, depth + 1);
                break;
            case CMARK_NODE_CODE_BLOCK:
                code_block(node, b);
                break;
            case CMARK_NODE_HTML_BLOCK:
                html_block(node, b);
                break;
            case CMARK_NODE_THEMATIC_BREAK:
                b.kind = Block::Kind::ThematicBreak;
                break;
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                footnotes_.push_back({int(footnotes_.size()) + 1, blocks_of(node, depth + 1), b.loc});
                return;
            default:
                diags_.warning(b.loc, "Markdown element '" + std::string(name) +
                                          "' is not supported and is left out");
                return;
        }
    }
    out.push_back(std::move(b));
}

// A fenced block's info string either names a layout component (its content is that
// component's YAML data) or is absent (plain code). Any other name is most likely a typo of a
// component, so it is an error rather than silently printed code.
void MarkdownConverter::code_block(cmark_node* node, Block& b) {
    b.kind = Block::Kind::CodeBlock;
    b.info = cmark_text(cmark_node_get_fence_info(node));
    std::string literal = cmark_text(cmark_node_get_literal(node));
    std::string word = first_word(b.info);
    if (word.empty()) {
        b.text = without_final_newline(std::move(literal));
        return;
    }
    if (std::find(components_.begin(), components_.end(), word) == components_.end()) {
        std::string hint = suggestion_hint(word, components_);
        if (hint.empty()) hint = "a plain code block uses a fence without a name: ```";
        diags_.error(b.loc, "unknown component '" + word + "'", hint);
        b.text = without_final_newline(std::move(literal));
        return;
    }
    b.kind = Block::Kind::Component;
    b.info = word;
    // The content starts on the line after the fence, at the fence's column (cmark strips the
    // indentation of a fence inside a list item or quote from every content line).
    SourceLoc origin{file_, b.loc.line + 1, b.loc.col};
    std::optional<Value> data = parse_yaml(literal, origin, diags_);
    b.data = std::make_shared<const Value>(data ? std::move(*data) : Value{});
}

// Raw HTML is never interpreted (the output is print, and the text is the user's): its source is
// kept as literal text, one line per line.
void MarkdownConverter::html_block(cmark_node* node, Block& b) {
    diags_.warning(b.loc, "raw HTML is not rendered; it is printed as text",
                   "use Markdown formatting instead of HTML tags");
    b.kind = Block::Kind::Paragraph;
    std::string_view html = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
    while (!html.empty() && html.back() == '\n') html.remove_suffix(1);
    size_t start = 0;
    while (start <= html.size()) {
        size_t end = std::min(html.find('\n', start), html.size());
        std::string_view line = html.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (start > 0) b.inlines.push_back({Inline::Kind::LineBreak, {}, {}, {}});
        b.inlines.push_back({Inline::Kind::Text, std::string(line), {}, {}});
        start = end + 1;
    }
}

RichText parse_markdown_body(std::string_view body, const std::string& file, int first_line,
                             const std::vector<std::string>& component_names, Diagnostics& diags) {
    RichText rich;
    CmarkNodePtr doc = parse_gfm(body);
    if (!doc) {
        diags.error({file, first_line, 1}, "cannot parse the Markdown text (out of memory)");
        return rich;
    }
    MarkdownConverter converter(body, file, first_line, component_names, diags);
    rich.blocks = converter.blocks_of(doc.get(), 0);
    rich.footnotes = converter.take_footnotes();
    return rich;
}

}  // namespace dw::data

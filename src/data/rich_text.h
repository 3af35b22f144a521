#pragma once
#include <memory>
#include <string>
#include <vector>

#include "data/value.h"
#include "diag/source_loc.h"

namespace dw::data {

// Markdown parsed into plain data (from cmark-gfm), so later stages never see the parser.
struct Inline {
    enum class Kind { Text, Strong, Emph, Strike, Code, Link, SoftBreak, LineBreak, FootnoteRef };
    Kind kind = Kind::Text;
    std::string text;              // Kind::Text and Kind::Code; FootnoteRef: its number as text
    std::string url;               // Kind::Link (also autolinks)
    std::vector<Inline> children;  // Strong, Emph, Strike, Link
};

struct Block {
    enum class Kind {
        Heading,        // level 1..6, inlines
        Paragraph,      // inlines
        BulletList,     // children are ListItem; tight
        OrderedList,    // children are ListItem; start, tight
        ListItem,       // children are blocks; task/checked for GFM task list items
        BlockQuote,     // children are blocks
        Table,          // children are TableRow (first is the header row)
        TableRow,       // children are TableCell
        TableCell,      // inlines
        CodeBlock,      // text, info
        ThematicBreak,  //
        Component,      // a fenced block whose info string names a layout component
        Image,          // a paragraph of only an image: text is the file (absolute, checked),
                        // info the title (the caption), inlines the alt text
    };
    Kind kind = Kind::Paragraph;
    int level = 0;        // Heading: 1..6
    int start = 1;        // OrderedList
    bool tight = true;    // lists
    bool task = false;    // ListItem from "- [ ]" / "- [x]"
    bool checked = false; // ListItem
    std::vector<Inline> inlines;
    std::vector<Block> children;
    std::string text;                // CodeBlock literal
    std::string info;                // CodeBlock info string / Component name
    std::string align;               // Table: per column 'l', 'c', 'r' or ' ' (not given)
    std::shared_ptr<const Value> data;  // Component: its YAML, parsed into a Value
    SourceLoc loc;
};

// A GFM footnote (`[^label]: text`): numbered 1, 2... in the order of its first reference; a
// label referenced twice is one note. FootnoteRef inlines carry its number.
struct Footnote {
    int number = 0;
    std::vector<Block> blocks;  // the note's text
    SourceLoc loc;              // its definition
};

struct RichText {
    std::vector<Block> blocks;
    std::vector<Footnote> footnotes;  // referenced notes, by number (footnotes[i].number == i + 1)
};

// The plain text of inline content (for outlines, metadata and tests).
std::string plain_text(const std::vector<Inline>& inlines);

}  // namespace dw::data

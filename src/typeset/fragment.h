#pragma once
#include <string>
#include <vector>

#include "typeset/page.h"

namespace dw::typeset {

// A horizontal slice of the flow that pagination places as a whole: one line of a paragraph, a
// box that does not split, a grid row, or vertical space. Items are positioned with final x and
// y relative to the fragment's top.
struct Fragment {
    double height = 0;
    std::vector<Item> items;

    bool glue = false;                  // vertical space: dropped at the top of a page
    bool forced_break = false;          // <page-break/>: the next fragment starts a new page
    bool break_before_allowed = true;   // false inside a paragraph's orphan/widow zone
    bool keep_with_next = false;        // headings: no page break between this and the next

    // Structure: consecutive fragments with the same paragraph id form one tagged element.
    std::string tag;   // "P", "H1", "LI"... ; empty for untagged fragments
    int paragraph = -1;
    std::string alt;   // tag "Figure": its alternative text

    std::vector<OutlineEntry> outline;  // bookmarks whose Dest items are in `items`
    std::vector<int> notes;  // footnotes marked on this line (BoxDocument::footnotes index + 1)

    int section = -1;  // index into the section table when inside a <richtext> section
    // A table's body row: index into the section table of the entry whose heading is the
    // table's header, repeated where the table continues on a new page.
    int table_header = -1;
};

// The heading repeated and the note printed where a section runs over a page.
struct SectionInfo {
    std::vector<Fragment> heading;  // copies without bookmarks
    Fragment note;                  // "Zie vervolg op de volgende pagina."
};

// Moves every item of a fragment by (dx, dy).
void translate_items(std::vector<Item>& items, double dx, double dy);

// Scales every item about the page origin by `factor`: positions, sizes, font sizes, line widths.
void scale_items(std::vector<Item>& items, double factor);

// Appends `fragment`'s items at vertical offset `y` into `out`, with structure tags around each
// paragraph; `open_paragraph` carries the paragraph whose tag is open between calls.
void emit_fragment(const Fragment& fragment, double y, std::vector<Item>& out, int& open_paragraph);
// The same, moving the items out of `fragment` instead of copying them.
void emit_fragment(Fragment&& fragment, double y, std::vector<Item>& out, int& open_paragraph);
void close_open_tag(std::vector<Item>& out, int& open_paragraph);

}  // namespace dw::typeset

#pragma once
#include <string>
#include <vector>

#include "bind/structure_path.h"
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

    // Structure: consecutive fragments with the same paragraph id form one tagged element, the
    // leaf inside the enclosing elements of `structure`.
    std::string tag;   // "P", "H1", "Table"... ; empty for untagged fragments
    int paragraph = -1;
    std::string alt;   // the tag's TagBegin::alt: a Figure's /Alt, letter-spaced text's /ActualText
    bind::StructurePath structure;  // enclosing elements (a list item's L, LI, LBody)
    // The items hold a list item's label between TagBegin{"Lbl"} and its TagEnd; it is the
    // innermost LI's Lbl, before the LBody, not part of the leaf.
    bool has_label = false;

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

// The structure elements open between fragments while they are appended to one item list:
// the enclosing elements, then the open leaf (a paragraph's tag), outermost first.
struct OpenStructure {
    struct Open {
        bind::StructureElement element;
        bool leaf = false;
        bool operator==(const Open& o) const { return leaf == o.leaf && element == o.element; }
    };
    std::vector<Open> open;
    // The elements the previous page left open at the end of its body (closed there, since
    // Cairo ends structure at a page's end): opened again on this page, at the same depth, they
    // are parts that continue them (TagBegin::continues).
    std::vector<Open> continued = {};
};

// Appends `fragment`'s items at vertical offset `y` into `out`, inside its structure elements:
// the elements that the previous fragment left open and this one is not inside are closed,
// the missing ones opened. A fragment without items changes nothing.
void emit_fragment(const Fragment& fragment, double y, std::vector<Item>& out, OpenStructure& open);
// The same, moving the items out of `fragment` instead of copying them.
void emit_fragment(Fragment&& fragment, double y, std::vector<Item>& out, OpenStructure& open);
// Closes every open element.
void close_structure(std::vector<Item>& out, OpenStructure& open);

// Whether `item` opens or closes a structure tag.
bool is_structure_tag(const Item& item);

// Appends `items` to `out` as a pagination artifact (`artifact`: kHeaderArtifact or
// kFooterArtifact): their own structure tags dropped, the rest inside one artifact tag. For what
// a page repeats or adds for its own sake (running header and footer, a section heading repeated
// on the next page, "continued on the next page"), which a screen reader must not read as content.
// Nothing is appended when no item is left.
void append_as_artifact(std::vector<Item> items, const char* artifact, std::vector<Item>& out);

}  // namespace dw::typeset

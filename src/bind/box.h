#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bind/structure_path.h"
#include "diag/source_loc.h"
#include "layout/color.h"
#include "layout/length.h"
#include "layout/style.h"

// The box tree: the layout's template with every expression evaluated against the data. Plain
// data handed from bind/ to typeset/; nothing here knows XML, YAML, Markdown or Pango.
namespace dw::bind {

// A run of text inside a paragraph with the inline formatting that differs from the paragraph's
// style. `field` marks text that only pagination knows (page number, page count).
struct Span {
    enum class Field { None, PageNumber, PageCount };
    std::string text;
    Field field = Field::None;
    std::optional<std::string> family;
    std::optional<int> weight;
    std::optional<bool> italic;
    std::optional<double> size;
    std::optional<Color> color;
    bool strike = false;
    bool underline = false;
    bool monospace = false;
    std::string link;  // URI ("https://…", "mailto:…") or "" for none
    std::string dest;    // an internal link: the named destination it leads to, or ""
    std::string anchor;  // a named destination where the span's text starts, or ""
    int footnote = 0;    // a footnote mark: its note is BoxDocument::footnotes[footnote - 1]
    bool superscript = false;  // smaller and raised (footnote marks)
    SourceLoc loc;     // where the text comes from (data value or layout); for diagnostics
};

enum class VAlign { Top, Middle, Bottom };

struct Frame {  // decoration and geometry of a <box>
    std::optional<Color> fill;
    double border_width = 0;
    Color border_color;
    double radius = 0;
    double padding[4] = {0, 0, 0, 0};  // top, right, bottom, left (pt)
    std::optional<Length> width, height;
    double rotate = 0;  // degrees, clockwise
    bool keep_together = true;
    layout::Align align = layout::Align::Left;
    VAlign valign = VAlign::Top;  // content in a fixed height (box) or in a row's height (row)
    bool shrink_to_fit = false;   // fit="shrink": text with a min-size shrinks into the height
};

// A date axis (<timeline>). Dates are day numbers (days since 1970-01-01) so that typeset/ only
// does arithmetic; labels of items are the Timeline box's children, one Stack per item.
struct TimelineStatus {
    std::string name, label;
    Color color;
    bool outline = false;  // a ring instead of a disc
};

struct TimelineItem {
    int start = 0, end = 0;  // a point when start == end
    int status = 0;          // index into Timeline::statuses
};

struct TimelineTick {
    int day = 0;
    std::string label;  // "jan", "apr"...
    std::string year;   // set on the first tick and on every January: "2025"
};

struct Timeline {
    int start = 0, end = 1;  // the axis, first and last day
    std::vector<TimelineTick> ticks;
    std::vector<TimelineStatus> statuses;
    std::vector<TimelineItem> items;  // items[i] is labelled by Box::children[i]
    std::optional<int> now;
    int now_month_end = 0;  // the last day of now's month: items dated in it are not "after now"
    std::string now_label;
    layout::Style tick_style, legend_style;
    Color axis_color;
    double axis_thickness = 1.5, marker_size = 11.34, label_width = 113.4, gap = 8.5;
    enum class Legend { Top, Bottom, None } legend = Legend::Top;
    bool vertical = false;  // items in date order down a line instead of along an axis
};

// A table (GFM tables in rich text): the Box's children are its rows, each a Stack whose
// children are the cells (Stacks of blocks). The first `header_rows` rows are the header, repeated
// on every page the table breaks onto. Shared and immutable once bound.
struct TableCells {  // how the cells of a row kind are decorated (from their style)
    double padding[4] = {0, 0, 0, 0};  // top, right, bottom, left (pt)
    double rule_below = 0;             // pt; 0: no rule under the row
    Color rule_color;
    std::optional<Color> fill;
};

struct TableFormat {
    int header_rows = 1;
    std::vector<std::optional<Length>> widths;  // per column; unset: from the content
    std::optional<Length> width;  // the whole table's; unset: as its content needs, at most the column
    TableCells header, body;
};

enum class ArrowDirection { Right, Left, Down, Up, Both };

struct Box {
    enum class Kind {
        Paragraph,  // style + spans (+ list marker)
        Stack,      // children one below the other
        Section,    // children: [0] is the heading; continued note repeats on split
        Frame,      // a decorated box around its children
        Row,        // children side by side; widths[i] for child i
        Grid,       // children are cells, `columns` per row
        Columns,    // children flow into `columns` balanced columns
        Keep,       // children kept on one page
        Image,
        Rule,
        Spacer,
        PageBreak,
        Timeline,  // a date axis; children are the item labels
        Arrow,     // a connector line with a head; drawn with the Rule fields
        Table,     // rows of cells; see TableFormat
    };
    Kind kind = Kind::Stack;
    SourceLoc loc;
    std::vector<Box> children;
    // The structure elements this box is inside (a list item's L, LI and LBody); its own tag,
    // if any, is the leaf below them.
    StructurePath structure;

    // Paragraph
    layout::Style style;
    std::vector<Span> spans;
    std::string marker;      // list marker ("•", "3.", "☐"), hung in the left indent
    std::string tag = "P";   // structure tag: P, H1, H2, H3, Caption...
    int bookmark_level = 0;  // 0: not in the outline
    bool keep_last_line_with_next = false;  // a list item's lead-in stays with its sub-list

    // Section: the note printed at the foot of a page where the section continues
    std::string continued_note;
    layout::Style continued_style;

    // Frame
    Frame frame;

    // Row / Grid / Columns
    std::vector<Length> widths;  // Row: one per child
    int columns = 1;             // Grid, Columns
    double gap = 0;              // pt between columns
    double row_gap = 0;          // pt between grid rows
    std::optional<double> cell_height;  // Grid: fixed cell height
    bool balance = true;         // Columns
    std::optional<Color> column_rule;  // Columns: a thin line between the columns

    // Image
    std::string image_file;  // absolute path, exists
    std::optional<Length> image_width, image_height;
    std::optional<std::string> alt;  // unset: none written; "": decorative

    // Rule
    Color rule_color;
    double thickness = 0.5;
    std::vector<double> dash;
    std::optional<Length> rule_width;

    // Arrow (also uses rule_color, thickness, dash, rule_width as its length)
    ArrowDirection arrow_direction = ArrowDirection::Right;
    double arrow_head = 7;

    // Timeline: shared and immutable once bound (most boxes have none; copies stay cheap)
    std::shared_ptr<const Timeline> timeline;
    // Table: shared and immutable once bound
    std::shared_ptr<const TableFormat> table;

    // Rule / Spacer: vertical space
    double space_before = 0, space_after = 0;
    double height = 0;  // Spacer
};

struct PageTemplate {  // a bound page master
    std::string name;
    double width = 595.276, height = 841.89;
    double scale = 1;  // the design is laid out at width/scale x height/scale, then scaled
    double margin_top = 0, margin_right = 0, margin_bottom = 0, margin_left = 0;
    std::vector<Box> header, footer, background;
};

struct Metadata {
    std::string title, author, subject, keywords, language, date;
    bool fit_page = false;  // <metadata initial-view="fit-page">
};

struct BoxDocument {
    PageTemplate page;  // the document's page master
    Box body;           // Kind::Stack
    // Footnotes of the rich text in the body: footnotes[i] (a Stack of the note's paragraphs) is
    // set at the foot of the page where the first mark with footnote == i + 1 lands.
    std::vector<Box> footnotes;
    Metadata metadata;
};

}  // namespace dw::bind

// The table of the layout language. Adding an element or attribute here is enough for the reader
// to accept and check it and for the reference document to describe it (regenerate
// docs/layout-reference.md with `build/drukwerk schema > docs/layout-reference.md`).
#include "layout/length_range.h"
#include "layout/schema.h"

namespace dw::layout {
namespace {

using T = AttrType;

AttrSpec opt(std::string name, AttrType type, std::string def, std::string doc) {
    AttrSpec a;
    a.name = std::move(name);
    a.type = type;
    a.default_value = std::move(def);
    a.doc = std::move(doc);
    return a;
}

AttrSpec req(std::string name, AttrType type, std::string doc) {
    AttrSpec a = opt(std::move(name), type, "", std::move(doc));
    a.required = true;
    return a;
}

AttrSpec required(AttrSpec a) {
    a.required = true;
    return a;
}

AttrSpec choice(std::string name, std::vector<std::string> choices, std::string def,
                std::string doc) {
    AttrSpec a = opt(std::move(name), T::Enum, std::move(def), std::move(doc));
    a.choices = std::move(choices);
    return a;
}

AttrSpec ranged(std::string name, AttrType type, double min, double max, std::string def,
                std::string doc) {
    AttrSpec a = opt(std::move(name), type, std::move(def), std::move(doc));
    a.min = min;
    a.max = max;
    return a;
}

// A length-valued attribute with its own range (points, and percent), instead of the default
// from 0 to the largest PDF page (layout/length_range.h).
AttrSpec length_in(AttrSpec a, double min_pt, double max_pt, double min_percent = 0,
                   double max_percent = 100) {
    a.min = min_pt;
    a.max = max_pt;
    a.min_percent = min_percent;
    a.max_percent = max_percent;
    return a;
}

// Font sizes: from 1pt to 1000pt, or 1% to 1000% of the size they are relative to.
AttrSpec font_size(AttrSpec a) { return length_in(std::move(a), 1, 1000, 1, 1000); }

// A correction either way, up to 50 mm (as --back-offset takes it).
constexpr double kOffsetPt = 50 * 72 / 25.4;

ElementSpec flow(std::string name, std::string doc, Content content,
                 std::vector<AttrSpec> attributes) {
    return ElementSpec{.name = std::move(name),
                       .doc = std::move(doc),
                       .category = Category::Flow,
                       .content = content,
                       .children = {},
                       .attributes = std::move(attributes),
                       .occurs = Occurs::Any,
                       .expressions = true};
}

ElementSpec inline_element(std::string name, std::string doc, Content content,
                           std::vector<AttrSpec> attributes) {
    ElementSpec e = flow(std::move(name), std::move(doc), content, std::move(attributes));
    e.category = Category::Inline;
    return e;
}

ElementSpec structure(std::string name, std::string doc, Content content,
                      std::vector<std::string> children, std::vector<AttrSpec> attributes,
                      Occurs occurs = Occurs::Any) {
    return ElementSpec{.name = std::move(name),
                       .doc = std::move(doc),
                       .category = Category::Structure,
                       .content = content,
                       .children = std::move(children),
                       .attributes = std::move(attributes),
                       .occurs = occurs,
                       .expressions = false};
}

// What <for> and <table> share: which items of the list, in what order.
AttrSpec loop_where() {
    return opt("where", T::Filter, "", "Keep only items where field=value or field!=value.");
}
AttrSpec loop_sort() { return opt("sort", T::Path, "", "Sort the items by this field of each item."); }
AttrSpec loop_order() {
    return choice("order", {"ascending", "descending"}, "ascending", "Sort order.");
}

const std::vector<std::string> kAlign{"left", "right", "center", "justify"};
const std::vector<std::string> kPlace{"left", "center", "right"};
const std::vector<std::string> kVAlign{"top", "middle", "bottom"};

std::vector<AttrSpec> style_attributes() {
    return {
        req("name", T::Name, "Name by which text, boxes and richtext refer to this style."),
        opt("base", T::StyleRef, "",
            "Style to inherit from: every attribute not set here takes the base's value."),
        opt("family", T::String, "Lato", "Font family; only the fonts in fonts/ are available."),
        opt("weight", T::FontWeight, "normal", "Font weight."),
        opt("italic", T::Bool, "false", "Use the italic face."),
        font_size(opt("size", T::LengthOrPercent, "10pt",
                      "Font size; a percentage is of the base style's size.")),
        opt("color", T::Color, "#000000", "Text colour."),
        length_in(opt("line-height", T::LineHeight, "1.3",
                      "Distance between baselines: a multiple of the size (1.4) or a length (14pt)."),
                  1, 1000),
        opt("space-before", T::Length, "0", "Space above the block."),
        opt("space-after", T::Length, "0", "Space below the block."),
        choice("align", kAlign, "left", "Alignment of the lines."),
        length_in(opt("indent", T::Length, "0",
                      "Indent of the first line; a negative indent hangs the other lines."),
                  -kLargestLengthPt, kLargestLengthPt),
        opt("left-indent", T::Length, "0", "Indent of every line from the left edge."),
        length_in(opt("letter-spacing", T::LengthOrPercent, "0",
                      "Extra space between letters; a percentage is of the font size."),
                  -10, 100, -50, 100),
        choice("case", {"none", "upper", "lower"}, "none", "Change the case of the text."),
        choice("hyphenate", {"none", "nl"}, "none",
               "Hyphenation language; nl hyphenates Dutch at line ends."),
        opt("keep-with-next", T::Bool, "false",
            "Never end a page after this block (for headings)."),
        ranged("widows", T::Int, 1, 10, "2", "Fewest lines of a paragraph alone at a page top."),
        ranged("orphans", T::Int, 1, 10, "2",
               "Fewest lines of a paragraph alone at a page bottom."),
        opt("background", T::Color, "", "Colour painted behind the whole block; default none."),
        font_size(opt("min-size", T::LengthOrPercent, "",
                      "Smallest size the text may shrink to inside a box with fit=\"shrink\"; "
                      "default: it does not shrink.")),
        opt("cell-padding", T::Lengths, "0",
            "Table cells in this style: space inside the cell, top right bottom left (1-4 values)."),
        opt("rule-below", T::Length, "0", "Table rows in this style: a rule under the row."),
        opt("rule-color", T::Color, "", "Colour of rule-below; default: the text colour."),
    };
}

std::vector<AttrSpec> richtext_attributes() {
    std::vector<AttrSpec> attrs{
        req("source", T::Path, "Data path of the rich text (a Markdown body) to render.")};
    const std::pair<const char*, const char*> blocks[] = {
        {"h1", "level 1 headings"},
        {"h2", "level 2 headings"},
        {"h3", "level 3 headings"},
        {"paragraph", "paragraphs"},
        {"bullet-1", "bullet list items"},
        {"bullet-2", "nested bullet list items"},
        {"bullet-3", "bullet list items nested twice"},
        {"numbered", "numbered list items"},
        {"task", "task list items ([ ] and [x])"},
        {"quote", "block quotes"},
        {"table", "table cells"},
        {"table-header", "table header cells"},
        {"code", "code blocks"},
        {"caption", "image captions (an image's title)"},
    };
    for (const auto& [name, what] : blocks) {
        attrs.push_back(opt(name, T::StyleRef, "",
                            std::string("Style of ") + what + "; default: the default style."));
    }
    attrs.push_back(opt("link-color", T::Color, "", "Colour of links; default: the text colour."));
    attrs.push_back(ranged("bookmarks", T::Int, 0, 3, "2",
                           "Headings up to this level become PDF outline entries; 0 for none."));
    attrs.push_back(opt("continued", T::ExpressionText, "",
                        "Note printed at the foot of a page where a section continues."));
    attrs.push_back(opt("continued-style", T::StyleRef, "",
                        "Style of the continued note; default: the default style."));
    attrs.push_back(opt("footnote", T::StyleRef, "",
                        "Style of footnotes ([^label]), set at the foot of the page under a short "
                        "rule; default: the paragraph style at 80 % size."));
    attrs.push_back(choice("section-break", {"none", "h1", "h2"}, "none",
                           "Start every section at this heading level on a new page."));
    attrs.push_back(choice("empty-sections", {"warn", "print"}, "warn",
                           "A heading with nothing under it: left out with a warning, or printed."));
    attrs.push_back(opt("table-width", T::LengthOrPercent, "",
                        "Width of tables; default: as wide as their content needs, at most the "
                        "column."));
    return attrs;
}

// Metadata is structure, but its values are templates filled from the data.
ElementSpec metadata_element() {
    ElementSpec metadata = structure(
        "metadata", "PDF document properties; values may hold {{expressions}}.", Content::Empty, {},
        {opt("title", T::ExpressionText, "", "Document title."),
         opt("author", T::ExpressionText, "", "Author."),
         opt("subject", T::ExpressionText, "", "Subject."),
         opt("keywords", T::ExpressionText, "", "Keywords, comma separated."),
         opt("language", T::ExpressionText, "", "Language tag such as nl-NL."),
         choice("initial-view", {"default", "fit-page"}, "default",
                "How viewers open the PDF: as they like, or the whole first page in the "
                "window (posters).")},
        Occurs::AtMostOnce);
    metadata.expressions = true;
    return metadata;
}

std::vector<ElementSpec> structure_elements() {
    return {
        structure("layout", "The root: one layout definition.", Content::Elements,
                  {"metadata", "data", "palette", "styles", "page-master", "component", "document", "variant",
                   "cards", "email"},
                  {opt("name", T::String, "", "Name of the layout, for messages."),
                   opt("version", T::String, "", "Version of this layout, for your bookkeeping."),
                   opt("fonts", T::String, "",
                       "A folder of fonts (.ttf, .otf) relative to the layout file, added to the "
                       "bundled fonts: the layout's styles may name its families. Embedding a "
                       "font in a PDF needs its licence to allow it."),
                   opt("fallback-fonts", T::String, "",
                       "Families, separated by commas, that set the characters a style's family "
                       "lacks (another script, symbols), tried in this order before the default "
                       "fallback chain; e.g. a house font for Arabic from fonts=.")}),
        metadata_element(),
        structure("palette", "Named colours for the brand.", Content::Elements, {"color"}, {}),
        structure("color", "One named colour of the palette.", Content::Empty, {},
                  {req("name", T::Name, "Name used wherever a colour is expected."),
                   req("value", T::HexColor, "The colour.")}),
        structure("styles", "The text styles.", Content::Elements, {"style"},
                  {opt("default", T::StyleRef, "body", "Style of text that names no style.")}),
        structure("style", "A text style; styles inherit with base=.", Content::Empty, {},
                  style_attributes()),
        structure(
            "page-master", "A page design: size, margins, header, footer and background.",
            Content::Elements, {"header", "footer", "background"},
            {req("name", T::Name, "Name used by document and page-break."),
             opt("size", T::PageSize, "A4", "Paper size."),
             choice("orientation", {"portrait", "landscape"}, "",
                    "Turn the paper; default: as the size gives it."),
             opt("margin", T::Lengths, "20mm", "Margins: top right bottom left (1-4 values)."),
             opt("margin-top", T::Length, "", "Top margin; default: from margin."),
             opt("margin-right", T::Length, "", "Right margin; default: from margin."),
             opt("margin-bottom", T::Length, "", "Bottom margin; default: from margin."),
             opt("margin-left", T::Length, "", "Left margin; default: from margin."),
             ranged("scale", T::Number, 0.1, 10, "1",
                    "Print the design scaled by this factor: the content is laid out on a page "
                    "1/scale the paper's size (margins and sizes as written), then scaled to the "
                    "paper. 0.7071 prints an A3 design on A4.")}),
        structure("header",
                  "Flow content drawn in the top margin of every page; may use "
                  "{{page}} and {{pages}}.",
                  Content::Flow, {}, {}, Occurs::AtMostOnce),
        structure("footer",
                  "Flow content drawn in the bottom margin of every page; may use "
                  "{{page}} and {{pages}}.",
                  Content::Flow, {}, {}, Occurs::AtMostOnce),
        structure("background", "Flow content drawn behind the content of every page.",
                  Content::Flow, {}, {}, Occurs::AtMostOnce),
        structure("component",
                  "A named sub-template, invoked by use or by a fenced block in "
                  "rich text.",
                  Content::Flow, {}, {req("name", T::Name, "Name of the component.")}),
        structure("document", "The flow content of the document.", Content::Flow, {},
                  {opt("page-master", T::PageMasterRef, "",
                       "Page master of the first page; default: the first page master.")},
                  Occurs::AtMostOnce),
        structure("variant",
                  "The flow content used instead of the document's when rendering on this "
                  "page master (--page-master): a design of its own for another medium, such "
                  "as a phone, from the same data.",
                  Content::Flow, {},
                  {req("page-master", T::PageMasterRef,
                       "The page master that selects this variant, and its first page's.")}),
    };
}

// The body of the mail that render --email-bundle writes: its texts and colours belong to the
// layout (a partner's language and branding), bound to the same data as the document.
std::vector<ElementSpec> email_elements() {
    auto with_expressions = [](ElementSpec e) {
        e.expressions = true;
        return e;
    };
    return {
        structure("email",
                  "The body of the e-mail that render --email-bundle writes (HTML that mail "
                  "clients show: a 600 px table, inline styles): the phone picture and sections "
                  "of text, in order. Required for --email-bundle.",
                  Content::Elements, {"picture", "section"},
                  {opt("background", T::Color, "#ffffff", "Colour around the 600 px column."),
                   opt("panel", T::Color, "#ffffff", "Colour of the 600 px column."),
                   opt("color", T::Color, "#000000", "Text colour."),
                   opt("link-color", T::Color, "", "Colour of links; default: the text colour."),
                   opt("font-family", T::String, "Arial, Helvetica, sans-serif",
                       "Font families as CSS writes them; mail clients have only their own "
                       "fonts."),
                   opt("phone-suffix", T::String, "-phone",
                       "Added to the data file's name for the phone PDF and picture (the names "
                       "recipients see): \"-telefoon\" gives wijk-telefoon.pdf. Letters, "
                       "digits, '-', '_' and '.' only.")},
                  Occurs::AtMostOnce),
        with_expressions(structure(
            "picture", "The phone version's picture (PNG), 600 px wide in the mail.",
            Content::Empty, {},
            {opt("alt", T::ExpressionText, "",
                 "Text shown instead of the picture and read aloud; default: the document's "
                 "subject, else its title.")},
            Occurs::ExactlyOnce)),
        with_expressions(structure(
            "section",
            "A block of lines under a bold heading; left out when all its lines come out empty.",
            Content::Elements, {"line", "page-links", "attachment"},
            {opt("heading", T::ExpressionText, "", "The heading; default: none.")})),
        with_expressions(structure(
            "line",
            "A line of text with {{expressions}}, <b>, <i>, <link> and <br/>; left out when it "
            "comes out empty.",
            Content::Inline, {},
            {opt("href", T::ExpressionText, "",
                 "Make the whole line a link to this address (https:, mailto:, tel:).")})),
        structure("page-links",
                  "Every link of the phone version, a line each, shown by its address.",
                  Content::Empty, {}, {}),
        with_expressions(structure(
            "attachment", "A line linking to one of the bundle's PDFs; its text is the link's.",
            Content::Inline, {},
            {required(choice("pdf", {"document", "phone"}, "",
                             "Which PDF: the document on its own page master, or the phone "
                             "version."))})),
    };
}

std::vector<ElementSpec> block_elements() {
    return {
        flow("text", "A paragraph of text with {{expressions}} and inline markup.", Content::Inline,
             {opt("style", T::StyleRef, "", "Text style; default: the default style."),
              opt("color", T::Color, "", "Text colour; default: from the style."),
              choice("align", kAlign, "", "Alignment; default: from the style."),
              opt("keep-with-next", T::Bool, "",
                  "Keep on the page of the next block; "
                  "default: from the style."),
              ranged("bookmark", T::Int, 1, 3, "",
                     "Add the text to the PDF outline at this "
                     "level."),
              choice("tag", {"P", "H1", "H2", "H3", "Caption", "Quote"}, "P",
                     "Structure tag in the tagged PDF (a heading written as text is H1-H3)."),
              opt("autolink", T::Bool, "false",
                  "Make every URL (https://...) and e-mail address in the text a link.")}),
        flow("richtext", "Rich text (Markdown blocks) with a style per block kind.", Content::Empty,
             richtext_attributes()),
        flow("for", "Repeats its content for every item of a list.", Content::Flow,
             {req("each", T::Path, "Data path of the list."),
              opt("as", T::Name, "item", "Name of the current item inside the loop."),
              loop_where(), loop_sort(), loop_order(),
              ranged("limit", T::Int, 1, 1000000, "", "Use at most this many items.")}),
        flow("if", "Content shown only when a value is present and non-empty.", Content::Flow,
             {req("test", T::Path, "Data path of the value to test."),
              opt("equals", T::ExpressionText, "", "Instead: true when the value equals this."),
              opt("before", T::Path, "",
                  "Instead: true when the value is a date (YYYY-MM-DD) before this one's."),
              opt("not", T::Bool, "false", "Invert the test.")}),
        flow("else", "Content shown when the directly preceding if is false.", Content::Flow, {}),
        flow("box", "A block with fill, border, padding, size and rotation around flow content.",
             Content::Flow,
             {opt("style", T::StyleRef, "", "Style of text inside that names no style."),
              opt("fill", T::Color, "", "Background colour; default none."),
              opt("border", T::Length, "0", "Border width."),
              opt("border-color", T::Color, "#000000", "Border colour."),
              opt("radius", T::Length, "0", "Corner radius."),
              opt("padding", T::Lengths, "0", "Inner space: top right bottom left (1-4 values)."),
              opt("width", T::LengthOrPercent, "100%", "Width; a percentage of the space."),
              opt("height", T::Length, "", "Fixed height; default: the content's height."),
              opt("keep-together", T::Bool, "true", "Never split the box over two pages."),
              ranged("rotate", T::Number, -180, 180, "0", "Rotation in degrees, clockwise."),
              ranged("rotate-jitter", T::Number, 0, 45, "0",
                     "Add a random but repeatable "
                     "rotation of at most this many degrees per item (post-its)."),
              choice("align", kPlace, "left", "Placement when narrower than the space."),
              choice("valign", kVAlign, "top", "Placement of the content in a fixed height."),
              opt("space-before", T::Length, "0", "Space above the box."),
              opt("space-after", T::Length, "0", "Space below the box."),
              choice("fit", {"grow", "shrink"}, "grow",
                     "Content taller than a fixed height: grow the box, or shrink text whose "
                     "style has min-size until it fits (an error names what still does not).")}),
    };
}

// A flow element whose children are not flow content but only <column>s.
ElementSpec row_element() {
    ElementSpec row = flow("row", "Columns side by side.", Content::Elements,
                           {opt("gap", T::Length, "0", "Space between the columns."),
                            choice("valign", kVAlign, "top",
                                   "Vertical placement of columns "
                                   "shorter than the row.")});
    row.children = {"column"};
    return row;
}

// A table from a data list: a row per item, a column per <cell>.
std::vector<ElementSpec> table_elements() {
    ElementSpec table = flow(
        "table",
        "A table from a data list: a header row (repeated on every page it breaks onto), then "
        "one row per item; each <cell> is a column.",
        Content::Elements,
        {req("each", T::Path, "Data path of the list: one row per item."),
         opt("as", T::Name, "item", "Name of the current item inside the cells."),
         loop_where(), loop_sort(), loop_order(),
         opt("style", T::StyleRef, "",
             "Style of the cells: their text, padding and rule (cell-padding, rule-below)."),
         opt("header-style", T::StyleRef, "", "Style of the header row; default: style."),
         opt("width", T::LengthOrPercent, "",
             "Width of the table; default: as its content needs, at most the column."),
         opt("space-before", T::Length, "0", "Space above the table."),
         opt("space-after", T::Length, "", "Space below the table; default: the style's.")});
    table.children = {"cell"};
    ElementSpec cell = structure(
        "cell", "A column of a table: its header text and the content bound once per item.",
        Content::Flow, {},
        {opt("header", T::String, "", "The column's header text."),
         opt("width", T::LengthOrPercent, "", "Width of the column; default: from the content.")});
    return {table, cell};
}

std::vector<ElementSpec> arrangement_elements() {
    return {
        row_element(),
        structure("column", "One column of a row.", Content::Flow, {},
                  {opt("width", T::Extent, "1fr",
                       "Width: a length, a percentage or a share "
                       "(2fr) of what the fixed columns leave.")}),
        flow("grid", "Cells in a grid, filled row by row; each child is one cell.", Content::Flow,
             {ranged("columns", T::Int, 1, 24, "2", "Number of columns."),
              opt("gap", T::Length, "0", "Space between cells."),
              opt("row-gap", T::Length, "", "Space between rows; default: gap."),
              opt("cell-height", T::Length, "",
                  "Height of every cell; default: the tallest "
                  "cell of the row.")}),
        flow("columns", "Balanced multi-column text.", Content::Flow,
             {ranged("count", T::Int, 1, 12, "2", "Number of columns."),
              opt("gap", T::Length, "6mm", "Space between columns."),
              opt("balance", T::Bool, "true", "Make the columns equally long."),
              opt("rule", T::Color, "", "Colour of a thin line between columns; default none.")}),
        flow("keep", "Keeps its content together on one page.", Content::Flow, {}),
    };
}

std::vector<ElementSpec> leaf_elements() {
    return {
        flow("image", "A PNG, JPEG or SVG image.", Content::Empty,
             {req("src", T::File, "The image file, relative to the layout file."),
              opt("width", T::LengthOrPercent, "",
                  "Width; default: from height or the "
                  "image's own size."),
              opt("height", T::Length, "", "Height; default: from width and the aspect ratio."),
              choice("align", kPlace, "left", "Horizontal placement."),
              opt("alt", T::ExpressionText, "",
                  "Alternative text (the figure's /Alt in the tagged PDF); \"\" marks a "
                  "decorative image. Missing: a warning, an error with --pdf-standard ua-1.")}),
        flow("rule", "A horizontal line.", Content::Empty,
             {opt("color", T::Color, "#000000", "Line colour."),
              opt("thickness", T::Length, "0.5pt", "Line thickness."),
              opt("width", T::LengthOrPercent, "100%", "Length of the line."),
              choice("style", {"solid", "dashed", "dotted"}, "solid", "Line pattern."),
              opt("space-before", T::Length, "0", "Space above the line."),
              opt("space-after", T::Length, "0", "Space below the line.")}),
        flow("spacer", "Vertical space.", Content::Empty, {req("height", T::Length, "The space.")}),
        flow("page-break", "Continues on a new page.", Content::Empty,
             {opt("page-master", T::PageMasterRef, "",
                  "Page master from the new page on; default: the current one.")}),
        flow("use", "Inserts a component.", Content::Empty,
             {req("component", T::ComponentRef, "The component."),
              opt("data", T::Path, "",
                  "Data path of the component's data; default: the "
                  "current data.")}),
    };
}

// Shapes and the date axis: drawn from the data, never hand-placed coordinates.
std::vector<ElementSpec> figure_elements() {
    ElementSpec timeline = flow(
        "timeline",
        "A date axis: one marker per list item at its date (or a bar over its period), "
        "status colours, a legend and labels placed so they do not collide.",
        Content::Elements,
        {req("each", T::Path, "Data path of the list of items."),
         opt("as", T::Name, "item", "Name of the current item in date, end, status and <label>."),
         req("from", T::ExpressionText, "Start of the axis: 2024-09-01 or 2024-09 (a month)."),
         req("to", T::ExpressionText, "End of the axis: a date, or a month (its last day)."),
         req("date", T::ExpressionText,
             "An item's date, e.g. {{m.date}}: YYYY-MM-DD, or YYYY-MM for the middle of a month."),
         opt("end", T::ExpressionText, "",
             "An item's end date; when set the item is a period drawn as a bar."),
         req("status", T::ExpressionText, "An item's status: the name of a <status>."),
         choice("ticks", {"month", "quarter"}, "month", "A tick mark per month or per quarter."),
         opt("tick-style", T::StyleRef, "", "Style of the month and year labels."),
         opt("axis-color", T::Color, "#000000", "Colour of the axis line and ticks."),
         opt("axis-thickness", T::Length, "1.5pt", "Thickness of the axis line."),
         opt("marker-size", T::Length, "4mm", "Diameter of an item's marker."),
         opt("label-width", T::Length, "40mm", "Width of an item's label."),
         opt("gap", T::Length, "3mm", "Space between labels, and between lanes of labels."),
         opt("now", T::ExpressionText, "",
             "A date marked with a dashed line across the axis (the state of affairs)."),
         opt("now-label", T::ExpressionText, "", "Text at the top of the now line."),
         choice("legend", {"top", "bottom", "none"}, "top", "Where the status legend goes."),
         opt("legend-style", T::StyleRef, "", "Style of the legend's labels."),
         opt("space-before", T::Length, "0", "Space above the timeline."),
         opt("space-after", T::Length, "0", "Space below the timeline."),
         choice("orientation", {"horizontal", "vertical"}, "horizontal",
                "horizontal: a date axis with labels in lanes above it. vertical: the items in "
                "date order down a line, each label right of its marker, the now line between "
                "the items before and after it (narrow screens).")});
    timeline.children = {"status", "label"};

    ElementSpec status = structure(
        "status", "A status of timeline items: its marker colour and legend text.", Content::Empty,
        {},
        {req("name", T::Name, "The value items use in their status."),
         req("color", T::Color, "Marker colour."),
         opt("label", T::String, "", "Legend text; default: the name."),
         opt("outline", T::Bool, "false", "Draw the marker as a ring (e.g. work not begun).")});
    ElementSpec label = structure(
        "label", "Flow content bound once per timeline item: the text next to its marker.",
        Content::Flow, {}, {}, Occurs::ExactlyOnce);

    return {
        timeline,
        status,
        label,
        flow("circle", "A circle, filled and/or outlined, with optional content centred in it.",
             Content::Flow,
             {opt("diameter", T::Length, "10mm", "Diameter."),
              opt("fill", T::Color, "", "Fill colour; default none."),
              opt("border", T::Length, "0", "Outline width."),
              opt("border-color", T::Color, "#000000", "Outline colour."),
              opt("style", T::StyleRef, "", "Style of text inside that names no style."),
              choice("align", kPlace, "left", "Horizontal placement."),
              opt("space-before", T::Length, "0", "Space above the circle."),
              opt("space-after", T::Length, "0", "Space below the circle.")}),
        flow("arrow", "A connector line with an arrowhead, e.g. between the columns of a row.",
             Content::Empty,
             {choice("direction", {"right", "left", "down", "up", "both"}, "right",
                     "Where the head points; both: a horizontal line with two heads."),
              opt("length", T::LengthOrPercent, "100%",
                  "Length; a percentage of the width (horizontal arrows)."),
              opt("color", T::Color, "#000000", "Line colour."),
              opt("thickness", T::Length, "1pt", "Line thickness."),
              opt("head", T::Length, "2.5mm", "Length of the arrowhead."),
              choice("style", {"solid", "dashed", "dotted"}, "solid", "Line pattern."),
              choice("align", kPlace, "center", "Horizontal placement of a vertical arrow."),
              opt("space-before", T::Length, "0", "Space above the arrow."),
              opt("space-after", T::Length, "0", "Space below the arrow.")}),
    };
}

std::vector<ElementSpec> inline_elements() {
    return {
        inline_element("b", "Bold text.", Content::Inline, {}),
        inline_element("i", "Italic text.", Content::Inline, {}),
        inline_element("span", "Text with its own style, colour, size or weight.", Content::Inline,
                       {opt("style", T::StyleRef, "", "Style; default: the surrounding one."),
                        opt("color", T::Color, "", "Text colour."),
                        font_size(opt("size", T::LengthOrPercent, "",
                                      "Font size; a percentage is of the "
                                      "surrounding size.")),
                        opt("weight", T::FontWeight, "", "Font weight.")}),
        inline_element("link", "A hyperlink.", Content::Inline,
                       {req("href", T::ExpressionText, "The URL.")}),
        inline_element("br", "A line break.", Content::Empty, {}),
    };
}

// Card decks: <cards> replaces <document>; every data item is one card with a front and a back,
// printed one card per page (print shop) or imposed on sheets.
std::vector<ElementSpec> card_elements() {
    ElementSpec cards = structure(
            "cards",
            "A card deck: every item of the data is one card with a front and a back; used "
            "instead of <document>.",
            Content::Elements, {"theme", "front", "back", "sheet"},
            {opt("each", T::Path, "", "Data path of the list of cards; default: the data itself."),
             opt("size", T::PageSize, "63mm 88mm",
                 "Trimmed card size: a named size (A6, A7) or \"W H\"."),
             opt("bleed", T::Length, "3mm",
                 "Background beyond the cut on every side, so a misaligned cut shows no white."),
             opt("safe", T::Length, "4mm",
                 "Margin inside the cut that text must not enter (checked on every card)."),
             opt("style", T::StyleRef, "", "Style of text that names none; default: the default "
                                           "style."),
             opt("theme-field", T::Name, "theme",
                 "Field of a card naming its theme; the theme is {{theme.*}} in the templates."),
             opt("quantity-field", T::Name, "quantity",
                 "Field of a card saying how many copies to print; empty or absent: one."),
             opt("label", T::ExpressionText, "",
                 "Name of a card in messages and page labels, e.g. {{theme}}.{{lesson}}.")},
            Occurs::AtMostOnce);
    cards.expressions = true;  // label= is a template over each card's fields
    return {
        cards,
        structure("theme",
                  "A theme of the deck; its fields are {{theme.number}}, {{theme.name}}, "
                  "{{theme.color}}, {{theme.tint}} and {{theme.icon}} on cards of that theme.",
                  Content::Empty, {},
                  {req("number", T::String, "The value of the theme field that selects it."),
                   req("name", T::String, "The theme's name."),
                   req("color", T::Color, "The theme colour."),
                   opt("tint", T::Color, "#ffffff", "A light companion colour."),
                   opt("icon", T::File, "", "An icon, relative to the layout file.")}),
        structure("front", "The front of every card: flow content on the card plus bleed.",
                  Content::Flow, {}, {}, Occurs::ExactlyOnce),
        structure("back", "The back of every card: flow content on the card plus bleed.",
                  Content::Flow, {}, {}, Occurs::AtMostOnce),
        structure(
            "sheet", "Imposition for home and office printers: cards on sheets, backs on the "
                     "reverse.",
            Content::Empty, {},
            {opt("paper", T::PageSize, "A4", "Paper size: A4, A3, Letter or \"W H\"."),
             choice("orientation", {"auto", "portrait", "landscape"}, "auto",
                    "Turn the paper; auto takes the orientation that holds the most cards."),
             ranged("columns", T::Int, 1, 50, "", "Cards across; default: as many as fit."),
             ranged("rows", T::Int, 1, 50, "", "Cards down; default: as many as fit."),
             opt("gutter", T::Length, "0",
                 "Space between cards; 0 gives shared cut lines (one cut between two cards). Under "
                 "twice the bleed, cards of another theme start a new sheet, so that no two "
                 "themes share a cut line; from twice the bleed, each card has its own bleed and "
                 "themes share sheets."),
             opt("margin", T::Length, "10mm",
                 "Least space between the paper edge and the cards (room for crop marks)."),
             opt("crop-marks", T::Bool, "true", "Draw crop marks outside the cut area."),
             opt("crop-length", T::Length, "4mm", "Length of a crop mark."),
             choice("duplex", {"long-edge", "short-edge", "none"}, "long-edge",
                    "How the printer turns the sheet for the backs; none prints no back sheets."),
             length_in(opt("back-offset-x", T::Length, "0",
                           "Move the backs right by this much to correct the printer's "
                           "misregistration."),
                       -kOffsetPt, kOffsetPt),
             length_in(opt("back-offset-y", T::Length, "0", "Move the backs down by this much."),
                       -kOffsetPt, kOffsetPt),
             opt("calibration", T::Bool, "false",
                 "Start with a sheet pair that shows the printer's front-to-back offset."),
             opt("note", T::ExpressionText, "",
                 "A small note in the margin, e.g. \"Print at 100%\"."),
             opt("note-style", T::StyleRef, "", "Style of the note; default: the default style.")},
            Occurs::AtMostOnce),
    };
}

// The data contract: what data the layout takes. Its fields are checked against every {{path}}
// of the layout when it is read, and the data against them before binding.
std::vector<ElementSpec> data_elements() {
    const std::vector<std::string> types{"text", "richtext", "date", "date-or-month", "number",
                                         "bool", "enum",     "list", "map"};
    return {
        structure(
            "data",
            "The data the layout takes: its fields (and for a card deck its CSV columns); a "
            "second <data component=...> declares the data of a component's fenced block.",
            Content::Elements, {"field"},
            {choice("format", {"markdown", "yaml", "csv"}, "yaml",
                    "The kind of data file: Markdown with YAML front matter (the body is the "
                    "field body), YAML, or CSV (one card per row, a field per column)."),
             opt("component", T::ComponentRef, "",
                 "Declares the data of this component (its fenced block's YAML) instead."),
             choice("type", {"map", "list"}, "map",
                    "A component's data: a map of the fields, or a list of such maps."),
             opt("doc", T::String, "", "One line on what the data is."),
             opt("collection", T::Name, "",
                 "The layout takes many data files at once under this name (a series of "
                 "minutes, ordered by date), each checked against the data of layout=."),
             opt("layout", T::String, "",
                 "A collection's files are the data of this layout, relative to the layout "
                 "file.")}),
        structure(
            "field",
            "A field of the data: its type, whether it must be given or its default, and a "
            "line of documentation; a map or a list of maps holds <field>s.",
            Content::Elements, {"field"},
            {req("name", T::Name, "The key in the data (the column name in a CSV file)."),
             choice("type", types, "text",
                    "text, richtext (Markdown), date (YYYY-MM-DD), date-or-month (also YYYY-MM), "
                    "number, bool (true or false), enum (one of values), list, or map (of the "
                    "fields inside)."),
             choice("of", types, "text",
                    "A list without fields: the type of each item; with fields each item is a "
                    "map of them."),
             opt("values", T::String, "", "An enum's values, separated by spaces."),
             opt("one-of", T::String, "",
                 "list.field of the document: a value not among that list's values is a "
                 "warning (e.g. attendees.name for an action's owner)."),
             opt("required", T::Bool, "false", "The data must give this field."),
             opt("default", T::String, "",
                 "The value when the data leaves the field out; default: empty."),
             opt("example", T::String, "", "A value for starter files (drukwerk new)."),
             opt("doc", T::String, "", "One line on what the field holds.")}),
    };
}

std::vector<ElementSpec> build_schema() {
    std::vector<ElementSpec> all;
    for (auto part : {structure_elements(), email_elements(), data_elements(), block_elements(), arrangement_elements(),
                      table_elements(),
                      leaf_elements(), figure_elements(), inline_elements(),
                      card_elements()}) {
        for (auto& e : part) all.push_back(std::move(e));
    }
    return all;
}

}  // namespace

const std::vector<ElementSpec>& schema() {
    static const std::vector<ElementSpec> table = build_schema();
    return table;
}

}  // namespace dw::layout

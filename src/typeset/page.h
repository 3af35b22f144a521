#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "layout/color.h"

// Positioned pages: the plain-data hand-over from typeset/ to paint/. Every coordinate is in PDF
// points (1/72 in), origin top-left of the page, y growing downwards.
namespace dw::typeset {

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
};

// A font file from fonts/, referenced by index from glyph runs.
struct FontFace {
    std::string file;  // absolute path
    int index = 0;     // face index inside the file
    std::string family;
};

struct Glyph {
    uint32_t id = 0;
    double x = 0, y = 0;  // pen position of the glyph origin on the baseline
};

// Shaped text in one font and size. `text` and `clusters` let PDF readers extract the words
// (cairo_show_text_glyphs): each cluster maps num_bytes of text to num_glyphs glyphs, in order.
struct GlyphRun {
    int font = 0;  // index into Document::fonts
    double size = 10;
    Color color;
    std::vector<Glyph> glyphs;
    std::string text;
    std::vector<std::pair<int, int>> clusters;  // (num_bytes, num_glyphs)
    // Right-to-left: glyphs in visual order (left to right) and text in logical order, so the
    // clusters take their glyphs from the end (Cairo's CAIRO_TEXT_CLUSTER_FLAG_BACKWARD).
    bool backward = false;
};

struct Shape {  // a rectangle, optionally with rounded corners, filled and/or stroked
    Rect rect;
    double radius = 0;
    bool has_fill = false;
    Color fill;
    double stroke_width = 0;  // 0: no stroke
    Color stroke;
};

struct Line {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    Color color;
    std::vector<double> dash;  // empty: solid
};

struct Image {
    enum class Kind { Png, Jpeg, Svg };
    Kind kind = Kind::Png;
    std::string file;  // absolute path, checked to exist by the earlier stages
    Rect rect;         // where the image is drawn (scaled to fit exactly)
};

struct Link {  // a clickable area; either an external URI or a named destination in the document
    std::vector<Rect> rects;  // one per line the link text covers
    std::string uri;
    std::string dest;
    // The link's text: the next `text_runs` glyph runs, tagged inside the Link structure
    // element (with the annotation); 0: the link stands after its text, with none of its own.
    int text_runs = 0;
};

struct Dest {  // a named destination (target of outline entries and internal links)
    std::string name;
    double x = 0, y = 0;
};

// Items between GroupBegin and GroupEnd are drawn rotated by `degrees` about (cx, cy) and, when
// `clip` is set, only inside that rectangle (page coordinates, taken before the rotation). Card
// imposition clips each card to its cut area; post-its rotate.
struct GroupBegin {
    double degrees = 0;
    double cx = 0, cy = 0;
    std::optional<Rect> clip;
    // Set when the group's content (up to the matching GroupEnd) is the same in every group with
    // this key, only moved: a PDF painter may draw it once and repeat the drawing (a card back
    // per theme on every sheet). `reuse_bounds`: where this group's copy lies; the content
    // is moved by the difference of two groups' bounds. Only drawing items may be inside (no
    // links, destinations or structure tags).
    std::string reuse = {};
    Rect reuse_bounds = {};
};
struct GroupEnd {};

// Structure tags for tagged PDF ("H1", "P", "L", "LI", "LBody", "Figure", "Table"...).
struct TagBegin {
    std::string tag;
    // The element's text for assistive technology: a Figure's alternative text (/Alt), else
    // what its content reads as (/ActualText: letter-spaced text); empty: none.
    std::string alt = {};
    // An element of the flow that a page break can split (a paragraph, a list and its items, a
    // table): its identity among the document's elements with the same tag, -1 for none. Cairo
    // closes elements at a page's end, so each page holds a part of its own; a part that
    // `continues` the element begun on an earlier page with the same tag and id is joined to
    // it when the PDF is finished (output/pdf_accessibility.h), and a screen reader reads one
    // paragraph, one list item, one table.
    int flow_id = -1;
    bool continues = false;
};
struct TagEnd {};
// Tags for a running header and footer: their content is a pagination artifact (PDF/UA), not
// part of the structure. Not structure types: only the PDF painter knows them.
inline constexpr const char* kHeaderArtifact = "Artifact:Header";
inline constexpr const char* kFooterArtifact = "Artifact:Footer";

using Item = std::variant<GlyphRun, Shape, Line, Image, Link, Dest, GroupBegin, GroupEnd, TagBegin,
                          TagEnd>;

struct Page {
    double width = 595.276, height = 841.89;
    std::string label;  // page label shown by viewers; empty: none
    std::vector<Item> items;
    // Print-shop page boxes (PDF TrimBox / BleedBox), in page coordinates; unset: none written.
    std::optional<Rect> trim_box, bleed_box;
    // Pages with the same key have the same items (a card back per theme): the imposer marks
    // their groups for reuse (GroupBegin::reuse). Empty: none.
    std::string reuse = {};
};

struct OutlineEntry {
    std::string title;
    int level = 1;     // 1 = top level; a deeper level nests under the previous shallower one
    std::string dest;  // named destination (a Dest item on some page)
};

struct Metadata {
    std::string title, author, subject, keywords, creator;
    std::string date;  // ISO 8601, e.g. "2024-11-12T00:00:00Z"; fixed for reproducible output
    std::string language;  // e.g. "nl-NL"
    bool fit_page = false;  // viewers open on the whole first page (/OpenAction ... /Fit)
};

struct Document {
    std::vector<FontFace> fonts;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    Metadata metadata;
};

}  // namespace dw::typeset

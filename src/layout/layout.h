#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source_loc.h"
#include "layout/color.h"
#include "layout/data_decl.h"
#include "layout/length.h"
#include "layout/node_template.h"
#include "layout/node_value.h"
#include "layout/style.h"

namespace dw::layout {

// An element of the layout's template tree, after schema validation. Attribute values stay text
// because they may hold {{expressions}}: the bind stage evaluates and then converts them (the
// parsers in layout/value_parse.h and parse_color in layout/color.h serve that).
//
// Character data of inline content (inside <text>, <b>, <i>, <span>, <link>) becomes child nodes
// with element "#text" and `text` set, in order between the inline elements; whitespace is
// already collapsed (see inline_whitespace.h), so `Pagina <b>{{page}}</b> van {{pages}}` gives
// "#text" "Pagina ", <b> holding "#text" "{{page}}", "#text" " van {{pages}}".
struct ElementSpec;

// What the reader prepares of a written attribute, so that binding does not redo it for every
// card or row.
struct PreparedAttribute {
    TextTemplate parts;  // the value split, when it has {{expressions}}; else empty
    StaticValue value;   // else the value in its schema type (see node_value.h)
};

struct Node {
    std::string element;                                          // element name, or "#text"
    std::vector<std::pair<std::string, std::string>> attributes;  // in source order
    std::vector<Node> children;
    std::string text;  // "#text" nodes only: the character data, whitespace-normalised
    // "#text" nodes only: where `text` continues in the file after collapsed whitespace.
    std::vector<TextAnchor> text_anchors;
    SourceLoc loc;     // the element's '<', or a text's first character
    // Where each attribute's name starts (std::less<>: found by string_view, without a copy).
    std::map<std::string, SourceLoc, std::less<>> attribute_locs;
    // The schema's entry for `element`, set by the reader: defaults are looked up on every card,
    // and finding the element by name each time was a sixth of binding one.
    const ElementSpec* spec = nullptr;
    // Set by the reader once the texts are final (see prepared()): prepared_attributes[i]
    // belongs to attributes[i]; text_template is a "#text" node's text split.
    std::vector<PreparedAttribute> prepared_attributes;
    TextTemplate text_template;

    const std::string* attribute(std::string_view name) const;
    // The index of `name` in `attributes`, or -1 when it is not written.
    int attribute_index(std::string_view name) const;
    std::string attribute_or(std::string_view name, const std::string& fallback) const;
    // The attribute as written, else its default from the schema ("" when it has none).
    std::string attribute_or_default(std::string_view name) const;
    // The schema's entry for attribute `name` of this element; nullptr when it has none.
    const AttrSpec* schema_attribute(std::string_view name) const;
    // Where the attribute is written, else the element's own location.
    const SourceLoc& attribute_loc(std::string_view name) const;
    // Whether the reader prepared this node (a node built by hand is not).
    bool prepared() const {
        return prepared_attributes.size() == attributes.size() &&
               (text.empty() || !text_template.empty());
    }
};

struct PageMaster {
    std::string name;
    SourceLoc loc;
    double width = 595.276, height = 841.89;  // pt, orientation applied
    double scale = 1;  // the design is laid out at width/scale x height/scale, then scaled
    double margin_top = 56.69, margin_right = 56.69, margin_bottom = 56.69, margin_left = 56.69;
    std::vector<Node> header;      // flow content drawn in the top margin of every page
    std::vector<Node> footer;      // flow content drawn in the bottom margin of every page
    std::vector<Node> background;  // drawn behind the page content (bands, marks)
};

struct Metadata {  // templates for the PDF metadata; may contain {{expressions}}
    std::string title, author, subject, keywords, language;
    bool fit_page = false;  // initial-view="fit-page"
    SourceLoc loc;
};

struct CardDeck;
struct EmailDecl;

struct Layout {
    std::string file;
    std::map<std::string, Color> palette;
    std::map<std::string, Style> styles;
    std::string default_style = "body";  // <styles default="..."> : style of unstyled text
    std::map<std::string, PageMaster> page_masters;
    std::map<std::string, Node> components;  // name -> <component> element
    Metadata metadata;
    Node document;  // the <document> element: the flow content, in order
    // Page master of the first page: <document page-master=...>, else the first one declared.
    // A layout without page masters gets an A4 master named "default" with 20 mm margins.
    std::string first_page_master;
    // <variant page-master="...">: flow content used instead of `document` on that master.
    std::map<std::string, Node> variants;
    // <cards>: a card deck instead of a document (see card_deck.h); null for documents.
    std::shared_ptr<const CardDeck> cards;
    // <data>: the data the layout takes (declared = false when it has none).
    DataDecls data;
    // <layout fonts="...">: a folder of fonts beside the layout, as a path from the current
    // directory; empty when the layout names none.
    std::string font_dir;
    SourceLoc font_dir_loc;
    // <layout fallback-fonts="A, B">: families tried, in this order, for a character the style's
    // family lacks, before the default fallback chain (typeset/font_fallback.h).
    std::vector<std::string> fallback_fonts;
    SourceLoc fallback_fonts_loc;
    // <data collection="NAME" layout="..."> (collection_decl.h): the layout takes many data
    // files, each the data of `collection_files`; null for a layout that takes one file.
    std::shared_ptr<const Layout> collection_files;
    std::string collection;
    // <email>: the body of the mail render --email-bundle writes (email_decl.h); null when the
    // layout has none.
    std::shared_ptr<const EmailDecl> email;
    SourceLoc loc;  // the <layout> element
};

// Starts the document on `master` (which must exist): with the layout's <variant> for it when
// it has one, else with the document's flow content on that page master.
void start_on_page_master(Layout& layout, const std::string& master);

}  // namespace dw::layout

#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/source_loc.h"
#include "layout/color.h"
#include "layout/length.h"
#include "layout/style.h"

namespace dw::layout {

// An element of the layout's template tree, after schema validation. Attribute values stay text
// because they may hold {{expressions}}: the bind stage evaluates and then converts them.
struct Node {
    std::string element;
    std::vector<std::pair<std::string, std::string>> attributes;  // in source order
    std::vector<Node> children;
    std::string text;  // character content of text-like elements (whitespace-normalised)
    SourceLoc loc;     // the element's start tag
    std::map<std::string, SourceLoc> attribute_locs;

    const std::string* attribute(const std::string& name) const;
    std::string attribute_or(const std::string& name, const std::string& fallback) const;
};

struct PageMaster {
    std::string name;
    SourceLoc loc;
    double width = 595.276, height = 841.89;  // pt, orientation applied
    double margin_top = 56.69, margin_right = 56.69, margin_bottom = 56.69, margin_left = 56.69;
    std::vector<Node> header;  // flow content drawn in the top margin of every page
    std::vector<Node> footer;  // flow content drawn in the bottom margin of every page
    std::vector<Node> background;  // drawn behind the page content (bands, marks)
};

struct Metadata {  // templates for the PDF metadata; may contain {{expressions}}
    std::string title, author, subject, keywords, language;
    SourceLoc loc;
};

struct Layout {
    std::string file;
    std::map<std::string, Color> palette;
    std::map<std::string, Style> styles;
    std::string default_style = "body";  // <styles default="..."> : style of unstyled text
    std::map<std::string, PageMaster> page_masters;
    std::map<std::string, Node> components;  // name -> <component> element
    Metadata metadata;
    Node document;  // the <document> element: the flow content, in order
};

}  // namespace dw::layout

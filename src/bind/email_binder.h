#pragma once
#include <optional>
#include <string>
#include <vector>

#include "data/value.h"
#include "diag/diagnostics.h"
#include "layout/color.h"
#include "layout/layout.h"

namespace dw::bind {

// A run of a mail line's text with its markup. Text is plain (not yet HTML).
struct EmailSpan {
    std::string text;
    bool bold = false, italic = false;
    bool line_break = false;  // <br/>: no text
    std::string href;         // inside <link>: its address
};

// One line of a section, or what the mail writer fills in: the phone version's links, or a link
// to one of the bundle's PDFs.
struct EmailLine {
    enum class Kind { Text, PageLinks, DocumentPdf, PhonePdf };
    Kind kind = Kind::Text;
    std::vector<EmailSpan> spans;  // Text and the PDFs: what the line shows
    std::string href;              // Text: the address the whole line links to; "" for none
};

// <picture> or <section>, in the layout's order.
struct EmailPart {
    enum class Kind { Picture, Section };
    Kind kind = Kind::Section;
    std::string alt;      // Picture: "" for the document's subject, else its title
    std::string heading;  // Section: "" for none
    std::vector<EmailLine> lines;
};

// The layout's <email> with its texts filled from the data. Lines that came out empty are
// left out, and so are sections left without lines.
struct BoundEmail {
    Color background, panel, text, link;
    std::string font_family;
    std::vector<EmailPart> parts;
    std::string phone_suffix;  // EmailDecl::phone_suffix
};

// Binds the layout's <email> to `data`. A layout without one is an error at its <layout>
// element (the mail's texts are the layout's, in its language); so is every expression that fails.
std::optional<BoundEmail> bind_email(const layout::Layout& layout, const data::Value& data,
                                     Diagnostics& diags);

}  // namespace dw::bind

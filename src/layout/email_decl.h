#pragma once
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/source_loc.h"
#include "layout/color.h"
#include "layout/layout.h"

namespace dw::layout {

// <email>: the body of the mail that render --email-bundle writes. Its texts stay templates
// (bind/email_binder.h fills them from the data); its colours are resolved here, as they hold
// no expressions.
struct EmailDecl {
    SourceLoc loc;
    Color background{1, 1, 1}, panel{1, 1, 1}, text{0, 0, 0}, link{0, 0, 0};
    std::string font_family;
    std::string phone_suffix;  // the phone files' names: <data>-suffix.pdf/.png; a safe name part
    std::vector<Node> body;  // the <picture> and <section> elements, in order
};

// Reads a validated <email> element. An inline element the mail cannot show (<span>: its styles
// are the page's) is reported at its place.
EmailDecl read_email_decl(const Node& node, const std::map<std::string, Color>& palette,
                          Diagnostics& diags);

}  // namespace dw::layout

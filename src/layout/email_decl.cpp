#include "layout/email_decl.h"

#include <algorithm>
#include <cctype>

namespace dw::layout {
namespace {

// The attribute's colour; a value that is none (reported by the reference check) or left empty
// keeps `fallback`.
Color color_of(const Node& node, std::string_view name, const std::map<std::string, Color>& palette,
               Color fallback) {
    std::optional<Color> color = parse_color(node.attribute_or_default(name), palette);
    return color ? *color : fallback;
}

// Mail lines take the markup an e-mail keeps everywhere: bold, italic, links and line breaks.
void check_inline(const Node& node, Diagnostics& diags) {
    for (const Node& child : node.children) {
        if (child.element == "span")
            diags.error(child.loc, "<span> is not shown in an e-mail line",
                        "use <b>, <i>, <link href=\"...\"> or <br/>; the mail's colours and font "
                        "are set on <email>");
        check_inline(child, diags);
    }
}

// The phone files' suffix: part of file names that recipients see and save, so only
// characters that are safe in a file name on every system (no '/', no spaces).
std::string phone_suffix_of(const Node& node, Diagnostics& diags) {
    const std::string suffix = node.attribute_or_default("phone-suffix");
    const bool safe = !suffix.empty() && std::all_of(suffix.begin(), suffix.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
    if (safe) return suffix;
    diags.error(node.attribute_loc("phone-suffix"),
                "phone-suffix '" + suffix + "' is not a safe part of a file name",
                "use letters, digits, '-', '_' and '.', e.g. phone-suffix=\"-telefoon\"");
    return "-phone";
}

}  // namespace

EmailDecl read_email_decl(const Node& node, const std::map<std::string, Color>& palette,
                          Diagnostics& diags) {
    EmailDecl email;
    email.loc = node.loc;
    email.background = color_of(node, "background", palette, email.background);
    email.panel = color_of(node, "panel", palette, email.panel);
    email.text = color_of(node, "color", palette, email.text);
    email.link = color_of(node, "link-color", palette, email.text);
    email.font_family = node.attribute_or_default("font-family");
    email.phone_suffix = phone_suffix_of(node, diags);
    email.body = node.children;
    for (const Node& part : email.body) check_inline(part, diags);
    return email;
}

}  // namespace dw::layout

#include "paint/pdf_attributes.h"

#include <cmath>

#include "paint/text_format.h"

namespace dw::paint {

namespace {

bool is_usable(const typeset::Rect& r) {
    return std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.w) && std::isfinite(r.h) &&
           r.w > 0 && r.h > 0;
}

// ASCII only: <cctype> answers by locale.
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True when `s` matches `pattern`, where '9' stands for a digit and other characters for
// themselves.
bool matches(std::string_view s, std::string_view pattern) {
    if (s.size() != pattern.size()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (pattern[i] == '9' ? !is_digit(s[i]) : s[i] != pattern[i]) return false;
    }
    return true;
}

}  // namespace

std::string cairo_attribute_string(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string ascii_uri(std::string_view uri) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : uri) {
        if (c > 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

bool has_drawable_rect(const typeset::Link& link) {
    for (const typeset::Rect& r : link.rects) {
        if (is_usable(r)) return true;
    }
    return false;
}

std::string link_attributes(const typeset::Link& link) {
    std::string s = !link.uri.empty() ? "uri=" + cairo_attribute_string(ascii_uri(link.uri))
                                      : "dest=" + cairo_attribute_string(link.dest);
    s += " rect=[";
    bool first = true;
    for (const typeset::Rect& r : link.rects) {
        if (!is_usable(r)) continue;
        if (!first) s += ' ';
        first = false;
        s += fixed(r.x, 3) + ' ' + fixed(r.y, 3) + ' ' + fixed(r.w, 3) + ' ' + fixed(r.h, 3);
    }
    return s + "]";
}

std::string dest_attributes(const typeset::Dest& dest) {
    double x = std::isfinite(dest.x) ? dest.x : 0;
    double y = std::isfinite(dest.y) ? dest.y : 0;
    return "name=" + cairo_attribute_string(dest.name) + " x=" + fixed(x, 3) + " y=" + fixed(y, 3);
}

std::string outline_link_attributes(std::string_view dest) {
    return "dest=" + cairo_attribute_string(dest);
}

bool is_pdf_metadata_date(std::string_view date) {
    constexpr std::string_view base = "9999-99-99T99:99:99";
    if (date.size() < base.size() || !matches(date.substr(0, base.size()), base)) return false;
    std::string_view zone = date.substr(base.size());
    if (zone.empty() || zone == "Z") return true;
    return (zone[0] == '+' || zone[0] == '-') && matches(zone.substr(1), "99:99");
}

bool is_structure_tag_name(std::string_view tag) {
    // PDF 32000 tables 333-340, as Cairo lists them. Cairo refuses any other name with a
    // sticky error that ruins the whole document. "Link" is Cairo's link tag and needs
    // attributes: links come as Link items.
    static const std::string_view standard[] = {
        "Document", "Part",  "Art",       "Sect",     "Div",   "BlockQuote", "Caption", "TOC",
        "TOCI",     "Index", "NonStruct", "Private",  "P",     "H",          "H1",      "H2",
        "H3",       "H4",    "H5",        "H6",       "L",     "LI",         "Lbl",     "LBody",
        "Table",    "TR",    "TH",        "TD",       "THead", "TBody",      "TFoot",   "Span",
        "Quote",    "Note",  "Reference", "BibEntry", "Code",  "Annot",      "Ruby",    "Warichu",
        "RB",       "RT",    "RP",        "WT",       "WP",    "Figure",     "Formula", "Form"};
    for (std::string_view name : standard) {
        if (tag == name) return true;
    }
    return false;
}

}  // namespace dw::paint

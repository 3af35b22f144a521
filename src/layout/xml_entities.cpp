#include "layout/xml_entities.h"

#include <glib.h>

#include "layout/source_map.h"

namespace dw::layout {
namespace {

struct HtmlEntity {
    std::string_view name;
    char32_t code;
};

// The HTML entities people write most; any other gets the general hint.
constexpr HtmlEntity kHtmlEntities[] = {
    {"nbsp", 0xA0},   {"shy", 0xAD},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E},
    {"laquo", 0xAB},  {"raquo", 0xBB},  {"euro", 0x20AC},  {"copy", 0xA9},    {"reg", 0xAE},
    {"trade", 0x2122}, {"deg", 0xB0},   {"middot", 0xB7},  {"bull", 0x2022},  {"times", 0xD7},
    {"eacute", 0xE9}, {"egrave", 0xE8}, {"ecirc", 0xEA},   {"euml", 0xEB},    {"aacute", 0xE1},
    {"agrave", 0xE0}, {"auml", 0xE4},   {"iacute", 0xED},  {"iuml", 0xEF},    {"oacute", 0xF3},
    {"ouml", 0xF6},   {"ocirc", 0xF4},  {"uacute", 0xFA},  {"uuml", 0xFC},    {"ccedil", 0xE7},
    {"Eacute", 0xC9}, {"Euml", 0xCB},   {"Iuml", 0xCF},    {"Ouml", 0xD6},    {"Uuml", 0xDC},
    {"szlig", 0xDF},  {"zwj", 0x200D},  {"zwnj", 0x200C},  {"larr", 0x2190},  {"rarr", 0x2192},
};

bool is_xml_entity(std::string_view name) {
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == ':';
}

std::string fix_for(std::string_view name) {
    for (const HtmlEntity& entity : kHtmlEntities) {
        if (entity.name != name) continue;
        char utf8[8] = {};
        g_unichar_to_utf8(entity.code, utf8);
        std::string reference = "&#" + std::to_string(unsigned(entity.code)) + ";";
        if (entity.code == 0xA0 || entity.code == 0xAD || entity.code == 0x200C || entity.code == 0x200D)
            return "write " + reference + " instead (XML knows only &amp; &lt; &gt; &quot; &apos;)";
        return "write " + reference + " or the character '" + std::string(utf8) +
               "' itself (XML knows only &amp; &lt; &gt; &quot; &apos;)";
    }
    return "XML knows only &amp; &lt; &gt; &quot; &apos;: write the character itself or its number "
           "(&#NNNN;); a literal & is &amp;";
}

// Reports a DOCTYPE at `at`; returns the offset past it.
size_t check_doctype(std::string_view xml, size_t at, const SourceMap& map, const std::string& file,
                     Diagnostics& diags, bool& error) {
    size_t subset = xml.find('[', at), close = xml.find('>', at);
    auto [line, col] = map.position(at);
    if (subset != xml.npos && subset < close) {
        diags.error({file, line, col}, "a layout cannot declare entities in a DOCTYPE",
                    "drukwerk reads no DTD; remove the DOCTYPE and write characters as themselves or &#NNNN;");
        error = true;
        size_t end = xml.find("]>", subset);
        return end == xml.npos ? xml.size() : end + 2;
    }
    diags.warning({file, line, col}, "the DOCTYPE is ignored", "drukwerk reads no DTD; remove it");
    return close == xml.npos ? xml.size() : close + 1;
}

}  // namespace

bool report_undefined_entities(std::string_view xml, const std::string& file, Diagnostics& diags) {
    bool error = false;
    SourceMap map(xml);
    for (size_t i = 0; i < xml.size(); ++i) {
        if (xml[i] == '<') {
            std::string_view rest = xml.substr(i);
            if (rest.starts_with("<!--")) i = std::min(xml.size(), map.past(i, "-->")) - 1;
            else if (rest.starts_with("<![CDATA[")) i = std::min(xml.size(), map.past(i, "]]>")) - 1;
            else if (rest.starts_with("<!DOCTYPE")) i = check_doctype(xml, i, map, file, diags, error) - 1;
            continue;
        }
        if (xml[i] != '&' || i + 1 >= xml.size() || xml[i + 1] == '#') continue;
        size_t end = i + 1;
        while (end < xml.size() && end - i < 40 && is_name_char(xml[end])) ++end;
        if (end == i + 1 || end >= xml.size() || xml[end] != ';') continue;  // not an entity reference
        std::string_view name = xml.substr(i + 1, end - i - 1);
        if (is_xml_entity(name)) continue;
        auto [line, col] = map.position(i);
        diags.error({file, line, col}, "XML does not define the entity '&" + std::string(name) + ";'",
                    fix_for(name));
        error = true;
    }
    return error;
}

}  // namespace dw::layout

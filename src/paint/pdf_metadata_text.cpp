#include "paint/pdf_metadata_text.h"

#include <cstdint>

#include "diag/xml_text.h"
#include "paint/utf8_codec.h"

namespace dw::paint {

namespace {

bool digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return !s.empty();
}

bool allowed_in_xml(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string element(std::string_view name, std::string_view value) {
    return "<" + std::string(name) + ">" + xml_escaped(value) + "</" + std::string(name) + ">\n";
}

std::string alt(std::string_view name, std::string_view value) {
    return "<" + std::string(name) + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
           xml_escaped(value) + "</rdf:li></rdf:Alt></" + std::string(name) + ">\n";
}

}  // namespace

std::optional<PdfDates> pdf_dates(std::string_view iso) {
    if (iso.size() < 19 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' ||
        iso[16] != ':') {
        return std::nullopt;
    }
    const std::string_view y = iso.substr(0, 4), mo = iso.substr(5, 2), d = iso.substr(8, 2),
                           h = iso.substr(11, 2), mi = iso.substr(14, 2), s = iso.substr(17, 2);
    for (std::string_view part : {y, mo, d, h, mi, s}) {
        if (!digits(part)) return std::nullopt;
    }
    std::string_view zone = iso.substr(19);
    std::string sign = "+", zh = "00", zm = "00";
    if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
        digits(zone.substr(1, 2)) && digits(zone.substr(4, 2))) {
        sign = zone.substr(0, 1), zh = zone.substr(1, 2), zm = zone.substr(4, 2);
    } else if (!zone.empty() && zone != "Z") {
        return std::nullopt;
    }
    const std::string base = std::string(y) + std::string(mo) + std::string(d) + std::string(h) +
                             std::string(mi) + std::string(s);
    PdfDates dates;
    dates.info = "D:" + base + sign + zh + "'" + zm + "'";
    dates.xmp = std::string(iso.substr(0, 19)) + sign + zh + ":" + zm;
    return dates;
}

std::string xml_escaped(std::string_view s) {
    std::string allowed;
    for (char32_t cp : decode_utf8(s))
        if (allowed_in_xml(cp)) append_utf8(allowed, cp);
    return xml_text(allowed);
}

std::string pdf_utf16_text(std::string_view s) {
    std::string out = "\xFE\xFF";
    auto unit = [&](uint16_t u) {
        out += static_cast<char>(u >> 8);
        out += static_cast<char>(u & 0xFF);
    };
    for (char32_t cp : decode_utf8(s)) {
        if (cp >= 0x10000) {
            unit(static_cast<uint16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            unit(static_cast<uint16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            unit(static_cast<uint16_t>(cp));
        }
    }
    return out;
}

std::optional<std::string> pdf_doc_encoded(std::string_view s) {
    std::string out;
    for (char32_t cp : decode_utf8(s)) {
        if (!((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA1 && cp <= 0xFF))) return std::nullopt;
        out += static_cast<char>(cp);
    }
    return out;
}

namespace {

// The packet header's begin attribute is a UTF-8 byte order mark, as the XMP spec says.
std::string xmp_packet(std::string_view descriptions) {
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
           "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
           std::string(descriptions) + "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

// Dublin Core: format, title, creator, description and (when given) language.
std::string dublin_core(const typeset::Metadata& meta, bool with_language) {
    std::string x = "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    x += "<dc:format>application/pdf</dc:format>\n";
    if (!meta.title.empty()) x += alt("dc:title", meta.title);
    if (!meta.author.empty()) {
        x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escaped(meta.author) +
             "</rdf:li></rdf:Seq></dc:creator>\n";
    }
    if (!meta.subject.empty()) x += alt("dc:description", meta.subject);
    if (with_language && !meta.language.empty()) {
        x += "<dc:language><rdf:Bag><rdf:li>" + xml_escaped(meta.language) +
             "</rdf:li></rdf:Bag></dc:language>\n";
    }
    return x + "</rdf:Description>\n";
}

}  // namespace

std::string pdfa1b_xmp_packet(const typeset::Metadata& meta, std::string_view producer,
                              const PdfDates& dates) {
    std::string x = dublin_core(meta, false);
    x += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
    if (!meta.creator.empty()) x += element("xmp:CreatorTool", meta.creator);
    x += element("xmp:CreateDate", dates.xmp) + element("xmp:ModifyDate", dates.xmp);
    x += "</rdf:Description>\n";
    x += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    if (!meta.keywords.empty()) x += element("pdf:Keywords", meta.keywords);
    x += element("pdf:Producer", producer);
    x += "</rdf:Description>\n";
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
         "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
         "</rdf:Description>\n";
    return xmp_packet(x);
}

std::string pdfua1_xmp_packet(const typeset::Metadata& meta, const std::optional<PdfDates>& dates) {
    std::string x = dublin_core(meta, true);
    x += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
    if (!meta.creator.empty()) x += element("xmp:CreatorTool", meta.creator);
    if (dates) x += element("xmp:CreateDate", dates->xmp) + element("xmp:ModifyDate", dates->xmp);
    x += "</rdf:Description>\n";
    if (!meta.keywords.empty()) {
        x += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n" +
             element("pdf:Keywords", meta.keywords) + "</rdf:Description>\n";
    }
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
         "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n";
    return xmp_packet(x);
}

}  // namespace dw::paint

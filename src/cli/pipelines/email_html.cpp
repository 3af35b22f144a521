#include "cli/pipelines/email_html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "diag/xml_text.h"

namespace dw::cli {
namespace {

// #rrggbb: mail clients do not all blend colours, so alpha is left out.
std::string css(const Color& c) {
    auto channel = [](double v) { return int(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
    return hex;
}

// What a link shows in the mail: its address (the page's text around it is laid out for the
// picture, cut into lines).
std::string shown(const std::string& uri) {
    for (const char* scheme : {"mailto:", "tel:"})
        if (uri.rfind(scheme, 0) == 0) return uri.substr(std::string(scheme).size());
    return uri;
}

std::vector<std::string> links_of(const typeset::Document& doc) {
    std::vector<std::string> out;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items) {
            const auto* link = std::get_if<typeset::Link>(&item);
            if (link && !link->uri.empty() &&
                std::find(out.begin(), out.end(), link->uri) == out.end())
                out.push_back(link->uri);
        }
    return out;
}

class Writer {
public:
    Writer(const bind::BoundEmail& email, const typeset::Document& phone, const EmailFiles& files)
        : email_(email), phone_(phone), files_(files) {
        cell_ = "padding:12px 24px;font-family:" + xml_text(email.font_family) +
                ";font-size:16px;line-height:24px;color:" + css(email.text) + ";";
        link_ = "color:" + css(email.link) + ";text-decoration:underline;";
    }

    std::string html() const {
        const typeset::Metadata& meta = phone_.metadata;
        const std::string background = "background-color:" + css(email_.background) + ";";
        std::string out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"" +
                          language(meta) + ">\n<head>\n";
        out += "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n";
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n";
        out += "<title>" + xml_text(meta.title) + "</title>\n</head>\n";
        out += "<body style=\"margin:0;padding:0;" + background + "\">\n";
        out += table("100%", background) + "<tr><td align=\"center\" style=\"padding:16px 0;\">\n";
        out += table("600", "width:600px;max-width:100%;background-color:" + css(email_.panel) +
                                ";border-collapse:collapse;") +
               "\n";
        for (const bind::EmailPart& p : email_.parts) out += part(p);
        out += "</table>\n</td></tr></table>\n</body>\n</html>\n";
        return out;
    }

private:
    static std::string table(const std::string& width, const std::string& style) {
        return "<table role=\"presentation\" width=\"" + width +
               "\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"" + style + "\">";
    }

    static std::string language(const typeset::Metadata& meta) {
        if (meta.language.empty()) return "";
        return " lang=\"" + xml_text(meta.language.substr(0, meta.language.find('-'))) + "\"";
    }

    // A table row; none for a section without lines (a document without links).
    std::string part(const bind::EmailPart& part) const {
        if (part.kind == bind::EmailPart::Kind::Picture) {
            const typeset::Metadata& meta = phone_.metadata;
            std::string alt = !part.alt.empty()       ? part.alt
                              : !meta.subject.empty() ? meta.subject
                                                      : meta.title;
            return "<tr><td style=\"padding:0;\"><img src=\"" + xml_text(files_.picture) +
                   "\" width=\"600\" alt=\"" + xml_text(alt) +
                   "\" style=\"display:block;width:100%;max-width:600px;height:auto;border:0;\" />"
                   "</td></tr>\n";
        }
        std::vector<std::string> shown_lines;
        for (const bind::EmailLine& line : part.lines)
            for (std::string& shown_line : lines(line))
                shown_lines.push_back(std::move(shown_line));
        if (shown_lines.empty()) return "";
        std::string body =
            part.heading.empty() ? "" : "<strong>" + xml_text(part.heading) + "</strong>";
        for (const std::string& shown_line : shown_lines)
            body += (body.empty() ? "" : "<br />") + shown_line;
        return "<tr><td style=\"" + cell_ + "\">" + body + "</td></tr>\n";
    }

    // A line as HTML; <page-links/> gives a line per link.
    std::vector<std::string> lines(const bind::EmailLine& line) const {
        using Kind = bind::EmailLine::Kind;
        switch (line.kind) {
            case Kind::PageLinks: {
                std::vector<std::string> out;
                for (const std::string& uri : links_of(phone_))
                    out.push_back(anchor(uri, xml_text(shown(uri))));
                return out;
            }
            case Kind::DocumentPdf:
                return {anchor(files_.document_pdf, spans(line, false))};
            case Kind::PhonePdf:
                return {anchor(files_.phone_pdf, spans(line, false))};
            case Kind::Text:
                break;
        }
        if (!line.href.empty()) return {anchor(line.href, spans(line, false))};
        return {spans(line, true)};
    }

    // Inside a link already (`links` false), a <link> in the line shows as text.
    std::string spans(const bind::EmailLine& line, bool links) const {
        std::string out;
        for (const bind::EmailSpan& span : line.spans) {
            if (span.line_break) {
                out += "<br />";
                continue;
            }
            std::string text = xml_text(span.text);
            if (span.italic) text = "<em>" + text + "</em>";
            if (span.bold) text = "<strong>" + text + "</strong>";
            if (links && !span.href.empty()) text = anchor(span.href, text);
            out += text;
        }
        return out;
    }

    std::string anchor(const std::string& href, const std::string& html) const {
        return "<a href=\"" + xml_text(href) + "\" style=\"" + link_ + "\">" + html + "</a>";
    }

    const bind::BoundEmail& email_;
    const typeset::Document& phone_;
    const EmailFiles& files_;
    std::string cell_, link_;
};

}  // namespace

std::string email_html(const bind::BoundEmail& email, const typeset::Document& phone,
                       const EmailFiles& files) {
    return Writer(email, phone, files).html();
}

}  // namespace dw::cli

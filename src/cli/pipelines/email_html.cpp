#include "cli/pipelines/email_html.h"

#include <algorithm>

namespace dw::cli {
namespace {

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

struct PageLink {
    std::string uri, text;
};

// What a link shows in the mail: its address (the page's text around it is laid out for the
// picture, cut into lines).
std::string shown(const std::string& uri) {
    for (const char* scheme : {"mailto:", "tel:"})
        if (uri.rfind(scheme, 0) == 0) return uri.substr(std::string(scheme).size());
    return uri;
}

std::vector<PageLink> links_of(const typeset::Document& doc) {
    std::vector<PageLink> out;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items) {
            const auto* link = std::get_if<typeset::Link>(&item);
            if (!link || link->uri.empty()) continue;
            bool seen = std::any_of(out.begin(), out.end(), [&](const PageLink& l) { return l.uri == link->uri; });
            if (!seen) out.push_back({link->uri, shown(link->uri)});
        }
    return out;
}

std::string field(const data::Value* map, const char* key) {
    const data::Value* v = map ? map->find(key) : nullptr;
    return v && v->kind == data::Value::Kind::String ? v->text : "";
}

const char* kCell = "padding:8px 24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;"
                    "line-height:24px;color:#1e2b26;";
const char* kLink = "color:#1f5f4a;text-decoration:underline;";

std::string row(const std::string& content, const std::string& extra = "") {
    return "<tr><td style=\"" + std::string(kCell) + extra + "\">" + content + "</td></tr>\n";
}

std::string anchor(const std::string& href, const std::string& text) {
    return "<a href=\"" + escape(href) + "\" style=\"" + kLink + "\">" + escape(text) + "</a>";
}

std::string contact_rows(const data::Value* contact) {
    std::string name = field(contact, "name"), role = field(contact, "role"),
                email = field(contact, "email"), phone = field(contact, "phone");
    if (name.empty() && email.empty()) return "";
    std::string body = "<strong>Contact</strong><br />" + escape(name);
    if (!role.empty()) body += ", " + escape(role);
    if (!email.empty()) body += "<br />" + anchor("mailto:" + email, email);
    if (!phone.empty()) body += "<br />" + escape(phone);
    return row(body, "padding-bottom:16px;");
}

}  // namespace

std::string email_html(const typeset::Document& phone, const data::Value* data,
                       const EmailFiles& files) {
    const typeset::Metadata& meta = phone.metadata;
    std::string alt = meta.subject.empty() ? meta.title : meta.subject;
    std::string html =
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" +
        escape(meta.language.empty() ? "nl" : meta.language.substr(0, 2)) + "\">\n<head>\n"
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>" +
        escape(meta.title) + "</title>\n</head>\n"
        "<body style=\"margin:0;padding:0;background-color:#f4efe4;\">\n"
        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
        "style=\"background-color:#f4efe4;\"><tr><td align=\"center\" style=\"padding:16px 0;\">\n"
        "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
        "style=\"width:600px;max-width:100%;background-color:#ffffff;border-collapse:collapse;\">\n";
    html += "<tr><td style=\"padding:0;\"><img src=\"" + escape(files.picture) + "\" width=\"600\" alt=\"" +
            escape(alt) + "\" style=\"display:block;width:100%;max-width:600px;height:auto;border:0;\" />"
            "</td></tr>\n";
    std::vector<PageLink> links = links_of(phone);
    if (!links.empty()) {
        std::string body = "<strong>Links</strong>";
        for (const PageLink& l : links) body += "<br />" + anchor(l.uri, l.text);
        html += row(body, "padding-top:16px;");
    }
    html += contact_rows(data ? data->find("contact") : nullptr);
    html += row("<strong>Bijlagen</strong><br />" + anchor(files.poster_pdf, "Het overzicht als poster (PDF)") +
                    "<br />" + anchor(files.phone_pdf, "Het overzicht voor de telefoon (PDF)"),
                "padding-bottom:24px;");
    html += "</table>\n</td></tr></table>\n</body>\n</html>\n";
    return html;
}

}  // namespace dw::cli

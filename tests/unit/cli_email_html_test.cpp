// The mail's HTML: the bound <email> as a 600 px table with inline styles, and nothing in it that
// the layout did not say (no words of the program's own).
#include <catch2/catch.hpp>

#include "cli/pipelines/email_html.h"

using namespace dw;
using dw::bind::BoundEmail;
using dw::bind::EmailLine;
using dw::bind::EmailPart;
using dw::bind::EmailSpan;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

EmailSpan span(std::string text, bool bold = false) {
    EmailSpan s;
    s.text = std::move(text);
    s.bold = bold;
    return s;
}

EmailLine text_line(std::vector<EmailSpan> spans, std::string href = "") {
    EmailLine line;
    line.spans = std::move(spans);
    line.href = std::move(href);
    return line;
}

EmailLine special(EmailLine::Kind kind, std::string text = "") {
    EmailLine line;
    line.kind = kind;
    if (!text.empty()) line.spans.push_back(span(text));
    return line;
}

EmailPart section(std::string heading, std::vector<EmailLine> lines) {
    EmailPart part;
    part.heading = std::move(heading);
    part.lines = std::move(lines);
    return part;
}

typeset::Document phone_with_links(std::vector<std::string> uris) {
    typeset::Document doc;
    doc.metadata.title = "Title";
    doc.metadata.subject = "Subject & more";
    doc.metadata.language = "en-GB";
    typeset::Page page;
    for (auto& uri : uris) {
        typeset::Link link;
        link.uri = uri;
        page.items.push_back(link);
    }
    doc.pages.push_back(page);
    return doc;
}

const cli::EmailFiles kFiles{"p.png", "d.pdf", "p.pdf"};

}  // namespace

TEST_CASE("the mail shows the layout's texts, colours and font and links the bundle's files",
          "[cli][email]") {
    BoundEmail email{{0.9569, 0.9373, 0.8941, 1},
                     {1, 1, 1, 1},
                     {0, 0, 0, 1},
                     {1, 0, 0, 1},
                     "Georgia, serif",
                     {},
                     "-phone"};
    EmailPart picture;
    picture.kind = EmailPart::Kind::Picture;
    email.parts.push_back(picture);
    email.parts.push_back(
        section("Reach <us>", {text_line({span("Anna "), span("de Vries", true)}),
                               text_line({span("anna@example.org")}, "mailto:anna@example.org"),
                               special(EmailLine::Kind::PageLinks)}));
    email.parts.push_back(section("Files", {special(EmailLine::Kind::DocumentPdf, "Poster"),
                                            special(EmailLine::Kind::PhonePdf, "Phone")}));
    std::string html = cli::email_html(
        email,
        phone_with_links({"https://example.org/a", "tel:+31612345678", "https://example.org/a"}),
        kFiles);
    INFO(html);
    for (const char* part :
         {"<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">", "background-color:#f4efe4;",
          "font-family:Georgia, serif;", "color:#000000;",
          "color:#ff0000;text-decoration:underline;",
          "<img src=\"p.png\" width=\"600\" alt=\"Subject &amp; more\"",
          "<strong>Reach &lt;us&gt;</strong><br />Anna <strong>de Vries</strong><br />",
          "<a href=\"mailto:anna@example.org\" "
          "style=\"color:#ff0000;text-decoration:underline;\">anna@example.org</a>",
          ">https://example.org/a</a><br /><a href=\"tel:+31612345678\"", ">+31612345678</a>",
          "<strong>Files</strong><br /><a href=\"d.pdf\"", ">Poster</a><br /><a href=\"p.pdf\"",
          ">Phone</a>", "<table role=\"presentation\" width=\"600\""}) {
        INFO(part);
        CHECK(contains(html, part));
    }
    CHECK_FALSE(contains(html, "<style"));
    // The page's links are shown once each.
    CHECK(html.find("https://example.org/a</a>") == html.rfind("https://example.org/a</a>"));
}

TEST_CASE("the mail has no words the layout did not write", "[cli][email]") {
    BoundEmail email{{1, 1, 1, 1}, {1, 1, 1, 1}, {0, 0, 0, 1}, {0, 0, 0, 1}, "Arial", {}, "-phone"};
    EmailPart picture;
    picture.kind = EmailPart::Kind::Picture;
    picture.alt = "Picture";
    email.parts.push_back(picture);
    email.parts.push_back(section("", {special(EmailLine::Kind::PageLinks)}));  // no links: no row
    typeset::Document phone = phone_with_links({});
    phone.metadata.language.clear();
    std::string html = cli::email_html(email, phone, kFiles);
    INFO(html);
    CHECK_FALSE(contains(html, "lang="));  // no language of the program's own
    CHECK(contains(html, "alt=\"Picture\""));
    CHECK_FALSE(contains(html, "<strong>"));
    CHECK_FALSE(contains(html, "padding:12px 24px"));  // the empty section has no row
    for (const char* dutch : {"Bijlagen", "Contact", "Links", "overzicht"})
        CHECK_FALSE(contains(html, dutch));
}

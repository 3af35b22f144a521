// <email> bound to the data: the mail's texts are the layout's, filled in like any other text.
#include <algorithm>
#include <catch2/catch.hpp>

#include "bind/email_binder.h"
#include "bind_support.h"

using namespace bind_test;
using dw::bind::BoundEmail;
using dw::bind::EmailLine;
using dw::bind::EmailPart;

namespace {

std::string layout_with_email(const std::string& email) {
    return std::string("<layout name=\"t\">") + kStyles + "<document><text>x</text></document>" +
           email + "</layout>";
}

std::optional<BoundEmail> bind_mail(const std::string& xml, const dw::data::Value& data,
                                    Diagnostics& diags) {
    Diagnostics layout_diags;
    auto layout = dw::layout::parse_layout(xml, "t.xml", layout_diags);
    INFO(printed(layout_diags));
    REQUIRE(layout_diags.all().empty());
    REQUIRE(layout);
    return dw::bind::bind_email(*layout, data, diags);
}

std::string text_of(const EmailLine& line) {
    std::string out;
    for (const auto& span : line.spans) out += span.line_break ? "|" : span.text;
    return out;
}

const char* kContact = R"(
project: Wij zijn de Wijk
contact:
  name: Anna de Vries
  email: anna@example.org
)";

}  // namespace

TEST_CASE("the mail's headings, lines and attachment texts come from the layout's <email>",
          "[bind][email]") {
    Diagnostics diags;
    auto email = bind_mail(layout_with_email(R"(
      <email color="green" link-color="#ff0000">
        <section heading="About {{project}}"><line>Written by <b>{{contact.name}}</b><br/>today</line></section>
        <picture alt="The overview of {{project}}"/>
        <section heading="Contact">
          <line href="mailto:{{contact.email}}">{{contact.email}}</line>
          <line>{{contact.phone | default("")}}</line>
          <page-links/>
        </section>
        <section heading="Files">
          <attachment pdf="document">Poster</attachment>
          <attachment pdf="phone">For <i>phones</i></attachment>
        </section>
      </email>)"),
                           yaml(kContact), diags);
    INFO(printed(diags));
    REQUIRE(email);
    CHECK(diags.all().empty());
    CHECK(email->text == *dw::parse_hex_color("#1f5f4a"));
    CHECK(email->link == *dw::parse_hex_color("#ff0000"));
    REQUIRE(email->parts.size() == 4);  // in the layout's order

    const EmailPart& about = email->parts[0];
    CHECK(about.heading == "About Wij zijn de Wijk");
    REQUIRE(about.lines.size() == 1);
    CHECK(text_of(about.lines[0]) == "Written by Anna de Vries|today");
    REQUIRE(about.lines[0].spans.size() == 4);
    CHECK(about.lines[0].spans[1].bold);
    CHECK_FALSE(about.lines[0].spans[0].bold);

    CHECK(email->parts[1].kind == EmailPart::Kind::Picture);
    CHECK(email->parts[1].alt == "The overview of Wij zijn de Wijk");

    const EmailPart& contact = email->parts[2];
    REQUIRE(contact.lines.size() == 2);  // the empty phone line is left out
    CHECK(contact.lines[0].href == "mailto:anna@example.org");
    CHECK(text_of(contact.lines[0]) == "anna@example.org");
    CHECK(contact.lines[1].kind == EmailLine::Kind::PageLinks);

    const EmailPart& files = email->parts[3];
    REQUIRE(files.lines.size() == 2);
    CHECK(files.lines[0].kind == EmailLine::Kind::DocumentPdf);
    CHECK(text_of(files.lines[0]) == "Poster");
    CHECK(files.lines[1].kind == EmailLine::Kind::PhonePdf);
    CHECK(text_of(files.lines[1]) == "For phones");
    CHECK(files.lines[1].spans[1].italic);
}

TEST_CASE("a mail section whose lines all come out empty is left out", "[bind][email]") {
    Diagnostics diags;
    auto email = bind_mail(layout_with_email(R"(
      <email><picture/>
        <section heading="Telefoon"><line>{{contact.phone | default("")}}</line></section>
      </email>)"),
                           yaml(kContact), diags);
    INFO(printed(diags));
    REQUIRE(email);
    REQUIRE(email->parts.size() == 1);
    CHECK(email->parts[0].kind == EmailPart::Kind::Picture);
}

TEST_CASE("an expression in the mail that fails is an error at its place in the layout",
          "[bind][email]") {
    const std::string xml = layout_with_email(
        "<email><picture/>\n<section "
        "heading=\"{{contact.nmae}}\"><line>x</line></section></email>");
    const size_t at = xml.find("{{contact.nmae}}");
    const int line = 1 + int(std::count(xml.begin(), xml.begin() + long(at), '\n'));
    const int col = int(at - xml.rfind('\n', at));
    Diagnostics diags;
    auto email = bind_mail(xml, yaml(kContact), diags);
    CHECK_FALSE(email);
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all().front();
    INFO(printed(diags));
    CHECK(d.loc.file == "t.xml");
    CHECK(d.loc.line == line);
    CHECK(d.loc.col == col);
    CHECK(d.hint == "did you mean 'name'?");
}

TEST_CASE("binding the mail of a layout without <email> is an error at its <layout> element",
          "[bind][email]") {
    Diagnostics diags;
    auto email = bind_mail(layout_with_email(""), yaml(kContact), diags);
    CHECK_FALSE(email);
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all()[0];
    CHECK(d.loc.file == "t.xml");
    CHECK(d.loc.line == 1);
    CHECK(d.loc.col == 1);
    CHECK(d.message.find("no <email>") != std::string::npos);
    CHECK_FALSE(d.hint.empty());
}

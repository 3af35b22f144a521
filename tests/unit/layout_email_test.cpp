// <email>: the body of the mail render --email-bundle writes, declared in the layout and checked
// when the layout is read.
#include <catch2/catch.hpp>
#include <sstream>

#include "layout/email_decl.h"
#include "layout/layout_reader.h"

using namespace dw;
using namespace dw::layout;

namespace {

std::string printed(const Diagnostics& diags) {
    std::ostringstream out;
    diags.print(out);
    return out.str();
}

// A layout whose <email> (its first line is line 5) is `email`.
std::string with_email(const std::string& email) {
    return "<layout>\n"
           "  <palette><color name=\"sand\" value=\"#f4efe4\"/><color name=\"ink\" "
           "value=\"#1e2b26\"/></palette>\n"
           "  <document><text>Hallo</text></document>\n"
           "  <!-- the mail -->\n" +
           email + "\n</layout>\n";
}

}  // namespace

TEST_CASE("the layout's <email> is read with its colours from the palette and its parts in order",
          "[layout][email]") {
    Diagnostics diags;
    auto layout = parse_layout(
        with_email("  <email background=\"sand\" color=\"ink\" font-family=\"Georgia, serif\">\n"
                   "    <picture/>\n"
                   "    <section heading=\"Attachments\"><attachment "
                   "pdf=\"phone\">Phone</attachment></section>\n"
                   "  </email>"),
        "t.xml", diags);
    INFO(printed(diags));
    REQUIRE(layout);
    REQUIRE(layout->email);
    const EmailDecl& email = *layout->email;
    CHECK(email.background == *parse_hex_color("#f4efe4"));
    CHECK(email.text == *parse_hex_color("#1e2b26"));
    CHECK(email.link == email.text);  // link-color defaults to the text colour
    CHECK(email.panel == Color{1, 1, 1, 1});
    CHECK(email.font_family == "Georgia, serif");
    CHECK(email.phone_suffix == "-phone");  // the default
    REQUIRE(email.body.size() == 2);
    CHECK(email.body[0].element == "picture");
    CHECK(email.body[1].element == "section");
    CHECK(email.loc.line == 5);
}

TEST_CASE("the phone files' suffix is the layout's, and only a safe part of a file name",
          "[layout][email]") {
    Diagnostics ok;
    auto layout = parse_layout(
        with_email("  <email phone-suffix=\"-telefoon\"><picture/></email>"), "t.xml", ok);
    INFO(printed(ok));
    REQUIRE(layout);
    REQUIRE(layout->email);
    CHECK(layout->email->phone_suffix == "-telefoon");
    CHECK(!ok.has_errors());

    for (const char* unsafe : {"/../x", "-op de telefoon", ""}) {
        Diagnostics diags;
        parse_layout(with_email(std::string("  <email phone-suffix=\"") + unsafe +
                                "\"><picture/></email>"),
                     "t.xml", diags);
        INFO(unsafe << ": " << printed(diags));
        CHECK(diags.error_count() == 1);
        CHECK(printed(diags).find("t.xml:5:") != std::string::npos);
        CHECK(printed(diags).find("not a safe part of a file name") != std::string::npos);
    }
}

TEST_CASE("a layout without <email> has none", "[layout][email]") {
    Diagnostics diags;
    auto layout = parse_layout(with_email(""), "t.xml", diags);
    REQUIRE(layout);
    CHECK_FALSE(layout->email);
    CHECK(layout->loc.line == 1);  // where --email-bundle reports the missing <email>
}

TEST_CASE("a misspelled attribute in <email> is an error at its line and column with a hint",
          "[layout][email]") {
    Diagnostics diags;
    auto layout =
        parse_layout(with_email("  <email>\n"
                                "    <picture/>\n"
                                "    <section heding=\"Contact\"><line>x</line></section>\n"
                                "  </email>"),
                     "t.xml", diags);
    INFO(printed(diags));
    CHECK_FALSE(layout);
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all()[0];
    CHECK(d.loc.line == 7);
    CHECK(d.loc.col == 14);
    CHECK(d.message == "unknown attribute 'heding' on <section>");
    CHECK(d.hint == "did you mean 'heading'?");
}

TEST_CASE("what the mail cannot show is an error where it is written", "[layout][email]") {
    struct Case {
        const char* email;
        int line, col;
        const char* message;
    } cases[] = {
        {"  <email>\n    <picture/>\n    <section><line>a <span "
         "color=\"ink\">b</span></line></section>\n  </email>",
         7, 22, "<span> is not shown in an e-mail line"},
        {"  <email>\n    <picture/>\n    <section><attachment>PDF</attachment></section>\n  "
         "</email>",
         7, 14, "missing required attribute 'pdf' on <attachment>"},
        {"  <email>\n    <picture/>\n    <section><attachment "
         "pdf=\"poster\">PDF</attachment></section>\n  </email>",
         7, 26, "invalid value 'poster' for attribute 'pdf'"},
        {"  <email color=\"inkt\">\n    <picture/>\n  </email>", 5, 10, "unknown colour 'inkt'"},
        {"  <email color=\"{{colour}}\">\n    <picture/>\n  </email>", 5, 10,
         "expressions are not allowed in <email>"},
        {"  <email>\n    <section><line>a</line></section>\n  </email>", 5, 3,
         "<email> needs a <picture> element"},
    };
    for (const Case& c : cases) {
        Diagnostics diags;
        auto layout = parse_layout(with_email(c.email), "t.xml", diags);
        INFO(c.email << "\n" << printed(diags));
        CHECK_FALSE(layout);
        REQUIRE(diags.all().size() == 1);
        const Diagnostic& d = diags.all()[0];
        CHECK(d.loc.line == c.line);
        CHECK(d.loc.col == c.col);
        CHECK(d.message == c.message);
        CHECK_FALSE(d.hint.empty());
    }
}

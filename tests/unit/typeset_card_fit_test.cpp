#include "typeset/card_typesetter.h"
#include "typeset_support.h"

using namespace typeset_test;

namespace {

dw::bind::Box paragraph(const std::string& text, double size, double min_size) {
    dw::bind::Box p;
    p.kind = dw::bind::Box::Kind::Paragraph;
    p.style.size = size;
    p.style.min_size = min_size;
    dw::bind::Span span;
    span.text = text;
    p.spans.push_back(span);
    return p;
}

// A card face: one fixed-height box with fit="shrink" around the text, inside the safe area.
dw::bind::Box face_with(const std::string& text) {
    dw::bind::Box box;
    box.kind = dw::bind::Box::Kind::Frame;
    box.loc = {"cards.xml", 12, 7};
    box.frame.height = dw::Length::mm(30);
    box.frame.shrink_to_fit = true;
    for (double& p : box.frame.padding) p = mm(8);
    box.children.push_back(paragraph(text, 10, 6));
    dw::bind::Box face;
    face.kind = dw::bind::Box::Kind::Stack;
    face.children.push_back(box);
    return face;
}

double smallest_glyph_size(const Page& page) {
    double smallest = 1e9;
    for (const auto& item : page.items)
        if (auto* run = std::get_if<GlyphRun>(&item)) smallest = std::min(smallest, run->size);
    return smallest;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

const CardGeometry kCard{mm(63), mm(88), mm(3), mm(4)};

}  // namespace

TEST_CASE("card fit rule: text that fits keeps its size", "[typeset][cards]") {
    Diagnostics diags;
    CardTypesetter cards(fonts(), hyphenator(), diags);
    Page page = cards.face(face_with("Begin klein."), kCard, {{"c.csv", 2, 1}, "4.1"});
    INFO(printed(diags));
    CHECK_FALSE(diags.has_errors());
    CHECK(smallest_glyph_size(page) == Approx(10));
    REQUIRE(page.trim_box);
    CHECK(page.trim_box->x == Approx(mm(3)));
    CHECK(page.width == Approx(mm(69)));
}

TEST_CASE("card fit rule: a long text shrinks towards min-size until it fits", "[typeset][cards]") {
    Diagnostics diags;
    CardTypesetter cards(fonts(), hyphenator(), diags);
    Page page = cards.face(face_with(repeat("Een les die net te lang is voor de kaart. ", 4)),
                           kCard, {{"c.csv", 3, 1}, "4.2"});
    INFO(printed(diags));
    CHECK_FALSE(diags.has_errors());
    double size = smallest_glyph_size(page);
    CHECK(size < 10);
    CHECK(size >= 6);
}

TEST_CASE("card fit rule: text that cannot fit names the card's data line", "[typeset][cards]") {
    Diagnostics diags;
    CardTypesetter cards(fonts(), hyphenator(), diags);
    cards.face(face_with(repeat("Veel te veel tekst voor een kaart. ", 20)), kCard,
               {{"c.csv", 7, 1}, "2.3"});
    REQUIRE(diags.error_count() == 1);
    const auto& d = diags.all()[0];
    CHECK(d.loc.file == "c.csv");
    CHECK(d.loc.line == 7);
    CHECK(d.message.find("the text of card 2.3 does not fit") == 0);
    CHECK(d.hint.find("cards.xml:12:7") != std::string::npos);
}

TEST_CASE("card safe area: text in the bleed is an error", "[typeset][cards]") {
    Diagnostics diags;
    CardTypesetter cards(fonts(), hyphenator(), diags);
    dw::bind::Box face;
    face.kind = dw::bind::Box::Kind::Stack;
    face.children.push_back(paragraph("Te dicht bij de rand", 10, 0));
    cards.face(face, kCard, {{"c.csv", 4, 1}, "1.1"});
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].message.find("lies outside the safe area") != std::string::npos);
}

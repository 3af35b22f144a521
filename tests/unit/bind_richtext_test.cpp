// <richtext>: Markdown blocks become paragraphs with a style, tag, bookmark level and list marker
// per block kind; `continued` groups the h1 sections.
#include "bind_support.h"
#include "bind/table_format.h"

using namespace dw;
using namespace dw::bind;
using namespace bind_test;

namespace {

const char* kMarkdown =
    "---\n"
    "kind: Verslag\n"
    "---\n"
    "\n"
    "Inleiding met **vet**, *schuin* en een [link](https://wijzijndewijk.nl).\n"
    "\n"
    "# Eerste kop\n"
    "\n"
    "Tekst onder de eerste kop.\n"
    "\n"
    "## Tweede niveau\n"
    "\n"
    "### Derde niveau\n"
    "\n"
    "- punt een\n"
    "  - sub punt\n"
    "    - subsub punt\n"
    "- punt twee\n"
    "\n"
    "1. eerste\n"
    "2. tweede\n"
    "\n"
    "Tussendoor.\n"
    "\n"
    "7. zeven\n"
    "8. acht\n"
    "\n"
    "- [ ] te doen\n"
    "- [x] gedaan\n"
    "\n"
    "# Tweede kop\n"
    "\n"
    "Slot.\n";

const char* kAllStyles =
    " h1=\"h1\" h2=\"h2\" h3=\"h3\" paragraph=\"body\" bullet-1=\"b1\" bullet-2=\"b2\""
    " bullet-3=\"b3\" numbered=\"num\" task=\"task\" link-color=\"green\"";

const Color kGreen{0x1f / 255.0, 0x5f / 255.0, 0x4a / 255.0, 1};

Box bind_md(const std::string& markdown_text, const std::string& attrs) {
    data::Value md = markdown(markdown_text);
    return bind_ok("<richtext source=\"body\"" + attrs + "/>", md);
}

struct Expected {
    std::string text, tag, style, marker;
    int bookmark;
    int list_depth;  // how many lists the paragraph is in
};

// The tags of a box's enclosing structure elements, space-separated.
std::string structure_tags(const Box& box) {
    std::string tags;
    for (const StructureElement& e : box.structure) tags += (tags.empty() ? "" : " ") + e.tag;
    return tags;
}

std::string list_path(int depth) {
    std::string tags;
    for (int d = 0; d < depth; ++d) tags += std::string(d ? " " : "") + "L LI LBody";
    return tags;
}

}  // namespace

TEST_CASE("richtext: tags, styles, bookmark levels and list markers per block", "[bind]") {
    Box root = bind_md(kMarkdown, kAllStyles);
    auto ps = paragraphs(root);
    const std::vector<Expected> expected{
        {"Inleiding met vet, schuin en een link.", "P", "body", "", 0, 0},
        {"Eerste kop", "H1", "h1", "", 1, 0},
        {"Tekst onder de eerste kop.", "P", "body", "", 0, 0},
        {"Tweede niveau", "H2", "h2", "", 2, 0},
        {"Derde niveau", "H3", "h3", "", 0, 0},  // bookmarks="2" by default
        {"punt een", "P", "b1", "\u2022", 0, 1},
        {"sub punt", "P", "b2", "\u2013", 0, 2},
        {"subsub punt", "P", "b3", "\u25E6", 0, 3},
        {"punt twee", "P", "b1", "\u2022", 0, 1},
        {"eerste", "P", "num", "1.", 0, 1},
        {"tweede", "P", "num", "2.", 0, 1},
        {"Tussendoor.", "P", "body", "", 0, 0},
        {"zeven", "P", "num", "7.", 0, 1},
        {"acht", "P", "num", "8.", 0, 1},
        {"te doen", "P", "task", "\u2610", 0, 1},
        {"gedaan", "P", "task", "\u2611", 0, 1},
        {"Tweede kop", "H1", "h1", "", 1, 0},
        {"Slot.", "P", "body", "", 0, 0},
    };
    REQUIRE(ps.size() == expected.size());
    for (size_t i = 0; i < ps.size(); ++i) {
        INFO("paragraph " << i << ": " << text_of(*ps[i]));
        CHECK(text_of(*ps[i]) == expected[i].text);
        CHECK(ps[i]->tag == expected[i].tag);
        CHECK(ps[i]->style.name == expected[i].style);
        CHECK(ps[i]->marker == expected[i].marker);
        CHECK(ps[i]->bookmark_level == expected[i].bookmark);
        CHECK(structure_tags(*ps[i]) == list_path(expected[i].list_depth));
    }
    // without `continued` the blocks are not grouped
    CHECK(root.children.size() == expected.size());
}

TEST_CASE("richtext: list items nest as L, LI and LBody, one L per list and one LI per item",
          "[bind]") {
    Box root = bind_md(kMarkdown, kAllStyles);
    auto ps = paragraphs(root);
    REQUIRE(ps.size() > 10);
    const StructurePath& one = ps[5]->structure;      // punt een
    const StructurePath& sub = ps[6]->structure;      // sub punt
    const StructurePath& subsub = ps[7]->structure;   // subsub punt
    const StructurePath& two = ps[8]->structure;      // punt twee
    const StructurePath& first = ps[9]->structure;    // 1. eerste
    const StructurePath& second = ps[10]->structure;  // 2. tweede
    REQUIRE((one.size() == 3 && sub.size() == 6 && subsub.size() == 9 && two.size() == 3));
    // The sub-list is inside the first item's body; its own list is a new element.
    CHECK(StructurePath(sub.begin(), sub.begin() + 3) == one);
    CHECK(StructurePath(subsub.begin(), subsub.begin() + 6) == sub);
    CHECK(sub[3] != one[0]);
    // The second item is in the same list as the first, as an item of its own.
    CHECK(two[0] == one[0]);
    CHECK(two[1] != one[1]);
    CHECK(two[2] != one[2]);
    // Another list is another L.
    CHECK(first[0] != one[0]);
    CHECK(second[0] == first[0]);
    CHECK(second[1] != first[1]);
}

TEST_CASE("richtext: bold, italic and link spans, links get the link colour", "[bind]") {
    Box root = bind_md(kMarkdown, kAllStyles);
    auto ps = paragraphs(root);
    REQUIRE(!ps.empty());
    const auto& s = ps[0]->spans;
    REQUIRE(s.size() == 7);
    CHECK(s[0].text == "Inleiding met ");
    CHECK_FALSE(s[0].weight);
    CHECK_FALSE(s[0].italic);
    CHECK(s[1].text == "vet");
    CHECK(s[1].weight == 700);
    CHECK(s[2].text == ", ");
    CHECK(s[3].text == "schuin");
    CHECK(s[3].italic == true);
    CHECK_FALSE(s[3].weight);
    CHECK(s[4].text == " en een ");
    CHECK(s[5].text == "link");
    CHECK(s[5].link == "https://wijzijndewijk.nl");
    CHECK(s[5].underline);
    REQUIRE(s[5].color);
    CHECK(*s[5].color == kGreen);
    CHECK(s[6].text == ".");
    CHECK(s[6].link.empty());
    CHECK_FALSE(s[6].color);
}

TEST_CASE("richtext: a link without link-color keeps the text colour", "[bind]") {
    Box root = bind_md("---\nk: v\n---\n\nZie <https://x.nl> en ***beide***.\n", "");
    auto ps = paragraphs(root);
    REQUIRE(ps.size() == 1);
    const auto& s = ps[0]->spans;
    REQUIRE(s.size() == 5);
    CHECK(s[1].text == "https://x.nl");
    CHECK(s[1].link == "https://x.nl");
    CHECK_FALSE(s[1].color);
    CHECK(s[3].text == "beide");
    CHECK(s[3].weight == 700);
    CHECK(s[3].italic == true);
}

TEST_CASE("richtext: continued groups every h1 and what follows into a Section", "[bind]") {
    Box root = bind_md(kMarkdown, std::string(kAllStyles) +
                                      " continued=\"Zie vervolg op de volgende pagina.\""
                                      " continued-style=\"note\"");
    REQUIRE(root.children.size() == 3);
    CHECK(root.children[0].kind == Box::Kind::Paragraph);  // before the first h1: not grouped
    const Box& first = root.children[1];
    const Box& second = root.children[2];
    CHECK(first.kind == Box::Kind::Section);
    CHECK(second.kind == Box::Kind::Section);
    CHECK(first.continued_note == "Zie vervolg op de volgende pagina.");
    CHECK(first.continued_style.name == "note");
    // The heading, its text, then the h2 with everything up to the next h1 as a nested section
    // (the typesetter repeats the innermost heading where a section runs over a page).
    REQUIRE(first.children.size() == 3);
    CHECK(first.children[0].tag == "H1");
    CHECK(text_of(first.children[0]) == "Eerste kop");
    CHECK(text_of(first.children[1]) == "Tekst onder de eerste kop.");
    const Box& nested = first.children[2];
    REQUIRE(nested.kind == Box::Kind::Section);
    REQUIRE(nested.children.size() == 13);
    CHECK(nested.children[0].tag == "H2");
    CHECK(text_of(nested.children[12]) == "gedaan");
    CHECK(nested.continued_note == "Zie vervolg op de volgende pagina.");
    CHECK(texts(second) == std::vector<std::string>{"Tweede kop", "Slot."});
}

TEST_CASE("richtext: bookmarks=1 keeps only h1 in the outline", "[bind]") {
    Box root = bind_md(kMarkdown, std::string(kAllStyles) + " bookmarks=\"1\"");
    for (const Box* p : paragraphs(root)) {
        INFO(text_of(*p));
        CHECK(p->bookmark_level == (p->tag == "H1" ? 1 : 0));
    }
}

TEST_CASE("richtext: a loose list adds space after each item, not after each paragraph",
          "[bind]") {
    Box root = bind_md("---\nk: v\n---\n\n- een\n\n  nog een alinea\n\n- twee\n", kAllStyles);
    auto ps = paragraphs(root);
    REQUIRE(ps.size() == 3);
    CHECK(ps[0]->marker == "\u2022");
    CHECK(ps[0]->style.space_after == 0);
    CHECK(ps[1]->marker == "");  // a second paragraph of the same item: no marker
    CHECK(ps[1]->style.space_before == Approx(3.0));
    CHECK(ps[1]->style.space_after == Approx(3.0));  // 0.3 × 10pt after the item
    CHECK(ps[2]->marker == "\u2022");
    CHECK(ps[2]->style.space_after == Approx(3.0));
}

TEST_CASE("richtext: quotes, code, rules and tables", "[bind]") {
    Box root = bind_md("---\nk: v\n---\n\n> geciteerd\n\n```\ncode {{x}}\n```\n\n---\n\n"
                       "| a | b |\n|---|---|\n| 1 | 2 |\n",
                       " quote=\"note\"");
    REQUIRE(root.children.size() == 4);
    CHECK(root.children[0].style.name == "note");
    CHECK(text_of(root.children[0]) == "geciteerd");
    REQUIRE(root.children[1].spans.size() == 1);
    CHECK(root.children[1].spans[0].monospace);
    CHECK(root.children[1].spans[0].text == "code {{x}}");
    CHECK(root.children[2].kind == Box::Kind::Rule);
    const Box& table = root.children[3];
    CHECK(table.kind == Box::Kind::Table);
    REQUIRE(table.table);
    CHECK(table.table->header_rows == 1);
    REQUIRE(table.children.size() == 2);
    CHECK(texts(table.children[0]) == std::vector<std::string>{"a", "b"});
    CHECK(texts(table.children[1]) == std::vector<std::string>{"1", "2"});
}

TEST_CASE("richtext: table columns align as the delimiter row says, numbers on the right",
          "[bind]") {
    Box root = bind_md("---\nk: v\n---\n\n| Wat | Wie | Bedrag | Nr |\n|:---|:-:|---|--:|\n"
                       "| Offerte | Marga | 1.250,- | 3 |\n| Huur | Ann | \u20AC 320 | 4 |\n",
                       "");
    REQUIRE(root.children.size() == 1);
    const Box& table = root.children[0];
    REQUIRE(table.children.size() == 3);
    auto align = [&](size_t row, size_t col) {
        return table.children[row].children[col].children[0].style.align;
    };
    using A = dw::layout::Align;
    CHECK(align(1, 0) == A::Left);
    CHECK(align(1, 1) == A::Center);
    CHECK(align(1, 2) == A::Right);  // all amounts: a number column
    CHECK(align(0, 2) == A::Right);  // its header too
    CHECK(align(2, 3) == A::Right);
    // Cells are not justified or hyphenated when no table style is given (body text is).
    CHECK(table.children[1].children[0].children[0].style.hyphenate.empty());
}

TEST_CASE("richtext: what reads as a number", "[bind]") {
    using dw::bind::looks_numeric;
    for (const char* yes : {"12", "1.250,-", "\u20AC 320", "-5", "12,5%", "3 x", "1 000"})
        CHECK(looks_numeric(yes));
    for (const char* no : {"", "Q3", "12 mei", "a1", "1.", "2024-11-12x1"})
        CHECK_FALSE(looks_numeric(no));
}

TEST_CASE("richtext: a source that is not rich text is an error", "[bind]") {
    data::Value md = markdown("---\nkind: Verslag\n---\n\nx\n");
    Bound b = bind_layout(layout_xml("<richtext source=\"kind\"/>"), md);
    auto errors = b.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]->message == "'kind' is not rich text");
    Bound missing = bind_layout(layout_xml("<richtext source=\"bdy\"/>"), md);
    REQUIRE(missing.errors().size() == 1);
    CHECK(missing.errors()[0]->message == "unknown field 'bdy'");
    CHECK(missing.errors()[0]->hint == "did you mean 'body'?");
}

TEST_CASE("richtext: an empty section is a warning at its line and is left out", "[bind]") {
    data::Value md = markdown("---\nk: v\n---\n\n# Besluiten\n\nGeen.\n\n# Open punten\n\n# Rondvraag\n\n"
                              "## Leeg\n\nTekst.\n\n# Slot\n");
    Bound b = bind_layout(layout_xml("<richtext source=\"body\"/>"), md);
    std::vector<std::string> warnings;
    for (const auto& d : b.diags.all())
        warnings.push_back(format_diagnostic(d).substr(0, format_diagnostic(d).find('\n')));
    CHECK(warnings == std::vector<std::string>{
                          "d.md:9:1: warning: section 'Open punten' is empty",
                          "d.md:17:1: warning: section 'Slot' is empty"});
    std::vector<std::string> headings;
    for (const auto& box : b.body().children)
        if (box.tag == "H1" || box.tag == "H2") headings.push_back(text_of(box));
    CHECK(headings == std::vector<std::string>{"Besluiten", "Rondvraag", "Leeg"});

    Bound printed = bind_layout(layout_xml("<richtext source=\"body\" empty-sections=\"print\"/>"), md);
    CHECK(printed.diags.all().empty());
}

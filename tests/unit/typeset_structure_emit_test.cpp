// Structure elements around fragments (emit_fragment on plain data): enclosing elements are
// opened once for consecutive fragments inside them and closed where the next fragment is not;
// a list item's label is the LI's Lbl, before the LBody.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "typeset/block_layout.h"
#include "typeset/fragment.h"

using namespace dw;
using namespace dw::typeset;

namespace {

// A line of a paragraph with id `paragraph` inside `path`, marked by a Dest named `name`.
Fragment line(const std::string& name, int paragraph, const bind::StructurePath& path,
              bool with_label = false) {
    Fragment f;
    f.height = 10;
    f.tag = "P";
    f.paragraph = paragraph;
    f.structure = path;
    if (with_label) {
        f.items.emplace_back(std::in_place_type<TagBegin>, TagBegin{"Lbl"});
        f.items.push_back(Dest{"•", 0, 0});
        f.items.emplace_back(std::in_place_type<TagEnd>);
        f.has_label = true;
    }
    f.items.push_back(Dest{name, 0, 0});
    return f;
}

// The items as an outline: "<Tag" for a begin, ">" for an end, the Dest names for content.
std::string outline(const std::vector<Item>& items) {
    std::string out;
    for (const Item& item : items) {
        if (const auto* begin = std::get_if<TagBegin>(&item)) out += "<" + begin->tag + " ";
        else if (std::holds_alternative<TagEnd>(item)) out += "> ";
        else if (const auto* dest = std::get_if<Dest>(&item)) out += dest->name + " ";
    }
    return out;
}

std::string emit_all(const std::vector<Fragment>& fragments) {
    std::vector<Item> items;
    OpenStructure open;
    for (const Fragment& f : fragments) emit_fragment(f, 0, items, open);
    close_structure(items, open);
    return outline(items);
}

const bind::StructureElement kList{"L", 1}, kItem1{"LI", 2}, kBody1{"LBody", 3}, kItem2{"LI", 4},
    kBody2{"LBody", 5}, kSubList{"L", 6}, kSubItem{"LI", 7}, kSubBody{"LBody", 8};

}  // namespace

TEST_CASE("a list item's lines share one L, LI and LBody, its label before the body",
          "[structure]") {
    const bind::StructurePath item1{kList, kItem1, kBody1}, item2{kList, kItem2, kBody2};
    const std::string outline = emit_all({line("a1", 10, item1, true), line("a2", 10, item1),
                                          line("b1", 11, item2, true)});
    CHECK(outline ==
          "<L <LI <Lbl • > <LBody <P a1 a2 > > > "
          "<LI <Lbl • > <LBody <P b1 > > > > ");
}

TEST_CASE("a nested list is inside its item's LBody, after the item's own text",
          "[structure]") {
    const bind::StructurePath item1{kList, kItem1, kBody1};
    bind::StructurePath sub = item1;
    sub.insert(sub.end(), {kSubList, kSubItem, kSubBody});
    const bind::StructurePath item2{kList, kItem2, kBody2};
    const std::string outline = emit_all(
        {line("a", 10, item1, true), line("s", 11, sub, true), line("b", 12, item2, true)});
    CHECK(outline ==
          "<L <LI <Lbl • > <LBody <P a > "
          "<L <LI <Lbl • > <LBody <P s > > > > "
          "> > <LI <Lbl • > <LBody <P b > > > > ");
}

TEST_CASE("a label outside any list is part of its paragraph, without an Lbl", "[structure]") {
    CHECK(emit_all({line("x", 1, {}, true)}) == "<P • x > ");
}

TEST_CASE("space between fragments does not close the elements they share", "[structure]") {
    const bind::StructurePath item1{kList, kItem1, kBody1}, item2{kList, kItem2, kBody2};
    CHECK(emit_all({line("a", 10, item1, true), glue(5), line("b", 11, item2, true)}) ==
          "<L <LI <Lbl • > <LBody <P a > > > <LI <Lbl • > <LBody <P b > > > > ");
}

TEST_CASE("a paragraph after a list closes the list", "[structure]") {
    const bind::StructurePath item1{kList, kItem1, kBody1};
    CHECK(emit_all({line("a", 10, item1, true), line("p", 11, {})}) ==
          "<L <LI <Lbl • > <LBody <P a > > > > <P p > ");
}

TEST_CASE("what a page repeats for its own sake becomes one pagination artifact", "[typeset]") {
    std::vector<Item> out;
    std::vector<Item> heading = {TagBegin{"H2"}, GlyphRun{}, TagEnd{}, Line{}};
    append_as_artifact(heading, kHeaderArtifact, out);
    REQUIRE(out.size() == 4);
    const auto* begin = std::get_if<TagBegin>(&out.front());
    REQUIRE(begin);
    CHECK(begin->tag == kHeaderArtifact);
    CHECK(std::holds_alternative<GlyphRun>(out[1]));  // the heading's own tags are gone
    CHECK(std::holds_alternative<Line>(out[2]));
    CHECK(std::holds_alternative<TagEnd>(out.back()));
    append_as_artifact({TagBegin{"P"}, TagEnd{}}, kFooterArtifact, out);  // nothing left to draw
    CHECK(out.size() == 4);
}

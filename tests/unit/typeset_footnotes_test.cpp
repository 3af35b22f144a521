// Footnotes through the whole typesetter (real fonts): the mark is a smaller run raised above its
// line's baseline, the note is set at the foot of the body under a rule, and marks and notes
// carry the destinations and links between them.
#include "typeset_support.h"

#include <algorithm>

using namespace typeset_test;

namespace {

const char* kMinutes =
    "---\nkind: Verslag\n---\n\nDe begroting is vastgesteld.[^1] Daarna de planning.\n\n"
    "[^1]: Inclusief btw.\n";

Typeset with_footnote() {
    return typeset_xml(geometry_layout("<richtext source=\"body\" paragraph=\"body\" footnote=\"small\"/>"),
                       markdown(kMinutes));
}

const GlyphRun* run_with(const Page& page, const std::string& text) {
    for (const GlyphRun* r : runs(page))
        if (r->text.find(text) != std::string::npos) return r;
    return nullptr;
}

}  // namespace

TEST_CASE("a footnote mark is a smaller run raised above its line", "[geometry][footnotes]") {
    Typeset t = with_footnote();
    REQUIRE(t.doc.pages.size() == 1);
    const Page& page = t.doc.pages[0];
    const GlyphRun* text = run_with(page, "vastgesteld.");
    REQUIRE(text);
    const GlyphRun* mark = nullptr;
    for (const GlyphRun* r : runs(page))  // the smallest "1": the note's own number is 8pt
        if (r->text == "1" && r->size < text->size && (!mark || r->size < mark->size)) mark = r;
    REQUIRE(mark);
    CHECK(mark->size == Approx(6.5));  // 65 % of the 10pt body
    CHECK(mark->glyphs.front().y == Approx(text->glyphs.front().y - 3.3));
    CHECK(mark->glyphs.front().x >= text->glyphs.back().x);  // right after the sentence
}

TEST_CASE("a footnote is set at the foot of the body under a rule, linked both ways",
          "[geometry][footnotes]") {
    Typeset t = with_footnote();
    const Page& page = t.doc.pages[0];
    const double body_bottom = page.height - mm(20);
    const GlyphRun* body = run_with(page, "planning.");
    const GlyphRun* note = run_with(page, "btw.");
    REQUIRE((body && note));
    CHECK(note->size == 8);  // the footnote style
    const double note_baseline = note->glyphs.front().y;
    CHECK(note_baseline < body_bottom);
    CHECK(note_baseline > body_bottom - 10);  // one 10pt line: the last of the body
    CHECK(note_baseline > body->glyphs.front().y + 100);

    std::vector<const Line*> lines = items_of<Line>(page);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]->y1 < note_baseline - 6);
    CHECK(lines[0]->x1 == Approx(mm(20)));
    CHECK(lines[0]->x2 - lines[0]->x1 == Approx((page.width - mm(40)) / 4));

    std::vector<std::string> dests, links;
    for (const Dest* d : items_of<Dest>(page)) dests.push_back(d->name);
    for (const Link* l : items_of<Link>(page)) links.push_back(l->dest);
    std::sort(dests.begin(), dests.end());
    std::sort(links.begin(), links.end());
    CHECK(dests == std::vector<std::string>{"footnote-1", "footnote-mark-1"});
    CHECK(links == std::vector<std::string>{"footnote-1", "footnote-mark-1"});
    int notes = 0;
    for (const TagBegin* tag : items_of<TagBegin>(page)) notes += tag->tag == "Note";
    CHECK(notes == 1);
}

TEST_CASE("a note's number is its link's whole text, without the word it is joined to",
          "[geometry][footnotes]") {
    // The number and the note's first word are joined by a no-break space: one word to the line
    // breaker, but the link back to the mark (read by a screen reader) holds the number only.
    Typeset t = with_footnote();
    const Page& page = t.doc.pages[0];
    const Link* back = nullptr;
    size_t at = 0;
    for (size_t i = 0; i < page.items.size(); ++i)
        if (const auto* link = std::get_if<Link>(&page.items[i]); link && link->dest == "footnote-mark-1")
            back = link, at = i;
    REQUIRE(back);
    REQUIRE(back->text_runs == 1);
    REQUIRE(at + 1 < page.items.size());
    const auto* number = std::get_if<GlyphRun>(&page.items[at + 1]);
    REQUIRE(number);
    CHECK(number->text == "1");
    const GlyphRun* rest = run_with(page, "Inclusief");
    REQUIRE(rest);
    CHECK(rest->text.rfind("\u00A0Inclusief", 0) == 0);
}

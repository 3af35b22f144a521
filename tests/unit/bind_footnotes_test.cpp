// Footnotes in <richtext>: marks become raised numbers linked to their note, the first mark of a
// note carries the destination the note links back to, and the notes are numbered through the
// document in BoxDocument::footnotes, in the richtext's footnote style.
#include "bind_support.h"

using namespace dw;
using namespace dw::bind;
using namespace bind_test;

namespace {

const char* kWithNotes =
    "---\nkind: Verslag\n---\n\nEen[^b] twee[^a] drie[^b].\n\n[^a]: Noot *a*.\n\n[^b]: Noot b.\n";

const Span* mark(const Box& paragraph, int index) {
    int seen = 0;
    for (const auto& span : paragraph.spans)
        if (span.superscript && seen++ == index) return &span;
    return nullptr;
}

}  // namespace

TEST_CASE("richtext: footnote marks link to their notes, the first mark is the way back",
          "[bind]") {
    Bound b = bind_layout(layout_xml("<richtext source=\"body\" paragraph=\"b1\" footnote=\"h3\"/>"),
                          markdown(kWithNotes));
    INFO(printed(b.diags));
    REQUIRE(b.diags.all().empty());
    std::vector<const Box*> ps = paragraphs(b.body());
    REQUIRE(ps.size() == 1);
    CHECK(text_of(*ps[0]) == "Een1 twee2 drie1.");
    const Span* first = mark(*ps[0], 0);
    const Span* second = mark(*ps[0], 1);
    const Span* again = mark(*ps[0], 2);
    REQUIRE((first && second && again));
    CHECK(first->footnote == 1);
    CHECK(first->dest == "footnote-1");
    CHECK(first->anchor == "footnote-mark-1");
    CHECK(second->footnote == 2);
    CHECK(again->footnote == 1);
    CHECK(again->anchor.empty());  // one destination per note: at its first mark
    CHECK(first->link.empty());

    const auto& notes = b.doc->footnotes;
    REQUIRE(notes.size() == 2);
    std::vector<const Box*> note1 = paragraphs(notes[0]);
    REQUIRE(note1.size() == 1);
    CHECK(text_of(*note1[0]) == "1\u00A0Noot b.");
    CHECK(note1[0]->style.size == 11);  // the footnote style (h3)
    CHECK(note1[0]->spans.front().dest == "footnote-mark-1");
    CHECK(note1[0]->spans.front().anchor == "footnote-1");
    CHECK(text_of(*paragraphs(notes[1])[0]) == "2\u00A0Noot a.");
}

TEST_CASE("richtext: without a footnote style notes are the paragraph style at 80 %", "[bind]") {
    Bound b = bind_layout(layout_xml("<richtext source=\"body\" paragraph=\"body\"/>"),
                          markdown(kWithNotes));
    REQUIRE(b.doc);
    REQUIRE(b.doc->footnotes.size() == 2);
    CHECK(paragraphs(b.doc->footnotes[0])[0]->style.size == Approx(8));
}

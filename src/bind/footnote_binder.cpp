// GFM footnotes in rich text: each note becomes a Stack of paragraphs in the footnote style,
// numbered through the document, and each mark a superscript number linked to its note. The
// note's number links back to its first mark. The typesetter sets a note at the foot of the page
// where that mark lands.
#include <cstdlib>

#include "bind/binder_internal.h"
#include "bind/rich_styles.h"

namespace dw::bind {

namespace {

std::string note_dest(int id) { return "footnote-" + std::to_string(id); }
std::string mark_dest(int id) { return "footnote-mark-" + std::to_string(id); }

// The note's number, linked back to its mark, leads its first paragraph.
std::vector<Span> numbered(int id, const std::string& number, const SourceLoc& loc) {
    Span label;
    label.text = number;
    label.loc = loc;
    label.dest = mark_dest(id);
    label.anchor = note_dest(id);
    Span gap;
    gap.text = "\u00A0";
    gap.loc = loc;
    return {label, gap};
}

}  // namespace

void Binder::bind_footnotes(const data::RichText& rich, RichStyles& styles) {
    styles.footnote_base = int(footnotes_.size());
    if (rich.footnotes.empty()) return;
    RichStyles in_note = styles;
    in_note.paragraph = styles.footnote;
    for (const auto& note : rich.footnotes) {
        int id = styles.footnote_base + note.number;
        Box stack;
        stack.kind = Box::Kind::Stack;
        stack.loc = note.loc;
        stack.style = styles.footnote;  // the typesetter sizes the rule above the notes from it
        bind_blocks(note.blocks, in_note, 0, stack.children);
        bool first_paragraph = !stack.children.empty() &&
                               stack.children.front().kind == Box::Kind::Paragraph;
        std::vector<Span> lead = numbered(id, std::to_string(note.number), note.loc);
        if (first_paragraph) {
            auto& spans = stack.children.front().spans;
            spans.insert(spans.begin(), lead.begin(), lead.end());
        } else {  // a note that starts with a list or a table: its number on a line of its own
            Box p;
            p.kind = Box::Kind::Paragraph;
            p.style = styles.footnote;
            p.spans = lead;
            p.loc = note.loc;
            stack.children.insert(stack.children.begin(), std::move(p));
        }
        footnotes_.push_back(std::move(stack));
    }
}

Span Binder::footnote_mark(const data::Inline& mark, const RichStyles& styles, Span format) {
    format.text = mark.text;
    format.link.clear();
    format.underline = false;
    format.superscript = true;
    int id = styles.footnote_base + std::atoi(mark.text.c_str());
    format.footnote = id;
    format.dest = note_dest(id);
    if (marked_notes_.insert(id).second) format.anchor = mark_dest(id);
    return format;
}

}  // namespace dw::bind

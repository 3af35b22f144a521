#include "typeset/paginator.h"

namespace dw::typeset {
namespace {

constexpr double kSlack = 0.01;  // rounding tolerance in points

class Paginator {
public:
    Paginator(const std::vector<Fragment>& fragments, const std::vector<SectionInfo>& sections,
              const BodyArea& body, const FootnoteArea& footnotes)
        : f_(fragments), sections_(sections), body_(body), notes_(footnotes) {}

    PaginationResult run() {
        size_t i = 0;
        int continued_section = -1;
        while (i < f_.size() || notes_.pending()) {
            i = skip_glue(i);
            if (i >= f_.size() && !notes_.pending()) break;
            size_t end = fill_page(i, continued_section);
            int section = continues_section(end);
            emit_page(i, end, continued_section, section);
            continued_section = section;
            i = end;
            if (i < f_.size() && f_[i].forced_break) ++i;
        }
        return std::move(result_);
    }

private:
    // What a page starts with: glue and page breaks at the top of a page do nothing.
    size_t skip_glue(size_t i) const {
        while (i < f_.size() && (f_[i].glue || f_[i].forced_break)) ++i;
        return i;
    }

    size_t next_content(size_t i) const {
        while (i < f_.size() && f_[i].glue) ++i;
        return i;
    }

    bool break_allowed_before(size_t j, size_t start) const {
        if (j <= start || f_[j].glue || !f_[j].break_before_allowed) return false;
        for (size_t k = j; k-- > start;)
            if (!f_[k].glue) return !f_[k].keep_with_next;
        return true;
    }

    // Whether fragment j is inside a section and more content (not only its trailing space) of
    // that section follows it.
    bool section_goes_on(size_t j) const {
        if (f_[j].section < 0) return false;
        size_t next = next_content(j + 1);
        return next < f_.size() && f_[next].section == f_[j].section;
    }

    double note_height(int section) const {
        return section >= 0 ? sections_[size_t(section)].note.height : 0;
    }

    double heading_height(int section) const {
        double h = 0;
        if (section >= 0)
            for (const auto& frag : sections_[size_t(section)].heading) h += frag.height;
        return h;
    }

    // The table whose header is repeated on a page starting at `start`: a body row that
    // follows another row of its table. -1 when none.
    int repeated_table_header(size_t start) const {
        if (start >= f_.size() || f_[start].table_header < 0) return -1;
        size_t prev = start;
        while (prev > 0 && f_[prev - 1].glue) --prev;
        if (prev == 0 || f_[prev - 1].table_header != f_[start].table_header) return -1;
        return f_[start].table_header;
    }

    // The index of the first fragment of the next page.
    size_t fill_page(size_t start, int continued_section) {
        double y = heading_height(continued_section) + heading_height(repeated_table_header(start));
        size_t last_break = start;
        std::vector<int> notes;  // new footnotes marked on the page so far
        double notes_height = notes_.least_height(notes);
        for (size_t j = start; j < f_.size(); ++j) {
            const Fragment& frag = f_[j];
            if (frag.forced_break) return j;
            if (break_allowed_before(j, start)) last_break = j;
            double foot = notes_height;
            if (!frag.notes.empty()) {
                size_t before = notes.size();
                notes_.collect(frag, notes);
                if (notes.size() > before) foot = notes_.least_height(notes);
            }
            double capacity = body_.height - foot -
                              (section_goes_on(j) ? note_height(frag.section) : 0);
            if (y + frag.height > capacity + kSlack && j > start) {
                // Space that does not fit ends the page, unless what follows must stay with
                // what precedes it (a heading and its first line).
                if (frag.glue) {
                    size_t next = next_content(j);
                    if (next >= f_.size() || break_allowed_before(next, start)) return j;
                }
                return last_break > start ? last_break : j;
            }
            if (y + frag.height > body_.height + kSlack) result_.overfull.push_back(int(j));
            y += frag.height;
            notes_height = foot;
        }
        return f_.size();
    }

    // The section that runs over from this page to the next, or -1. A page that ends with a
    // <page-break/> ends where the author wanted: no note, no repeated heading.
    int continues_section(size_t end) const {
        if (end == 0 || end >= f_.size()) return -1;
        size_t next = skip_glue(end);
        if (next >= f_.size()) return -1;
        for (size_t k = end; k < next; ++k)
            if (f_[k].forced_break) return -1;
        size_t last = end - 1;
        while (last > 0 && f_[last].glue) --last;
        int s = f_[last].section;
        return s >= 0 && f_[next].section == s ? s : -1;
    }

    // Fragments a page repeats at its top, at `y` (moved past them), as a header artifact.
    static void emit_repeated(const std::vector<Fragment>& fragments, double& y,
                              std::vector<Item>& out) {
        std::vector<Item> repeat;
        OpenStructure open_structure;
        for (const auto& frag : fragments) {
            emit_fragment(frag, y, repeat, open_structure);
            y += frag.height;
        }
        close_structure(repeat, open_structure);
        append_as_artifact(std::move(repeat), kHeaderArtifact, out);
    }

    void emit_page(size_t start, size_t end, int repeated_heading, int note_section) {
        PlacedPage page;
        OpenStructure open_structure;
        double y = body_.y;
        // A section's heading repeated at the top of the page it continues on is a pagination
        // artifact: read once, where the section begins. So is a table's header row repeated
        // where the table goes on: the table is one element, joined across the page break.
        if (repeated_heading >= 0)
            emit_repeated(sections_[size_t(repeated_heading)].heading, y, page.items);
        if (const int table = repeated_table_header(start); table >= 0)
            emit_repeated(sections_[size_t(table)].heading, y, page.items);
        // What the previous page's body left open goes on here (TagBegin::continues).
        open_structure.continued = std::move(left_open_);
        for (size_t j = start; j < end; ++j) {
            const Fragment& frag = f_[j];
            if (frag.glue && j == start) continue;
            emit_fragment(frag, y, page.items, open_structure);
            page.outline.insert(page.outline.end(), frag.outline.begin(), frag.outline.end());
            y += frag.height;
        }
        left_open_ = open_structure.open;
        close_structure(page.items, open_structure);
        std::vector<int> notes;
        for (size_t j = start; j < end; ++j) notes_.collect(f_[j], notes);
        double bottom = body_.y + body_.height;
        double note_h = note_section >= 0 ? note_height(note_section) : 0;
        std::vector<Item> foot;
        double foot_h = notes_.place(notes, bottom - y - note_h, body_.x, bottom, foot);
        if (note_section >= 0) {
            const Fragment& note = sections_[size_t(note_section)].note;
            // At the foot of the body (above the footnotes), so the note sits in the same place
            // on every page; a pagination artifact ("continued on the next page").
            std::vector<Item> continued;
            emit_fragment(note, std::max(y, bottom - foot_h - note.height), continued, open_structure);
            close_structure(continued, open_structure);
            append_as_artifact(std::move(continued), kFooterArtifact, page.items);
        }
        page.items.insert(page.items.end(), std::make_move_iterator(foot.begin()),
                          std::make_move_iterator(foot.end()));
        result_.pages.push_back(std::move(page));
    }

    const std::vector<Fragment>& f_;
    const std::vector<SectionInfo>& sections_;
    BodyArea body_;
    FootnoteFlow notes_;
    PaginationResult result_;
    std::vector<OpenStructure::Open> left_open_;  // by the last page's body, at its end
};

}  // namespace

PaginationResult paginate(const std::vector<Fragment>& fragments,
                          const std::vector<SectionInfo>& sections, const BodyArea& body,
                          const FootnoteArea& footnotes) {
    return Paginator(fragments, sections, body, footnotes).run();
}

}  // namespace dw::typeset

#include "typeset/fragment.h"

namespace dw::typeset {

namespace {
struct Translator {
    double dx, dy;
    void operator()(GlyphRun& r) const {
        for (auto& g : r.glyphs) {
            g.x += dx;
            g.y += dy;
        }
    }
    void operator()(Shape& s) const { move(s.rect); }
    void operator()(Line& l) const {
        l.x1 += dx, l.x2 += dx;
        l.y1 += dy, l.y2 += dy;
    }
    void operator()(Image& i) const { move(i.rect); }
    void operator()(Link& l) const {
        for (auto& r : l.rects) move(r);
    }
    void operator()(Dest& d) const {
        d.x += dx;
        d.y += dy;
    }
    void operator()(GroupBegin& g) const {
        g.cx += dx;
        g.cy += dy;
        if (g.clip) move(*g.clip);
    }
    void operator()(GroupEnd&) const {}
    void operator()(TagBegin&) const {}
    void operator()(TagEnd&) const {}
    void move(Rect& r) const {
        r.x += dx;
        r.y += dy;
    }
};
}  // namespace

void translate_items(std::vector<Item>& items, double dx, double dy) {
    Translator t{dx, dy};
    for (auto& item : items) std::visit(t, item);
}

void close_open_tag(std::vector<Item>& out, int& open_paragraph) {
    // emplace with in_place_type: GCC 12 -O3 warns falsely (maybe-uninitialized) on push_back
    // of a temporary variant holding an empty alternative.
    if (open_paragraph >= 0) out.emplace_back(std::in_place_type<TagEnd>);
    open_paragraph = -1;
}

void emit_fragment(const Fragment& fragment, double y, std::vector<Item>& out, int& open_paragraph) {
    if (fragment.paragraph != open_paragraph) {
        close_open_tag(out, open_paragraph);
        if (!fragment.tag.empty() && fragment.paragraph >= 0) {
            out.emplace_back(std::in_place_type<TagBegin>, TagBegin{fragment.tag});
            open_paragraph = fragment.paragraph;
        }
    }
    Translator t{0, y};
    for (const auto& item : fragment.items) std::visit(t, out.emplace_back(item));
}

}  // namespace dw::typeset

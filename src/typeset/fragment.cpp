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
        move(g.reuse_bounds);
    }
    void operator()(GroupEnd&) const {}
    void operator()(TagBegin&) const {}
    void operator()(TagEnd&) const {}
    void move(Rect& r) const {
        r.x += dx;
        r.y += dy;
    }
};
struct Scaler {
    double f;
    void operator()(GlyphRun& r) const {
        r.size *= f;
        for (auto& g : r.glyphs) {
            g.x *= f;
            g.y *= f;
        }
    }
    void operator()(Shape& s) const {
        scale(s.rect);
        s.radius *= f;
        s.stroke_width *= f;
    }
    void operator()(Line& l) const {
        l.x1 *= f, l.x2 *= f, l.y1 *= f, l.y2 *= f, l.width *= f;
        for (auto& d : l.dash) d *= f;
    }
    void operator()(Image& i) const { scale(i.rect); }
    void operator()(Link& l) const {
        for (auto& r : l.rects) scale(r);
    }
    void operator()(Dest& d) const {
        d.x *= f;
        d.y *= f;
    }
    void operator()(GroupBegin& g) const {
        g.cx *= f;
        g.cy *= f;
        if (g.clip) scale(*g.clip);
        g.reuse.clear();  // scaled content is no longer the content recorded for the key
    }
    void operator()(GroupEnd&) const {}
    void operator()(TagBegin&) const {}
    void operator()(TagEnd&) const {}
    void scale(Rect& r) const {
        r.x *= f, r.y *= f, r.w *= f, r.h *= f;
    }
};
}  // namespace

void scale_items(std::vector<Item>& items, double factor) {
    Scaler s{factor};
    for (auto& item : items) std::visit(s, item);
}

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

namespace {

// The paragraph's structure tag, opened when `fragment` starts another paragraph.
void open_tag_for(const Fragment& fragment, std::vector<Item>& out, int& open_paragraph) {
    if (fragment.paragraph == open_paragraph) return;
    close_open_tag(out, open_paragraph);
    if (!fragment.tag.empty() && fragment.paragraph >= 0) {
        out.emplace_back(std::in_place_type<TagBegin>, TagBegin{fragment.tag, fragment.alt});
        open_paragraph = fragment.paragraph;
    }
}

}  // namespace

void emit_fragment(const Fragment& fragment, double y, std::vector<Item>& out, int& open_paragraph) {
    open_tag_for(fragment, out, open_paragraph);
    Translator t{0, y};
    for (const auto& item : fragment.items) std::visit(t, out.emplace_back(item));
}

void emit_fragment(Fragment&& fragment, double y, std::vector<Item>& out, int& open_paragraph) {
    open_tag_for(fragment, out, open_paragraph);
    Translator t{0, y};
    for (auto& item : fragment.items) std::visit(t, out.emplace_back(std::move(item)));
    fragment.items.clear();
}

}  // namespace dw::typeset

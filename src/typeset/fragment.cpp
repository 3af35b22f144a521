#include "typeset/fragment.h"

#include <type_traits>

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

namespace {

using Open = OpenStructure::Open;

// The elements a fragment wants open: the first `elements` of its structure path, then its
// leaf when `with_leaf` (and it has one).
struct WantedPath {
    const Fragment& fragment;
    size_t elements;
    bool with_leaf;

    bool has_leaf() const {
        return with_leaf && !fragment.tag.empty() && fragment.paragraph >= 0;
    }
    size_t size() const { return elements + (has_leaf() ? 1 : 0); }
    Open at(size_t k) const {
        if (k < elements) return {fragment.structure[k], false};
        return {{fragment.tag, fragment.paragraph}, true};
    }
    bool matches(size_t k, const Open& open) const {
        if (k < elements) return !open.leaf && open.element == fragment.structure[k];
        return open.leaf && open.element.id == fragment.paragraph && open.element.tag == fragment.tag;
    }
};

void close_to(std::vector<Item>& out, OpenStructure& s, size_t keep) {
    for (; s.open.size() > keep; s.open.pop_back()) out.emplace_back(std::in_place_type<TagEnd>);
}

// Closes the open elements after the part that `wanted` shares with them, opens the rest.
void open_path(const WantedPath& wanted, std::vector<Item>& out, OpenStructure& s) {
    size_t common = 0;
    while (common < s.open.size() && common < wanted.size() && wanted.matches(common, s.open[common]))
        ++common;
    close_to(out, s, common);
    for (size_t k = common; k < wanted.size(); ++k) {
        Open element = wanted.at(k);
        // A later part's alt would be the whole element's again: the first part carries it.
        const bool continues = k < s.continued.size() && s.continued[k] == element;
        const bool with_alt = element.leaf && !continues;
        // emplace with in_place_type: GCC 12 -O3 warns falsely (maybe-uninitialized) on
        // push_back of a temporary variant holding an empty alternative.
        out.emplace_back(std::in_place_type<TagBegin>,
                         TagBegin{element.element.tag, with_alt ? wanted.fragment.alt : std::string(),
                                  element.element.id, continues});
        s.open.push_back(std::move(element));
    }
}

// Where a fragment's label lies in its items: [begin, end] from TagBegin{"Lbl"} to its TagEnd.
struct LabelRange {
    size_t begin = 0, end = 0;
    bool found = false;
    bool contains(size_t i) const { return found && i >= begin && i <= end; }
};

LabelRange find_label(const Fragment& fragment) {
    LabelRange label;
    if (!fragment.has_label) return label;
    int depth = 0;
    for (size_t i = 0; i < fragment.items.size(); ++i) {
        if (const auto* begin = std::get_if<TagBegin>(&fragment.items[i])) {
            if (!label.found && begin->tag == "Lbl") label.found = true, label.begin = i, depth = 0;
            ++depth;
        } else if (label.found && std::holds_alternative<TagEnd>(fragment.items[i]) && --depth == 0) {
            label.end = i;
            return label;
        }
    }
    return {};
}

// The depth of the innermost LI in the fragment's path plus one, or 0 when it has none.
size_t through_innermost_item(const Fragment& fragment) {
    for (size_t k = fragment.structure.size(); k > 0; --k)
        if (fragment.structure[k - 1].tag == "LI") return k;
    return 0;
}

template <class F>
void emit_items(F&& fragment, double y, std::vector<Item>& out, OpenStructure& open) {
    if (fragment.items.empty()) return;
    Translator t{0, y};
    auto append = [&](auto& item) {
        if constexpr (std::is_const_v<std::remove_reference_t<F>>) std::visit(t, out.emplace_back(item));
        else std::visit(t, out.emplace_back(std::move(item)));
    };
    const LabelRange label = find_label(fragment);
    const size_t item_depth = through_innermost_item(fragment);
    // The label goes into the LI before the LBody; outside a list it is part of the leaf.
    if (label.found && item_depth > 0) {
        open_path({fragment, item_depth, false}, out, open);
        for (size_t i = label.begin; i <= label.end; ++i) append(fragment.items[i]);
    }
    open_path({fragment, fragment.structure.size(), true}, out, open);
    for (size_t i = 0; i < fragment.items.size(); ++i) {
        if (label.contains(i) && (item_depth > 0 || i == label.begin || i == label.end)) continue;
        append(fragment.items[i]);
    }
}

}  // namespace

void close_structure(std::vector<Item>& out, OpenStructure& open) { close_to(out, open, 0); }

void emit_fragment(const Fragment& fragment, double y, std::vector<Item>& out, OpenStructure& open) {
    emit_items(fragment, y, out, open);
}

void emit_fragment(Fragment&& fragment, double y, std::vector<Item>& out, OpenStructure& open) {
    emit_items(fragment, y, out, open);
    fragment.items.clear();
}

bool is_structure_tag(const Item& item) {
    return std::holds_alternative<TagBegin>(item) || std::holds_alternative<TagEnd>(item);
}

void append_as_artifact(std::vector<Item> items, const char* artifact, std::vector<Item>& out) {
    std::erase_if(items, is_structure_tag);
    if (items.empty()) return;
    out.emplace_back(std::in_place_type<TagBegin>, TagBegin{artifact});
    out.insert(out.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    out.emplace_back(std::in_place_type<TagEnd>);
}

}  // namespace dw::typeset

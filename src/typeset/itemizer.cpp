#include "typeset/itemizer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "typeset/bidi.h"

namespace dw::typeset {
namespace {

// Characters the fast way takes: Latin, common punctuation and spaces, all left-to-right or
// neutral, none with emoji presentation and none that combines with the one before. (Bidi
// controls U+200E/F, U+202A-E and U+2066-9 are left out on purpose.)
bool is_simple(gunichar c) {
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    if (c < 0x7F) return true;
    if (c >= 0xA0 && c < 0x250) return true;
    if (c >= 0x2000 && c <= 0x200D) return true;  // spaces, zero-width space and joiners
    if (c >= 0x2010 && c <= 0x2029) return true;  // dashes, quotes, bullets, line separators
    if (c >= 0x202F && c <= 0x205E) return true;
    return c == 0x20AC || c == 0x2122;  // euro, trade mark
}

// Characters that never choose a font in pango_itemize (spaces, controls, separators): they
// join the item they are in.
bool takes_no_font(gunichar c) {
    if (c < 0x80) return c <= 0x20 || c == 0x7F;
    switch (g_unichar_type(c)) {
        case G_UNICODE_CONTROL:
        case G_UNICODE_FORMAT:
        case G_UNICODE_SURROGATE:
        case G_UNICODE_LINE_SEPARATOR:
        case G_UNICODE_PARAGRAPH_SEPARATOR:
        case G_UNICODE_SPACE_SEPARATOR:
            return true;
        default:
            return false;
    }
}

// pango-context.c's compute_derived_language: a language tag that agrees with the script.
PangoLanguage* derived_language(PangoLanguage* language, PangoScript script) {
    if (language && pango_language_includes_script(language, script)) return language;
    PangoLanguage* sample = pango_script_get_sample_language(script);
    return sample ? sample : pango_language_from_string("xx");
}

// Decodes valid UTF-8 into `out`; false on anything that is not simple (or not UTF-8).
bool decode_simple(const std::string& text, std::vector<gunichar>& out, bool& has_latin) {
    out.clear();
    has_latin = false;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        const unsigned char byte = static_cast<unsigned char>(*p);
        if (byte < 0x80) {  // ASCII, most of the text: no need to ask GLib
            if (byte < 0x20 && !is_simple(byte)) return false;
            if (g_ascii_isalpha(byte)) has_latin = true;
            out.push_back(byte);
            ++p;
            continue;
        }
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == gunichar(-1) || c == gunichar(-2) || !is_simple(c)) return false;
        PangoScript script = PangoScript(g_unichar_get_script(c));
        if (script == PANGO_SCRIPT_LATIN) has_latin = true;
        else if (script != PANGO_SCRIPT_COMMON) return false;
        out.push_back(c);
        p = g_utf8_next_char(p);
    }
    return !out.empty();
}

void free_items(GList* items) {
    g_list_free_full(items, reinterpret_cast<GDestroyNotify>(pango_item_free));
}

gpointer copy_attribute(gconstpointer attribute, gpointer) {
    return pango_attribute_copy(static_cast<const PangoAttribute*>(attribute));
}

struct FirstFontWithChar {
    gunichar c;
    PangoFont* font = nullptr;
};

gboolean take_if_has_char(PangoFontset*, PangoFont* font, gpointer data) {
    auto* find = static_cast<FirstFontWithChar*>(data);
    if (!pango_font_has_char(font, find->c)) return FALSE;
    find->font = font;
    return TRUE;  // stop: pango_itemize takes the first font of the set that has it
}

}  // namespace

Itemizer::Itemizer(PangoContext* context) : context_(context) {
    const char* verify = std::getenv("DRUKWERK_VERIFY_ITEMIZER");
    verify_ = verify && *verify && *verify != '0';
}

Itemizer::~Itemizer() {
    if (verify_) std::fprintf(stderr, "drukwerk: itemizer: %d paragraphs the fast way, %d through Pango only\n", simple_, pango_);
    for (auto& set : fontsets_) {
        g_object_unref(set->fontset);
        pango_font_description_free(set->desc);
    }
}

Itemizer::Fontset* Itemizer::fontset_for(PangoFontDescription* desc, PangoLanguage* language) {
    const guint hash = pango_font_description_hash(desc);
    for (auto& set : fontsets_) {
        if (set->hash == hash && set->language == language &&
            pango_font_description_equal(set->desc, desc))
            return set.get();
    }
    PangoFontset* fontset =
        pango_font_map_load_fontset(pango_context_get_font_map(context_), context_, desc, language);
    if (!fontset) return nullptr;
    auto set = std::make_unique<Fontset>();
    set->desc = pango_font_description_copy(desc);
    set->language = language;
    set->hash = hash;
    set->fontset = fontset;
    set->direct.resize(kDirect);
    fontsets_.push_back(std::move(set));
    return fontsets_.back().get();
}

PangoFont* Itemizer::font_for(Fontset& set, gunichar c) {
    if (c < kDirect && set.direct[c].known) return set.direct[c].font;
    if (c >= kDirect) {
        if (auto found = set.others.find(c); found != set.others.end()) return found->second;
    }
    FirstFontWithChar find{c};
    pango_fontset_foreach(set.fontset, take_if_has_char, &find);
    if (c < kDirect)
        set.direct[c] = {find.font, true};
    else
        set.others.emplace(c, find.font);
    return find.font;
}

GList* Itemizer::itemize(const std::string& text, PangoAttrList* attrs) {
    GList* items = itemize_simple(text, attrs);
    if (items) ++simple_;
    if (items && !verify_) return items;
    if (!items) ++pango_;
    // The paragraph's direction is its first strong character's (Unicode bidi rules P2, P3).
    const PangoDirection base = starts_right_to_left(text) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
    GList* by_pango =
        pango_itemize_with_base_dir(context_, base, text.c_str(), 0, int(text.size()), attrs, nullptr);
    std::string why;
    if (items && !same_items(items, by_pango, why))
        std::fprintf(stderr, "drukwerk: internal: the fast itemizer differs from Pango (%s) on \"%s\"\n",
                     why.c_str(), text.c_str());
    free_items(items);
    return by_pango;
}

bool Itemizer::same_items(GList* a, GList* b, std::string& why) {
    for (int n = 0; a || b; a = a->next, b = b->next, ++n) {
        const std::string item = "item " + std::to_string(n) + ": ";
        if (!a || !b) return why = item + "one list is longer", false;
        const PangoItem& x = *static_cast<PangoItem*>(a->data);
        const PangoItem& y = *static_cast<PangoItem*>(b->data);
        if (x.offset != y.offset || x.length != y.length || x.num_chars != y.num_chars)
            return why = item + "range " + std::to_string(x.offset) + "+" + std::to_string(x.length) +
                         " (Pango: " + std::to_string(y.offset) + "+" + std::to_string(y.length) + ")",
                   false;
        const PangoAnalysis& p = x.analysis;
        const PangoAnalysis& q = y.analysis;
        if (p.font != q.font) return why = item + "font", false;
        // Pango 1.50 also stores the item's character offset in its private part and flags that
        // (1 << 7); the fast items leave it out, and Pango computes it when it needs it.
        constexpr guint8 kHasCharOffset = 1 << 7;
        if (p.level != q.level || p.gravity != q.gravity ||
            (p.flags & ~kHasCharOffset) != (q.flags & ~kHasCharOffset))
            return why = item + "level, gravity or flags", false;
        if (p.script != q.script) return why = item + "script", false;
        if (p.language != q.language) return why = item + "language", false;
        GSList* s = p.extra_attrs;
        GSList* t = q.extra_attrs;
        for (; s && t; s = s->next, t = t->next) {
            auto* u = static_cast<PangoAttribute*>(s->data);
            auto* v = static_cast<PangoAttribute*>(t->data);
            if (!pango_attribute_equal(u, v) || u->start_index != v->start_index ||
                u->end_index != v->end_index)
                return why = item + "extra attribute", false;
        }
        if (s || t) return why = item + "number of extra attributes", false;
    }
    return true;
}

GList* Itemizer::itemize_simple(const std::string& text, PangoAttrList* attrs) {
    bool has_latin = false;
    if (pango_context_get_base_dir(context_) != PANGO_DIRECTION_LTR ||
        pango_context_get_gravity(context_) != PANGO_GRAVITY_SOUTH ||
        !decode_simple(text, chars_, has_latin))
        return nullptr;
    // Common characters take the script of the text around them; text of common characters
    // only stays common.
    const PangoScript script = has_latin ? PANGO_SCRIPT_LATIN : PANGO_SCRIPT_COMMON;
    const int length = int(text.size());

    GList* items = nullptr;
    size_t char_index = 0;
    bool ok = true;
    PangoAttrIterator* iter = pango_attr_list_get_iterator(attrs);
    do {
        int start = 0, end = 0;
        pango_attr_iterator_range(iter, &start, &end);
        end = std::min(end, length);
        if (start >= end) continue;
        // The run's font and extra attributes, as pango-context.c's update_attr_iterator and
        // itemize_state_update_for_new_run make them.
        PangoFontDescription* desc =
            pango_font_description_copy_static(pango_context_get_font_description(context_));
        PangoLanguage* language = nullptr;
        GSList* extra = nullptr;
        pango_attr_iterator_get_font(iter, desc, &language, &extra);
        if (!language) language = pango_context_get_language(context_);
        pango_font_description_set_gravity(desc, PANGO_GRAVITY_SOUTH);
        PangoLanguage* derived = derived_language(language, script);
        Fontset* fontset = fontset_for(desc, derived);
        pango_font_description_free(desc);

        const Run run = read_run(text, start, end, char_index, fontset);
        ok = fontset && run.single_font && run.font && !run.unfilled_break;
        if (!ok) {
            g_slist_free_full(extra, reinterpret_cast<GDestroyNotify>(pango_attribute_destroy));
            break;
        }
        for (const RunPiece& piece : run.pieces) {
            PangoItem* item = pango_item_new();
            item->offset = piece.start;
            item->length = piece.end - piece.start;
            item->num_chars = piece.num_chars;
            item->analysis.font = PANGO_FONT(g_object_ref(run.font));
            item->analysis.level = 0;
            item->analysis.gravity = PANGO_GRAVITY_SOUTH;
            item->analysis.flags = 0;
            item->analysis.script = script;
            item->analysis.language = derived;
            item->analysis.extra_attrs =
                &piece == &run.pieces.back()
                    ? extra
                    : g_slist_copy_deep(extra, copy_attribute, nullptr);
            items = g_list_prepend(items, item);
        }
        char_index += size_t(run.num_chars);
    } while (pango_attr_iterator_next(iter));
    pango_attr_iterator_destroy(iter);
    if (!ok || char_index != chars_.size()) {
        free_items(items);
        return nullptr;
    }
    return g_list_reverse(items);
}

// One run of attributes: its font (when one font takes all its characters) and its items, as
// pango-context.c's itemize_state_process_run makes them. Items never go on across runs; spaces
// and other characters that take no font join the item they are in; a tab or a line separator
// (U+2028) is an item of its own, and takes the font of the item before it in the run. One that
// starts the run takes the font of the character after it, and keeps none when that is a space.
Itemizer::Run Itemizer::read_run(const std::string& text, int start, int end, size_t first_char,
                                 Fontset* fontset) {
    Run run;
    bool starts_with_break = false;
    int piece_start = start, piece_chars = 0;
    auto close_piece = [&](int at) {
        if (at > piece_start) run.pieces.push_back({piece_start, at, piece_chars});
        piece_start = at;
        piece_chars = 0;
    };
    for (const char* p = text.c_str() + start; p < text.c_str() + end;
         p = g_utf8_next_char(p), ++run.num_chars) {
        const gunichar c = chars_[first_char + size_t(run.num_chars)];
        const int at = int(p - text.c_str());
        if (c == '\t' || c == 0x2028) {
            if (run.num_chars == 0) starts_with_break = true;
            close_piece(at);
            piece_chars = 1;
            close_piece(int(g_utf8_next_char(p) - text.c_str()));
            continue;
        }
        ++piece_chars;
        if (takes_no_font(c)) {
            if (run.num_chars == 1 && starts_with_break) run.unfilled_break = true;
            continue;
        }
        PangoFont* font = fontset ? font_for(*fontset, c) : nullptr;
        if (!font || (run.font && font != run.font)) run.single_font = false;  // a fallback font
        if (!run.font) run.font = font;
    }
    close_piece(end);
    // A run of spaces only: Pango asks for the font of a space.
    if (!run.font && fontset) run.font = font_for(*fontset, ' ');
    return run;
}

}  // namespace dw::typeset

#include "typeset/preshaper.h"

#include <hb.h>

#include "typeset/break_opportunities.h"
#include "typeset/font_system.h"
#include "typeset/hyphenator.h"
#include "typeset/paragraph_text.h"

namespace dw::typeset {
namespace {

// Text the itemization gives one Latin item: Latin letters, digits, punctuation and spaces.
bool latin_only(const std::string& text) {
    for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
        GUnicodeScript script = g_unichar_get_script(g_utf8_get_char(p));
        if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_COMMON &&
            script != G_UNICODE_SCRIPT_INHERITED)
            return false;
    }
    return true;
}

// Shaping on this thread must stay inside HarfBuzz: Pango answers for a glyph the font lacks,
// and HarfBuzz asks for glyph extents to place combining marks, through cairo (scaled font
// creation), which is not safe next to the typesetting thread. Such words are left to it.
bool shapes_within_harfbuzz(const char* text, int length, hb_font_t* font) {
    for (const char* p = text; p < text + length; p = g_utf8_next_char(p)) {
        const gunichar c = g_utf8_get_char(p);
        hb_codepoint_t glyph = 0;
        if (g_unichar_ismark(c) || !hb_font_get_nominal_glyph(font, c, &glyph)) return false;
    }
    return true;
}

}  // namespace

Preshaper::Preshaper(const bind::Box& body, FontSystem& fonts, Hyphenator& hyphenator,
                     SharedShapes& shared, Executor& executor)
    : hyphenator_(hyphenator),
      shared_(shared),
      language_(pango_context_get_language(fonts.context())) {
    collect(body, fonts);
    if (!spans_.empty()) task_ = executor.start([this] { run(); });
}

void Preshaper::finish() { task_.wait(); }

Preshaper::~Preshaper() {
    stop_ = true;
    task_.wait();
}

void Preshaper::collect(const bind::Box& box, FontSystem& fonts) {
    if (box.kind == bind::Box::Kind::Paragraph && box.style.letter_spacing == 0) {
        for (const bind::Span& span : box.spans)
            if (span.field == bind::Span::Field::None && !span.text.empty())
                if (PangoFont* font = font_for(box.style, span, fonts))
                    spans_.push_back({&span, &box.style, font, pango_font_get_hb_font(font)});
    }
    for (const bind::Box& child : box.children) collect(child, fonts);
}

// Loaded here, on the typesetting thread: the same font objects the itemization finds later.
PangoFont* Preshaper::font_for(const layout::Style& style, const bind::Span& span,
                               FontSystem& fonts) {
    FontDescriptionPtr desc(span_font(style, span));
    const guint hash = pango_font_description_hash(desc.get());
    for (const LoadedFont& loaded : fonts_)
        if (loaded.hash == hash && pango_font_description_equal(loaded.desc.get(), desc.get()))
            return loaded.font.get();
    GObjectPtr<PangoFont> font(pango_context_load_font(fonts.context(), desc.get()));
    fonts_.push_back({std::move(desc), hash, std::move(font)});
    return fonts_.back().font.get();
}

void Preshaper::run() {
    ShapingScratch scratch;
    std::string key;
    for (const Span& s : spans_) {
        if (stop_) break;
        const std::string text = span_text(*s.span, *s.style, hyphenator_, nullptr);
        if (!latin_only(text)) continue;
        PangoAnalysis analysis{};
        analysis.font = s.font;
        analysis.language = language_;
        analysis.script = PANGO_SCRIPT_LATIN;
        BreakOpportunities breaks(text, language_);
        cut_run(text, 0, int(text.size()), 0, breaks, [&](Cut cut, int start, int end) {
            if (cut != Cut::Word && cut != Cut::Space) return;
            if (!shapes_within_harfbuzz(text.c_str() + start, end - start, s.hb_font)) return;
            WordShaper::key_of(text.c_str() + start, end - start, analysis, key);
            if (shared_.contains(key)) return;
            shared_.add(key, WordShaper::shape_alone(text.c_str() + start, end - start, analysis,
                                                     scratch));
        });
    }
}

}  // namespace dw::typeset

#include "paint/cairo_draw.h"

#include <cairo-ft.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "paint/text_format.h"

namespace dw::paint {

namespace {

double clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }

void set_color(cairo_t* cr, const Color& c) {
    cairo_set_source_rgba(cr, clamp01(c.r), clamp01(c.g), clamp01(c.b), clamp01(c.a));
}

void rounded_rect_path(cairo_t* cr, const typeset::Rect& r, double radius) {
    radius = std::isfinite(radius) ? std::clamp(radius, 0.0, std::min(r.w, r.h) / 2) : 0;
    if (radius <= 0) {
        cairo_rectangle(cr, r.x, r.y, r.w, r.h);
        return;
    }
    constexpr double quarter = std::numbers::pi / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, r.x + r.w - radius, r.y + radius, radius, -quarter, 0);
    cairo_arc(cr, r.x + r.w - radius, r.y + r.h - radius, radius, 0, quarter);
    cairo_arc(cr, r.x + radius, r.y + r.h - radius, radius, quarter, 2 * quarter);
    cairo_arc(cr, r.x + radius, r.y + radius, radius, 2 * quarter, 3 * quarter);
    cairo_close_path(cr);
}

// Cairo rejects dashes with a negative or non-finite length, or all lengths zero.
bool is_valid_dash(const std::vector<double>& dash) {
    double sum = 0;
    for (double d : dash) {
        if (!std::isfinite(d) || d < 0) return false;
        sum += d;
    }
    return sum > 0;
}

// Mirrors Cairo's own cluster check: every cluster covers some bytes or glyphs, its bytes are
// whole UTF-8 characters, and together the clusters cover exactly the text and the glyphs.
bool are_valid_clusters(const typeset::GlyphRun& run) {
    size_t bytes = 0, glyphs = 0;
    for (auto [num_bytes, num_glyphs] : run.clusters) {
        if (num_bytes < 0 || num_glyphs < 0 || (num_bytes == 0 && num_glyphs == 0)) return false;
        if (bytes + num_bytes > run.text.size() || glyphs + num_glyphs > run.glyphs.size()) {
            return false;
        }
        if (!is_valid_utf8(std::string_view(run.text).substr(bytes, num_bytes))) return false;
        bytes += num_bytes;
        glyphs += num_glyphs;
    }
    return bytes == run.text.size() && glyphs == run.glyphs.size();
}

std::string check_glyphs(const typeset::GlyphRun& run, long num_glyphs) {
    // Beyond a sane maximum Cairo's font matrix overflows and the context breaks.
    constexpr double max_size = 10000;
    if (!std::isfinite(run.size) || run.size <= 0 || run.size > max_size) {
        return "invalid font size " + fixed(run.size);
    }
    for (const typeset::Glyph& g : run.glyphs) {
        if (g.id >= static_cast<unsigned long>(num_glyphs)) {
            return "glyph id " + std::to_string(g.id) + " is not in the font (it has " +
                   std::to_string(num_glyphs) + " glyphs)";
        }
        if (!std::isfinite(g.x) || !std::isfinite(g.y)) return "glyph position is not a number";
    }
    return {};
}

}  // namespace

bool is_finite_rect(const typeset::Rect& r) {
    return std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.w) && std::isfinite(r.h);
}

bool is_drawable_rect(const typeset::Rect& r) { return is_finite_rect(r) && r.w > 0 && r.h > 0; }

DrawResult draw_shape(cairo_t* cr, const typeset::Shape& shape) {
    if (!is_drawable_rect(shape.rect)) return {"box with an empty or invalid rectangle", {}};
    const bool stroke = std::isfinite(shape.stroke_width) && shape.stroke_width > 0;
    rounded_rect_path(cr, shape.rect, shape.radius);
    if (shape.has_fill) {
        set_color(cr, shape.fill);
        cairo_fill_preserve(cr);
    }
    if (stroke) {
        set_color(cr, shape.stroke);
        cairo_set_line_width(cr, shape.stroke_width);
        cairo_set_dash(cr, nullptr, 0, 0);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
    return {};
}

static bool has_valid_geometry(const typeset::Line& line) {
    return std::isfinite(line.x1) && std::isfinite(line.y1) && std::isfinite(line.x2) &&
           std::isfinite(line.y2) && std::isfinite(line.width) && line.width > 0;
}

bool can_join_line(const typeset::Line& line) {
    return has_valid_geometry(line) && (line.dash.empty() || is_valid_dash(line.dash));
}

DrawResult draw_lines(cairo_t* cr, const typeset::Line& style,
                      const std::vector<std::pair<double, double>>& points) {
    cairo_set_dash(cr, style.dash.empty() ? nullptr : style.dash.data(),
                   static_cast<int>(style.dash.size()), 0);
    set_color(cr, style.color);
    cairo_set_line_width(cr, style.width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (size_t i = 0; i + 1 < points.size(); i += 2) {
        cairo_move_to(cr, points[i].first, points[i].second);
        cairo_line_to(cr, points[i + 1].first, points[i + 1].second);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    return {};
}

DrawResult draw_line(cairo_t* cr, const typeset::Line& line) {
    if (!has_valid_geometry(line)) return {"line with invalid coordinates or width", {}};
    DrawResult result;
    if (!line.dash.empty() && is_valid_dash(line.dash)) {
        cairo_set_dash(cr, line.dash.data(), static_cast<int>(line.dash.size()), 0);
    } else {
        if (!line.dash.empty()) result.warning = "invalid dash pattern; line drawn solid";
        cairo_set_dash(cr, nullptr, 0, 0);
    }
    set_color(cr, line.color);
    cairo_set_line_width(cr, line.width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_move_to(cr, line.x1, line.y1);
    cairo_line_to(cr, line.x2, line.y2);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    return result;
}

bool can_join_text(const typeset::GlyphRun& run, long num_glyphs) {
    if (run.glyphs.empty() || run.text.empty() || !check_glyphs(run, num_glyphs).empty())
        return false;
    return run.clusters.empty() ? is_valid_utf8(run.text) : are_valid_clusters(run);
}

namespace {

// The presentation form (U+FB00..U+FB04) of a Latin ligature's letters; "" for other text.
std::string_view ligature_character(std::string_view letters) {
    static const std::pair<std::string_view, std::string_view> forms[] = {
        {"ff", "\uFB00"}, {"fi", "\uFB01"}, {"fl", "\uFB02"}, {"ffi", "\uFB03"}, {"ffl", "\uFB04"}};
    for (auto [from, to] : forms)
        if (letters == from) return to;
    return {};
}

// The character a font may draw `text` (one character) with: a space for the no-break and other
// fixed spaces, a hyphen-minus for the no-break hyphen (HarfBuzz draws them with that glyph when
// the font has none of their own); 0 for other text.
char drawn_as(std::string_view text) {
    static const std::pair<std::string_view, char> aliases[] = {
        {"\u00A0", ' '}, {"\u2000", ' '}, {"\u2001", ' '}, {"\u2002", ' '},
        {"\u2003", ' '}, {"\u2004", ' '}, {"\u2005", ' '}, {"\u2006", ' '},
        {"\u2007", ' '}, {"\u2008", ' '}, {"\u2009", ' '}, {"\u200A", ' '},
        {"\u202F", ' '}, {"\u205F", ' '}, {"\u3000", ' '}, {"\u2011", '-'}};
    if (text.size() < 2 || text.size() > 3) return 0;
    for (auto [alias, as] : aliases)
        if (text == alias) return as;
    return 0;
}

// The glyph the run's font has for a character, looked up once per run when needed.
class FontGlyphs {
public:
    explicit FontGlyphs(cairo_t* cr) : cr_(cr) {}
    unsigned long of(char32_t c) {
        for (const auto& [character, glyph] : known_)
            if (character == c) return glyph;
        unsigned long glyph = kNone;
        cairo_scaled_font_t* font = cairo_get_scaled_font(cr_);
        if (FT_Face face = cairo_ft_scaled_font_lock_face(font)) {
            if (const FT_UInt index = FT_Get_Char_Index(face, FT_ULong(c)); index != 0)
                glyph = index;
            cairo_ft_scaled_font_unlock_face(font);
        }
        known_.emplace_back(c, glyph);
        return glyph;
    }

private:
    static constexpr unsigned long kNone = ~0ul;
    cairo_t* cr_;
    std::vector<std::pair<char32_t, unsigned long>> known_;  // a few per run
};

// Lam with an alef is drawn as one glyph, which fonts map from a presentation form: isolated or
// final (joined to the letter before), the alef plain, with hamza above or below, or with madda.
// The form whose glyph the font drew, as UTF-8; "" for other text or glyphs.
std::string_view lam_alef_character(std::string_view letters, unsigned long glyph,
                                    FontGlyphs& font) {
    struct Form {
        std::string_view letters, isolated, final;
        char32_t isolated_code, final_code;
    };
    static const Form forms[] = {
        {"\u0644\u0627", "\uFEFB", "\uFEFC", 0xFEFB, 0xFEFC},   // lam, alef
        {"\u0644\u0623", "\uFEF7", "\uFEF8", 0xFEF7, 0xFEF8},   // lam, alef with hamza above
        {"\u0644\u0625", "\uFEF9", "\uFEFA", 0xFEF9, 0xFEFA},   // lam, alef with hamza below
        {"\u0644\u0622", "\uFEF5", "\uFEF6", 0xFEF5, 0xFEF6}};  // lam, alef with madda
    for (const Form& form : forms) {
        if (letters != form.letters) continue;
        if (glyph == font.of(form.isolated_code)) return form.isolated;
        if (glyph == font.of(form.final_code)) return form.final;
    }
    return {};
}

// Cairo 1.16 maps each glyph to one text for the whole file, and takes it from the font's cmap
// when the font has one for the glyph. Drawn with another text, the glyph is wrapped in an
// ActualText span, at which poppler and pdf.js stop reading the structure element: a paragraph
// with a no-break space (common in text pasted from a word processor) would be read only up to
// that space. So a one-glyph cluster is written as the character its glyph stands for:
// - a ligature glyph drawn for "fi" maps to U+FB01: written as that character (the PDF/UA
//   finishing maps it back to its letters in the ToUnicode map);
// - a no-break space drawn with the font's space glyph maps to U+0020: written as a space (and a
//   no-break hyphen drawn with the hyphen-minus glyph as "-");
// - lam-alef drawn as one glyph maps to its presentation form (U+FEF5..U+FEFC): written as that
//   character (the PDF/UA finishing maps it back to its letters, as the Latin ligatures).
// `text` and `clusters` are rewritten only when some cluster changes.
void use_drawn_characters(std::string& text, std::vector<cairo_text_cluster_t>& clusters,
                          const std::vector<cairo_glyph_t>& glyphs, bool backward, cairo_t* cr) {
    FontGlyphs font(cr);
    std::string out;
    bool changed = false;
    size_t at = 0, glyph = backward ? glyphs.size() : 0;
    for (cairo_text_cluster_t& c : clusters) {
        const std::string_view letters = std::string_view(text).substr(at, size_t(c.num_bytes));
        at += size_t(c.num_bytes);
        const size_t first = backward ? glyph - size_t(c.num_glyphs) : glyph;
        glyph = backward ? first : glyph + size_t(c.num_glyphs);
        std::string_view drawn;
        char as[1] = {drawn_as(letters)};
        if (c.num_glyphs == 1 && as[0] && glyphs[first].index == font.of(char32_t(as[0])))
            drawn = std::string_view(as, 1);
        else if (c.num_glyphs == 1)
            drawn = ligature_character(letters);
        if (c.num_glyphs == 1 && drawn.empty())
            drawn = lam_alef_character(letters, glyphs[first].index, font);
        if (!drawn.empty() && !changed) {
            changed = true;
            out.assign(text, 0, at - letters.size());
        }
        if (!changed) continue;
        out += drawn.empty() ? letters : drawn;
        if (!drawn.empty()) c.num_bytes = int(drawn.size());
    }
    if (changed) text = std::move(out);
}

}  // namespace

DrawResult draw_glyph_run(cairo_t* cr, cairo_font_face_t* face, long num_glyphs,
                          const typeset::GlyphRun& run) {
    if (run.glyphs.empty()) return {};
    if (std::string error = check_glyphs(run, num_glyphs); !error.empty()) {
        return {"text " + quoted_text(run.text) + " not drawn: " + error, {}};
    }
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    for (const typeset::Glyph& g : run.glyphs) glyphs.push_back({g.id, g.x, g.y});

    cairo_set_font_face(cr, face);
    cairo_set_font_size(cr, run.size);
    set_color(cr, run.color);

    // Without clusters the whole run is one cluster: still extractable, just not per glyph.
    std::vector<cairo_text_cluster_t> clusters;
    for (auto [b, g] : run.clusters) clusters.push_back({b, g});
    if (clusters.empty())
        clusters.push_back({static_cast<int>(run.text.size()), static_cast<int>(glyphs.size())});
    const bool with_text = !run.text.empty() && (run.clusters.empty() ? is_valid_utf8(run.text)
                                                                      : are_valid_clusters(run));
    if (!with_text) {
        cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
        if (run.text.empty()) return {};
        return {{},
                "text " + quoted_text(run.text) + " has invalid clusters or UTF-8; drawn, but " +
                    "PDF readers cannot extract it"};
    }
    std::string text = run.text;
    use_drawn_characters(text, clusters, glyphs, run.backward, cr);
    cairo_show_text_glyphs(
        cr, text.data(), static_cast<int>(text.size()), glyphs.data(),
        static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
        run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t{});
    return {};
}

DrawResult begin_group(cairo_t* cr, const typeset::GroupBegin& group) {
    cairo_save(cr);
    if (group.clip) {
        const auto& c = *group.clip;
        cairo_rectangle(cr, c.x, c.y, c.w, c.h);
        cairo_clip(cr);
    }
    if (!std::isfinite(group.degrees) || !std::isfinite(group.cx) || !std::isfinite(group.cy)) {
        return {{}, "group with an invalid rotation; drawn unrotated"};
    }
    cairo_translate(cr, group.cx, group.cy);
    cairo_rotate(cr, group.degrees * std::numbers::pi / 180);
    cairo_translate(cr, -group.cx, -group.cy);
    return {};
}

}  // namespace dw::paint

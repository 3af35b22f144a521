#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "paint/haru_painter_impl.h"
#include "paint/text_format.h"
#include "paint/text_segments.h"
#include "paint/utf8_codec.h"
#include "paint/win_ansi.h"

// The drawing of single items by HaruPainter (see haru_painter.cpp for the life cycle).
namespace dw::paint {

namespace {

constexpr double bezier_circle = 0.5522847498;  // control distance for a quarter circle

double clamp01(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; }
HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }

std::string excerpt(const std::string& text) {
    constexpr size_t max_bytes = 40;
    if (text.size() <= max_bytes) return quoted_text(text);
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return quoted_text(text.substr(0, cut) + "…");
}

bool is_finite_rect(const typeset::Rect& r) {
    return std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.w) && std::isfinite(r.h);
}

// The area a glyph run covers, roughly: its glyph origins widened by one em.
typeset::Rect run_area(const typeset::GlyphRun& run) {
    double left = run.glyphs.front().x, right = left, top = run.glyphs.front().y, bottom = top;
    for (const typeset::Glyph& g : run.glyphs) {
        left = std::min(left, g.x), right = std::max(right, g.x);
        top = std::min(top, g.y), bottom = std::max(bottom, g.y);
    }
    return {left, top - run.size, right - left + run.size, bottom - top + 1.3 * run.size};
}

void rounded_rect_path(HPDF_Page page, const typeset::Rect& r, double radius) {
    radius = std::isfinite(radius) ? std::clamp(radius, 0.0, std::min(r.w, r.h) / 2) : 0;
    if (radius <= 0) {
        HPDF_Page_Rectangle(page, real(r.x), real(r.y), real(r.w), real(r.h));
        return;
    }
    const double k = radius * bezier_circle, x0 = r.x, y0 = r.y, x1 = r.x + r.w, y1 = r.y + r.h;
    HPDF_Page_MoveTo(page, real(x0 + radius), real(y0));
    HPDF_Page_LineTo(page, real(x1 - radius), real(y0));
    HPDF_Page_CurveTo(page, real(x1 - radius + k), real(y0), real(x1), real(y0 + radius - k),
                      real(x1), real(y0 + radius));
    HPDF_Page_LineTo(page, real(x1), real(y1 - radius));
    HPDF_Page_CurveTo(page, real(x1), real(y1 - radius + k), real(x1 - radius + k), real(y1),
                      real(x1 - radius), real(y1));
    HPDF_Page_LineTo(page, real(x0 + radius), real(y1));
    HPDF_Page_CurveTo(page, real(x0 + radius - k), real(y1), real(x0), real(y1 - radius + k),
                      real(x0), real(y1 - radius));
    HPDF_Page_LineTo(page, real(x0), real(y0 + radius));
    HPDF_Page_CurveTo(page, real(x0), real(y0 + radius - k), real(x0 + radius - k), real(y0),
                      real(x0 + radius), real(y0));
    HPDF_Page_ClosePath(page);
}

bool is_valid_dash(const std::vector<double>& dash) {
    double sum = 0;
    for (double d : dash) {
        if (!std::isfinite(d) || d < 0) return false;
        sum += d;
    }
    return sum > 0;
}

}  // namespace

std::optional<Color> HaruPainter::Impl::paint_colour(const Color& c, const typeset::Rect& area,
                                                     const std::string& what) {
    if (!options_.pdfa || clamp01(c.a) >= 1) return c;
    const std::optional<Color> under = backdrop_.colour_under(Quad::of(area, transforms_.back()));
    if (under) return flatten(c, *under);
    error(what + " has the translucent colour " + hex_color(c) +
              " over a background that is not one colour; PDF/A-1 forbids transparency",
          "give it an opaque colour (#rrggbb) in the layout, or put it on a plain box");
    return std::nullopt;
}

void HaruPainter::Impl::set_alpha(double fill_alpha, double stroke_alpha) {
    // PDF/A: paint_colour flattened the colours. Opaque drawing needs no graphics state.
    if (options_.pdfa || (clamp01(fill_alpha) >= 1 && clamp01(stroke_alpha) >= 1)) return;
    const int key = static_cast<int>(std::lround(clamp01(fill_alpha) * 1000)) * 10000 +
                    static_cast<int>(std::lround(clamp01(stroke_alpha) * 1000));
    auto it = alpha_states_.find(key);
    if (it == alpha_states_.end()) {
        HPDF_ExtGState state = HPDF_CreateExtGState(doc_.get());
        HPDF_ExtGState_SetAlphaFill(state, real(clamp01(fill_alpha)));
        HPDF_ExtGState_SetAlphaStroke(state, real(clamp01(stroke_alpha)));
        it = alpha_states_.emplace(key, state).first;
    }
    HPDF_Page_SetExtGState(page_, it->second);
}

void HaruPainter::Impl::set_fill(const Color& c) {
    HPDF_Page_SetRGBFill(page_, real(clamp01(c.r)), real(clamp01(c.g)), real(clamp01(c.b)));
}

void HaruPainter::Impl::set_stroke(const Color& c) {
    HPDF_Page_SetRGBStroke(page_, real(clamp01(c.r)), real(clamp01(c.g)), real(clamp01(c.b)));
}

void HaruPainter::Impl::write_raw(const std::string& operators) {
    auto* attr = static_cast<HPDF_PageAttr>(static_cast<HPDF_Dict>(page_)->attr);
    HPDF_Stream_WriteStr(attr->stream, operators.c_str());
}

void HaruPainter::Impl::glyphs(const typeset::GlyphRun& run) {
    if (!can_draw() || run.glyphs.empty()) return;
    if (!std::isfinite(run.size) || run.size <= 0 || run.size > 10000) {
        return error("text " + excerpt(run.text) + " not drawn: invalid font size " +
                     fixed(run.size));
    }
    for (const typeset::Glyph& g : run.glyphs) {
        if (!std::isfinite(g.x) || !std::isfinite(g.y)) {
            return error("text " + excerpt(run.text) +
                         " not drawn: glyph position is not a number");
        }
    }
    HaruFonts::Font* font = fonts_->get(run.font);
    if (!font || !check("loading the font of text " + excerpt(run.text))) return;
    const std::optional<Color> colour =
        paint_colour(run.color, run_area(run), "text " + excerpt(run.text));
    if (!colour) return;
    const bool translucent = clamp01(colour->a) < 1;
    if (translucent) {
        HPDF_Page_GSave(page_);
        set_alpha(colour->a, 1);
    }
    set_fill(*colour);
    if (font->outlines) {
        draw_outlines(*font, run);
        if (HaruFonts::Font* carrier = fonts_->invisible_text_font())
            draw_stand_in_text(*carrier, *font, run);
    } else {
        draw_text(*font, run);
    }
    if (translucent) HPDF_Page_GRestore(page_);
    check("drawing text " + excerpt(run.text));
}

void HaruPainter::Impl::draw_text(HaruFonts::Font& font, const typeset::GlyphRun& run) {
    SegmentFont segment_font;
    segment_font.advance = [&](std::string_view text, double size) {
        return fonts_->advance(font, text, size);
    };
    segment_font.shown_text = [&](std::string_view text, const std::vector<uint32_t>& glyphs) {
        return fonts_->shown_text(font, text, glyphs);
    };
    show_segments(font, run.size, text_segments(run, segment_font), false);
}

void HaruPainter::Impl::draw_stand_in_text(HaruFonts::Font& carrier, HaruFonts::Font& drawn,
                                           const typeset::GlyphRun& run) {
    SegmentFont segment_font;
    segment_font.advance = [&](std::string_view text, double size) {
        return fonts_->advance(carrier, text, size);
    };
    // The glyph ids are the drawn font's: the carrier shows the plain text.
    segment_font.shown_text = [&](std::string_view text, const std::vector<uint32_t>&) {
        return fonts_->shown_text(carrier, text, {});
    };
    const auto advance = [&](uint32_t glyph) {
        return fonts_->glyph_advance(drawn, glyph, run.size);
    };
    show_segments(carrier, run.size, stand_in_segments(run, segment_font, advance), true);
}

void HaruPainter::Impl::show_segments(HaruFonts::Font& font, double size,
                                      const std::vector<TextSegment>& segments, bool invisible) {
    if (segments.empty()) return;
    HPDF_Page_BeginText(page_);
    if (invisible) HPDF_Page_SetTextRenderingMode(page_, HPDF_INVISIBLE);
    HPDF_Page_SetFontAndSize(page_, font.pdf, real(size));
    double scale = 1;
    for (const TextSegment& s : segments) {
        if (s.scale != scale) HPDF_Page_SetHorizontalScalling(page_, real(100 * (scale = s.scale)));
        // The page's y axis points down; the text matrix turns the glyphs upright again.
        HPDF_Page_SetTextMatrix(page_, 1, 0, 0, -1, real(s.x), real(s.y));
        if (!font.win_ansi) {
            for (char32_t cp : decode_utf8(s.text)) font.shown.insert(cp);
        }
        HPDF_Page_ShowText(page_, font.win_ansi ? to_win_ansi(s.text).c_str() : s.text.c_str());
    }
    if (scale != 1) HPDF_Page_SetHorizontalScalling(page_, 100);
    if (invisible) HPDF_Page_SetTextRenderingMode(page_, HPDF_FILL);
    HPDF_Page_EndText(page_);
}

// Each glyph is its outline, formatted once per glyph (see HaruFonts::outline), under a
// transform that scales font units to the size and turns them upright on the y-down page. The
// operators go to the content stream directly: through libharu's path calls they cost more
// than all the rest of a page.
void HaruPainter::Impl::draw_outlines(HaruFonts::Font& font, const typeset::GlyphRun& run) {
    const std::string scale = fixed(run.size / font.units_per_em, 6);
    std::string ops;
    for (const typeset::Glyph& g : run.glyphs) {
        const GlyphPath& path = fonts_->outline(font, g.id);
        if (path.empty()) continue;  // a space
        ops += "q " + scale + " 0 0 -" + scale + ' ' + fixed(g.x, 3) + ' ' + fixed(g.y, 3) +
               " cm\n" + path + "f\nQ\n";
    }
    write_raw(ops);
}

void HaruPainter::Impl::shape(const typeset::Shape& shape) {
    if (!can_draw()) return;
    const typeset::Rect& r = shape.rect;
    if (!is_finite_rect(r) || r.w <= 0 || r.h <= 0)
        return error("box with an empty or invalid rectangle");
    const bool stroke = std::isfinite(shape.stroke_width) && shape.stroke_width > 0;
    const std::string what = "box at " + fixed(r.x) + "," + fixed(r.y);
    std::optional<Color> fill, edge;
    if (shape.has_fill && !(fill = paint_colour(shape.fill, r, what + " (fill)"))) return;
    if (stroke && !(edge = paint_colour(shape.stroke, r, what + " (border)"))) return;
    HPDF_Page_GSave(page_);
    set_alpha(fill ? fill->a : 1, edge ? edge->a : 1);
    if (fill) {
        set_fill(*fill);
        rounded_rect_path(page_, r, shape.radius);
        HPDF_Page_Fill(page_);
        backdrop_.cover(Quad::of(r, transforms_.back()), *fill);
    }
    if (edge) {
        set_stroke(*edge);
        HPDF_Page_SetLineWidth(page_, real(shape.stroke_width));
        rounded_rect_path(page_, r, shape.radius);
        HPDF_Page_Stroke(page_);
    }
    HPDF_Page_GRestore(page_);
    check("drawing a " + what);
}

void HaruPainter::Impl::line(const typeset::Line& line) {
    if (!can_draw()) return;
    if (!std::isfinite(line.x1) || !std::isfinite(line.y1) || !std::isfinite(line.x2) ||
        !std::isfinite(line.y2) || !std::isfinite(line.width) || line.width <= 0) {
        return error("line with invalid coordinates or width");
    }
    const typeset::Rect area{
        std::min(line.x1, line.x2) - line.width, std::min(line.y1, line.y2) - line.width,
        std::abs(line.x2 - line.x1) + 2 * line.width, std::abs(line.y2 - line.y1) + 2 * line.width};
    const std::optional<Color> colour =
        paint_colour(line.color, area, "line at " + fixed(line.x1) + "," + fixed(line.y1));
    if (!colour) return;
    HPDF_Page_GSave(page_);
    set_alpha(1, colour->a);
    set_stroke(*colour);
    HPDF_Page_SetLineWidth(page_, real(line.width));
    HPDF_Page_SetLineCap(page_, HPDF_BUTT_END);
    if (!line.dash.empty() && is_valid_dash(line.dash)) {
        // HPDF_Page_SetDash takes whole points only; the dash operator itself takes any number.
        std::string dash = "[";
        for (size_t i = 0; i < line.dash.size(); ++i)
            dash += (i ? " " : "") + fixed(line.dash[i], 3);
        write_raw(dash + "] 0 d\n");
    } else if (!line.dash.empty()) {
        warning("invalid dash pattern; line drawn solid");
    }
    HPDF_Page_MoveTo(page_, real(line.x1), real(line.y1));
    HPDF_Page_LineTo(page_, real(line.x2), real(line.y2));
    HPDF_Page_Stroke(page_);
    HPDF_Page_GRestore(page_);
    check("drawing a line");
}

void HaruPainter::Impl::image(const typeset::Image& image) {
    if (!can_draw()) return;
    const typeset::Rect& r = image.rect;
    if (!is_finite_rect(r) || r.w <= 0 || r.h <= 0)
        return error("image with an empty or invalid rectangle");
    const HaruImages::Decoded* decoded = images_->decode(image);
    if (!decoded) return;
    const std::string name = quoted_text(std::filesystem::path(image.file).filename().string());
    std::optional<Color> backdrop;
    if (options_.pdfa && !decoded->alpha.empty()) {
        backdrop = backdrop_.colour_under(Quad::of(r, transforms_.back()));
        if (!backdrop) {
            return error("image " + name +
                             " has transparent pixels over a background that is not " +
                             "one colour; PDF/A-1 forbids transparency",
                         "use an image without an alpha channel, or put it on a plain box");
        }
    }
    if (options_.pdfa && decoded->jpeg &&
        std::string(HPDF_Image_GetColorSpace(decoded->jpeg)) == "DeviceCMYK") {
        return error("image " + name + " is a CMYK JPEG; the PDF/A output intent is sRGB",
                     "convert the image to RGB");
    }
    HPDF_Image pdf_image = images_->embed(image, *decoded, backdrop);
    if (!pdf_image || !check("embedding image " + name)) return;
    HPDF_Page_GSave(page_);
    // The image's unit square has its first row at the top; the page's y axis points down.
    HPDF_Page_Concat(page_, real(r.w), 0, 0, real(-r.h), real(r.x), real(r.y + r.h));
    HPDF_Page_ExecuteXObject(page_, pdf_image);
    HPDF_Page_GRestore(page_);
    backdrop_.cover(Quad::of(r, transforms_.back()), std::nullopt);
    check("drawing image " + name);
}

void HaruPainter::Impl::link(const typeset::Link& link) {
    if (!can_draw()) return;
    if (link.uri.empty() && link.dest.empty()) return warning("link without a target; left out");
    if (link.uri.empty() && !dests_.count(link.dest)) {
        return warning("link to unknown destination " + quoted_text(link.dest) + "; left out");
    }
    links_.push_back({pages_.size() - 1, link});
}

void HaruPainter::Impl::group_begin(const typeset::GroupBegin& group) {
    Affine transform = transforms_.back();
    if (can_draw()) HPDF_Page_GSave(page_);
    if (group.clip && can_draw()) {
        const typeset::Rect& c = *group.clip;
        if (is_finite_rect(c)) {
            HPDF_Page_Rectangle(page_, real(c.x), real(c.y), real(std::max(0.0, c.w)),
                                real(std::max(0.0, c.h)));
            HPDF_Page_Clip(page_);
            HPDF_Page_EndPath(page_);
        }
    }
    if (!std::isfinite(group.degrees) || !std::isfinite(group.cx) || !std::isfinite(group.cy)) {
        warning("group with an invalid rotation; drawn unrotated");
    } else if (group.degrees != 0) {
        const Affine r = Affine::rotation_about(group.degrees, group.cx, group.cy);
        if (can_draw())
            HPDF_Page_Concat(page_, real(r.a), real(r.b), real(r.c), real(r.d), real(r.e),
                             real(r.f));
        transform = r.then(transform);
    }
    transforms_.push_back(transform);
    check("beginning a group");
}

void HaruPainter::Impl::group_end() {
    if (transforms_.size() <= 1) return warning("end of a group that was not begun; ignored");
    transforms_.pop_back();
    if (can_draw()) HPDF_Page_GRestore(page_);
}

}  // namespace dw::paint

// Helpers for the pagination and geometry tests: fonts, a layout → pages pipeline, a text dump
// of positioned pages, and measurements on glyph runs. Header-only, test code only.
#pragma once
#include <catch2/catch.hpp>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "bind/binder.h"
#include "data/markdown_loader.h"
#include "data/yaml_loader.h"
#include "layout/layout_reader.h"
#include "typeset/font_system.h"
#include "typeset/hyphenator.h"
#include "typeset/page.h"
#include "typeset/typesetter.h"

namespace typeset_test {

using namespace dw::typeset;
using dw::Diagnostics;

inline std::string printed(const Diagnostics& diags) {
    std::ostringstream out;
    diags.print(out);
    return out.str();
}

inline FontSystem& fonts() {
    static std::unique_ptr<FontSystem> system = [] {
        Diagnostics diags;
        return FontSystem::create(DRUKWERK_SOURCE_ROOT "/fonts", diags);
    }();
    REQUIRE(system);
    return *system;
}

inline Hyphenator& hyphenator() {
    static Hyphenator h;
    return h;
}

inline constexpr double mm(double v) { return v * 72.0 / 25.4; }

// ---- the pipeline: layout XML + data → pages ------------------------------------------------

struct Typeset {
    Document doc;
    dw::bind::BoxDocument boxes;
    Diagnostics diags;
};

inline dw::data::Value yaml(const std::string& text) {
    Diagnostics diags;
    auto v = dw::data::parse_yaml(text, "d.yaml", 1, diags);
    INFO(printed(diags));
    REQUIRE(diags.all().empty());
    REQUIRE(v);
    return *v;
}

inline dw::data::Value markdown(const std::string& text) {
    Diagnostics diags;
    auto v = dw::data::parse_markdown(text, "d.md", {}, diags);
    INFO(printed(diags));
    REQUIRE(diags.all().empty());
    REQUIRE(v);
    return *v;
}

// Reads, binds and typesets. Layout and binding must be free of diagnostics; the typesetter's
// diagnostics are kept in the result for the test to look at.
inline Typeset typeset_xml(const std::string& xml, const dw::data::Value& data) {
    Typeset t;
    auto layout = dw::layout::parse_layout(xml, DRUKWERK_SOURCE_ROOT "/tests/fixtures/geometry/t.xml",
                                           t.diags);
    INFO(printed(t.diags));
    REQUIRE(t.diags.all().empty());
    REQUIRE(layout);
    auto boxes = dw::bind::bind_document(*layout, data, t.diags);
    INFO(printed(t.diags));
    REQUIRE(t.diags.all().empty());
    REQUIRE(boxes);
    t.boxes = *boxes;
    t.doc = typeset_document(t.boxes, fonts(), hyphenator(), t.diags);
    return t;
}

// The styles of the geometry layouts. Sizes and line heights give round numbers: body lines
// are 10pt × 1.5 = 15pt apart.
inline const char* kGeometryStyles = R"(
  <palette>
    <color name="green" value="#1f5f4a"/>
    <color name="sand" value="#f4efe4"/>
  </palette>
  <styles default="body">
    <style name="body" family="Lato" size="10pt" line-height="1.5" align="left"/>
    <style name="just" base="body" align="justify" hyphenate="nl"/>
    <style name="line" base="body" line-height="15pt"/>
    <style name="h1" base="body" family="League Spartan" weight="bold" size="14pt"
           line-height="1.25" space-before="10pt" space-after="6pt" keep-with-next="true"/>
    <style name="small" base="body" size="8pt" line-height="1.25"/>
    <style name="note" base="body" italic="true" size="8pt" line-height="1.25" align="right"/>
  </styles>
)";

// A layout with an A5 page master (20 mm margins unless `page` says otherwise).
inline std::string geometry_layout(const std::string& body, const std::string& page_content = "",
                                   const std::string& page_attrs = "size=\"A5\" margin=\"20mm\"") {
    return std::string("<layout name=\"geometry\">") + kGeometryStyles + "<page-master name=\"p\" " +
           page_attrs + ">" + page_content + "</page-master><document>" + body +
           "</document></layout>";
}

// ---- looking at pages ----------------------------------------------------------------------

inline std::vector<const GlyphRun*> runs(const Page& page) {
    std::vector<const GlyphRun*> out;
    for (const auto& item : page.items)
        if (auto* r = std::get_if<GlyphRun>(&item)) out.push_back(r);
    return out;
}

template <class T>
std::vector<const T*> items_of(const Page& page) {
    std::vector<const T*> out;
    for (const auto& item : page.items)
        if (auto* x = std::get_if<T>(&item)) out.push_back(x);
    return out;
}

// The text of a run without soft hyphens (U+00AD, 0xC2 0xAD).
inline std::string visible_text(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (i + 1 < text.size() && (unsigned char)text[i] == 0xC2 && (unsigned char)text[i + 1] == 0xAD) {
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

// One line of text on a page: the runs that share a baseline, left to right.
struct TextLine {
    double baseline = 0;
    double left = 0;   // x of the first glyph
    double right = 0;  // x + advance of the last glyph that is not a space
    std::string text;
    std::vector<const GlyphRun*> runs;
};

// The advance of a glyph of a bundled font at `size`, from the font file (HarfBuzz, unhinted).
class Advances {
public:
    double advance(const FontFace& face, uint32_t glyph, double size) {
        hb_font_t* font = font_for(face);
        double upem = hb_face_get_upem(hb_font_get_face(font));
        return hb_font_get_glyph_h_advance(font, glyph) * size / upem;
    }

private:
    struct FontFree {
        void operator()(hb_font_t* f) const { hb_font_destroy(f); }
    };
    hb_font_t* font_for(const FontFace& face) {
        auto key = face.file + "#" + std::to_string(face.index);
        auto it = fonts_.find(key);
        if (it != fonts_.end()) return it->second.get();
        hb_blob_t* blob = hb_blob_create_from_file(face.file.c_str());
        hb_face_t* hb_face = hb_face_create(blob, unsigned(face.index));
        hb_font_t* font = hb_font_create(hb_face);
        hb_face_destroy(hb_face);
        hb_blob_destroy(blob);
        return fonts_.emplace(key, std::unique_ptr<hb_font_t, FontFree>(font)).first->second.get();
    }
    std::map<std::string, std::unique_ptr<hb_font_t, FontFree>> fonts_;
};

// x + advance of the last glyph of `run` whose cluster is not whitespace; -1 when none.
inline double run_right_edge(const GlyphRun& run, const Document& doc, Advances& advances) {
    int byte = 0, glyph = 0;
    double right = -1;
    for (auto [bytes, glyphs] : run.clusters) {
        std::string cluster = run.text.substr(size_t(byte), size_t(bytes));
        bool space = cluster == " " || cluster == "\u2028" || cluster == "\n";
        if (!space && glyphs > 0) {
            const Glyph& last = run.glyphs[size_t(glyph + glyphs - 1)];
            right = last.x + advances.advance(doc.fonts.at(size_t(run.font)), last.id, run.size);
        }
        byte += bytes;
        glyph += glyphs;
    }
    return right;
}

// The text lines of a page whose baseline lies in [top, bottom), top to bottom.
inline std::vector<TextLine> text_lines(const Document& doc, const Page& page, double top = 0,
                                        double bottom = 1e9) {
    Advances advances;
    std::map<long, TextLine> by_baseline;  // baselines rounded to 0.01pt
    for (const GlyphRun* r : runs(page)) {
        if (r->glyphs.empty()) continue;
        double y = r->glyphs.front().y;
        if (y < top || y >= bottom) continue;
        TextLine& line = by_baseline[std::lround(y * 100)];
        line.baseline = y;
        line.runs.push_back(r);
    }
    std::vector<TextLine> out;
    for (auto& [key, line] : by_baseline) {
        std::sort(line.runs.begin(), line.runs.end(),
                  [](auto* a, auto* b) { return a->glyphs.front().x < b->glyphs.front().x; });
        line.left = line.runs.front()->glyphs.front().x;
        line.right = -1;
        for (const GlyphRun* r : line.runs) {
            line.text += visible_text(r->text);
            line.right = std::max(line.right, run_right_edge(*r, doc, advances));
        }
        out.push_back(line);
    }
    return out;
}

// All the text of a page (runs in item order, soft hyphens removed).
inline std::string page_text(const Page& page) {
    std::string out;
    for (const GlyphRun* r : runs(page)) out += visible_text(r->text);
    return out;
}

// ---- the text dump -------------------------------------------------------------------------

inline std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
    return buf;
}

inline std::string hex(const dw::Color& c) {
    char buf[16];
    auto ch = [](double v) { return int(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", ch(c.r), ch(c.g), ch(c.b));
    std::string s = buf;
    if (c.a < 1) {
        std::snprintf(buf, sizeof buf, "%02x", ch(c.a));
        s += buf;
    }
    return s;
}

inline std::string rect(const Rect& r) {
    return num(r.x) + " " + num(r.y) + " " + num(r.w) + " " + num(r.h);
}

// One line per item, 2 decimals: what a page holds, in drawing order.
inline std::string dump_page(const Document& doc, const Page& page) {
    std::ostringstream out;
    out << "page " << page.label << " " << num(page.width) << " x " << num(page.height) << "\n";
    for (const auto& item : page.items) {
        if (auto* r = std::get_if<GlyphRun>(&item)) {
            std::string font = r->font >= 0 && size_t(r->font) < doc.fonts.size()
                                   ? std::filesystem::path(doc.fonts[size_t(r->font)].file).filename().string()
                                   : "?";
            out << "  run " << font << " " << num(r->size) << " " << hex(r->color);
            if (!r->glyphs.empty())
                out << " at " << num(r->glyphs.front().x) << " " << num(r->glyphs.front().y)
                    << " to " << num(r->glyphs.back().x);
            out << " glyphs " << r->glyphs.size() << " \"" << r->text << "\"\n";
        } else if (auto* s = std::get_if<Shape>(&item)) {
            out << "  shape " << rect(s->rect) << " radius " << num(s->radius);
            if (s->has_fill) out << " fill " << hex(s->fill);
            if (s->stroke_width > 0) out << " stroke " << num(s->stroke_width) << " " << hex(s->stroke);
            out << "\n";
        } else if (auto* l = std::get_if<Line>(&item)) {
            out << "  line " << num(l->x1) << " " << num(l->y1) << " " << num(l->x2) << " "
                << num(l->y2) << " width " << num(l->width) << " " << hex(l->color);
            for (double d : l->dash) out << " dash " << num(d);
            out << "\n";
        } else if (auto* i = std::get_if<Image>(&item)) {
            out << "  image " << rect(i->rect) << " "
                << std::filesystem::path(i->file).filename().string() << "\n";
        } else if (auto* k = std::get_if<Link>(&item)) {
            out << "  link";
            if (!k->uri.empty()) out << " uri " << k->uri;
            if (!k->dest.empty()) out << " dest " << k->dest;
            for (const auto& r : k->rects) out << " [" << rect(r) << "]";
            out << "\n";
        } else if (auto* d = std::get_if<Dest>(&item)) {
            out << "  dest " << d->name << " " << num(d->x) << " " << num(d->y) << "\n";
        } else if (auto* g = std::get_if<GroupBegin>(&item)) {
            out << "  group rotate " << num(g->degrees) << " about " << num(g->cx) << " "
                << num(g->cy) << "\n";
        } else if (std::get_if<GroupEnd>(&item)) {
            out << "  end group\n";
        } else if (auto* t = std::get_if<TagBegin>(&item)) {
            out << "  tag " << t->tag << "\n";
        } else if (std::get_if<TagEnd>(&item)) {
            out << "  end tag\n";
        }
    }
    return out.str();
}

inline std::string dump_document(const Document& doc) {
    std::ostringstream out;
    for (const auto& page : doc.pages) out << dump_page(doc, page);
    for (const auto& o : doc.outline) out << "outline " << o.level << " " << o.dest << " \"" << o.title << "\"\n";
    return out.str();
}

// Compares `actual` with the stored dump tests/fixtures/geometry/<name>. With
// DRUKWERK_UPDATE_GEOMETRY=1 in the environment it (re)writes the file instead: look at the
// new dump (git diff) before committing it.
inline void check_against_fixture(const std::string& actual, const std::string& name) {
    const std::string path = DRUKWERK_SOURCE_ROOT "/tests/fixtures/geometry/" + name;
    const char* update = std::getenv("DRUKWERK_UPDATE_GEOMETRY");
    if (update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("wrote " << path << ": check it by eye before committing");
        return;
    }
    std::ifstream in(path, std::ios::binary);
    INFO("no expected dump at " << path
                                << "; create it with DRUKWERK_UPDATE_GEOMETRY=1 and check it by eye");
    REQUIRE(in.good());
    std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (expected == actual) return;
    // Diff-friendly: the first differing line, then both dumps in full.
    std::istringstream a(actual), e(expected);
    std::string la, le;
    int line = 1;
    while (true) {
        bool ga = bool(std::getline(a, la)), ge = bool(std::getline(e, le));
        if (!ga && !ge) break;
        if (!ga || !ge || la != le) {
            UNSCOPED_INFO("first difference at line " << line << " of " << path << ":\n  expected: "
                                                      << (ge ? le : "<end>")
                                                      << "\n  actual:   " << (ga ? la : "<end>"));
            break;
        }
        ++line;
    }
    UNSCOPED_INFO("to accept the new output: DRUKWERK_UPDATE_GEOMETRY=1 "
                  "build-unit/tests/test_typeset '[geometry]', then review `git diff " << path << "`");
    UNSCOPED_INFO("actual dump:\n" << actual);
    CHECK(actual == expected);
}

}  // namespace typeset_test

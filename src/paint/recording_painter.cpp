#include "paint/recording_painter.h"

#include <filesystem>

#include "paint/text_format.h"

namespace dw::paint {

namespace {

std::string rect_text(const typeset::Rect& r) {
    return "[" + fixed(r.x) + " " + fixed(r.y) + " " + fixed(r.w) + " " + fixed(r.h) + "]";
}

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

const char* image_kind(typeset::Image::Kind kind) {
    switch (kind) {
        case typeset::Image::Kind::Png:
            return "png";
        case typeset::Image::Kind::Jpeg:
            return "jpeg";
        case typeset::Image::Kind::Svg:
            return "svg";
    }
    return "unknown";
}

}  // namespace

void RecordingPainter::begin_document(const typeset::Document& doc) {
    const typeset::Metadata& m = doc.metadata;
    put("document pages=" + std::to_string(doc.pages.size()) + " title=" + quoted_text(m.title) +
        " author=" + quoted_text(m.author) + " date=" + quoted_text(m.date) +
        " lang=" + quoted_text(m.language));
    for (size_t i = 0; i < doc.fonts.size(); ++i) {
        const typeset::FontFace& f = doc.fonts[i];
        put("font " + std::to_string(i) + " family=" + quoted_text(f.family) +
            " file=" + quoted_text(file_name(f.file)) + " index=" + std::to_string(f.index));
    }
    for (const typeset::OutlineEntry& e : doc.outline) {
        put("outline level=" + std::to_string(e.level) + " title=" + quoted_text(e.title) +
            " dest=" + quoted_text(e.dest));
    }
}

void RecordingPainter::begin_page(double width, double height, const std::string& label) {
    put("page " + fixed(width) + "x" + fixed(height) + " label=" + quoted_text(label));
}

void RecordingPainter::glyphs(const typeset::GlyphRun& run) {
    std::string s = "glyphs font=" + std::to_string(run.font) + " size=" + fixed(run.size) +
                    " color=" + hex_color(run.color) + " n=" + std::to_string(run.glyphs.size());
    if (!run.glyphs.empty()) {
        s += " x=" + fixed(run.glyphs.front().x) + " y=" + fixed(run.glyphs.front().y);
    }
    put(s + " text=" + quoted_text(run.text));
}

void RecordingPainter::shape(const typeset::Shape& shape) {
    std::string s = "shape rect=" + rect_text(shape.rect) + " radius=" + fixed(shape.radius);
    if (shape.has_fill) s += " fill=" + hex_color(shape.fill);
    if (shape.stroke_width > 0) {
        s += " stroke=" + fixed(shape.stroke_width) + " " + hex_color(shape.stroke);
    }
    put(s);
}

void RecordingPainter::line(const typeset::Line& line) {
    std::string s = "line " + fixed(line.x1) + "," + fixed(line.y1) + " -> " + fixed(line.x2) +
                    "," + fixed(line.y2) + " width=" + fixed(line.width) +
                    " color=" + hex_color(line.color);
    if (!line.dash.empty()) {
        s += " dash=[";
        for (size_t i = 0; i < line.dash.size(); ++i) s += (i ? " " : "") + fixed(line.dash[i]);
        s += "]";
    }
    put(s);
}

void RecordingPainter::image(const typeset::Image& image) {
    put(std::string("image ") + image_kind(image.kind) +
        " file=" + quoted_text(file_name(image.file)) + " rect=" + rect_text(image.rect));
}

void RecordingPainter::link(const typeset::Link& link) {
    std::string s = "link";
    if (!link.uri.empty()) s += " uri=" + quoted_text(link.uri);
    if (!link.dest.empty()) s += " dest=" + quoted_text(link.dest);
    s += " rects=[";
    for (size_t i = 0; i < link.rects.size(); ++i) s += (i ? " " : "") + rect_text(link.rects[i]);
    put(s + "]");
}

void RecordingPainter::dest(const typeset::Dest& dest) {
    put("dest name=" + quoted_text(dest.name) + " x=" + fixed(dest.x) + " y=" + fixed(dest.y));
}

void RecordingPainter::group_begin(const typeset::GroupBegin& group) {
    std::string s = "group rotate=" + fixed(group.degrees) + " about=" + fixed(group.cx) + "," +
                    fixed(group.cy);
    if (group.clip) s += " clip=" + rect_text(*group.clip);
    put(s);
}

void RecordingPainter::group_end() { put("end-group"); }

void RecordingPainter::tag_begin(const typeset::TagBegin& tag) {
    put("tag " + quoted_text(tag.tag));
}

void RecordingPainter::tag_end() { put("end-tag"); }

void RecordingPainter::end_page() { put("end-page"); }

void RecordingPainter::end_document() { put("end-document"); }

}  // namespace dw::paint

// Reads the SVG subset of svg_drawing.h into a Drawing, refusing (with the reason) anything else.
#include <tinyxml2.h>

#include <cstring>
#include <initializer_list>
#include <map>

#include "paint/svg_drawing.h"
#include "paint/svg_path_data.h"
#include "paint/svg_values.h"

namespace dw::paint::svg {
namespace {

constexpr std::string_view kSvgNamespace = "http://www.w3.org/2000/svg";
constexpr int kMaxDepth = 64;  // deeper nesting is left to librsvg (and keeps the stack small)

struct Unsupported {
    std::string what;
};

// A fill or stroke before it is resolved: currentColor takes the `color` of the element that is
// painted, not of the one that said it.
struct PaintValue {
    enum class Kind { None, Color, CurrentColor } kind = Kind::None;
    Rgba rgba;
};

// The inherited properties, as they stand at an element.
struct Style {
    PaintValue fill{PaintValue::Kind::Color, {}};  // black
    double fill_opacity = 1;
    bool even_odd = false;
    PaintValue stroke;
    double stroke_opacity = 1;
    double stroke_width = 1;
    LineCap cap = LineCap::Butt;
    LineJoin join = LineJoin::Miter;
    double miter_limit = 4;
    std::vector<double> dashes;
    double dash_offset = 0;
    Rgba color;
    bool visible = true;
};

// The properties that are not inherited, for one element.
struct Own {
    double opacity = 1;
    bool displayed = true;
    Matrix transform;
};

[[noreturn]] void refuse(std::string what) { throw Unsupported{std::move(what)}; }

template <typename T>
T required(std::optional<T> value, std::string_view name, std::string_view text) {
    if (!value) refuse(std::string(name) + "=\"" + std::string(text) + "\"");
    return *value;
}

PaintValue paint_value(std::string_view name, std::string_view text) {
    if (text == "none") return {};
    if (text == "currentColor") return {PaintValue::Kind::CurrentColor, {}};
    return {PaintValue::Kind::Color, required(color(text), name, text)};
}

std::vector<double> dash_array(std::string_view name, std::string_view text) {
    if (text == "none") return {};
    std::vector<double> dashes = required(number_list(text), name, text);
    double total = 0;
    for (double d : dashes) {
        if (d < 0) refuse(std::string(name) + " with a negative length");
        total += d;
    }
    if (total == 0) return {};  // SVG draws a solid line
    return dashes;
}

template <typename Value>
Value keyword(std::string_view name, std::string_view text,
              std::initializer_list<std::pair<std::string_view, Value>> choices) {
    for (const auto& [word, value] : choices)
        if (text == word) return value;
    refuse(std::string(name) + "=\"" + std::string(text) + "\"");
}

// Applies one property (a presentation attribute or a declaration in `style`). False when
// `name` is not a property of the subset.
bool apply_property(std::string_view name, std::string_view text, Style& style, Own& own) {
    text = trim(text);
    if (text == "inherit" && name != "opacity" && name != "display") return true;  // unchanged
    if (name == "fill") {
        style.fill = paint_value(name, text);
    } else if (name == "fill-opacity") {
        style.fill_opacity = required(unit_fraction(text), name, text);
    } else if (name == "fill-rule") {
        style.even_odd = keyword<bool>(name, text, {{"nonzero", false}, {"evenodd", true}});
    } else if (name == "stroke") {
        style.stroke = paint_value(name, text);
    } else if (name == "stroke-opacity") {
        style.stroke_opacity = required(unit_fraction(text), name, text);
    } else if (name == "stroke-width") {
        style.stroke_width = required(length(text), name, text);
        if (style.stroke_width < 0) refuse("a negative stroke-width");
    } else if (name == "stroke-linecap") {
        style.cap = keyword<LineCap>(
            name, text,
            {{"butt", LineCap::Butt}, {"round", LineCap::Round}, {"square", LineCap::Square}});
    } else if (name == "stroke-linejoin") {
        style.join = keyword<LineJoin>(
            name, text,
            {{"miter", LineJoin::Miter}, {"round", LineJoin::Round}, {"bevel", LineJoin::Bevel}});
    } else if (name == "stroke-miterlimit") {
        style.miter_limit = required(number(text), name, text);
        if (style.miter_limit < 1) refuse("a stroke-miterlimit below 1");
    } else if (name == "stroke-dasharray") {
        style.dashes = dash_array(name, text);
    } else if (name == "stroke-dashoffset") {
        style.dash_offset = required(length(text), name, text);
    } else if (name == "color") {
        style.color = required(color(text), name, text);
    } else if (name == "visibility") {
        style.visible =
            keyword<bool>(name, text, {{"visible", true}, {"hidden", false}, {"collapse", false}});
    } else if (name == "opacity") {
        own.opacity = required(unit_fraction(text), name, text);
    } else if (name == "display") {
        own.displayed = text != "none";
    } else {
        return false;
    }
    return true;
}

// The declarations of a style attribute ("fill: red; stroke: none").
void apply_style_attribute(std::string_view text, Style& style, Own& own) {
    if (text.find("/*") != std::string_view::npos || text.find('!') != std::string_view::npos)
        refuse("a comment or !important in a style attribute");
    while (!text.empty()) {
        const size_t end = std::min(text.find(';'), text.size());
        const std::string_view declaration = trim(text.substr(0, end));
        text = end < text.size() ? text.substr(end + 1) : std::string_view();
        if (declaration.empty()) continue;
        const size_t colon = declaration.find(':');
        if (colon == std::string_view::npos) refuse("a style declaration without ':'");
        const std::string_view name = trim(declaration.substr(0, colon));
        if (!apply_property(name, declaration.substr(colon + 1), style, own))
            refuse("the style property " + std::string(name));
    }
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Attributes that do not change what is drawn: identifiers, accessibility, editors' own data
// (any attribute with a namespace prefix: inkscape:, sodipodi:, xml:space, xlink: outside
// <use> and <image>, which are refused anyway).
bool ignorable_attribute(std::string_view name) {
    return name == "id" || name == "class" || name == "role" || name == "focusable" ||
           name == "tabindex" || name == "version" || name == "baseProfile" ||
           starts_with(name, "data-") || starts_with(name, "aria-") ||
           name.find(':') != std::string_view::npos;
}

bool is_shape(std::string_view name) {
    return name == "path" || name == "rect" || name == "circle" || name == "ellipse" ||
           name == "line" || name == "polyline" || name == "polygon";
}

// The geometry attributes each shape reads (all lengths, except d and points).
bool is_geometry_attribute(std::string_view shape, std::string_view name) {
    if (shape == "path") return name == "d";
    if (shape == "rect")
        return name == "x" || name == "y" || name == "width" || name == "height" || name == "rx" ||
               name == "ry";
    if (shape == "circle") return name == "cx" || name == "cy" || name == "r";
    if (shape == "ellipse") return name == "cx" || name == "cy" || name == "rx" || name == "ry";
    if (shape == "line") return name == "x1" || name == "y1" || name == "x2" || name == "y2";
    return name == "points";  // polyline, polygon
}

using Geometry = std::map<std::string_view, std::string_view>;

double geometry_length(const Geometry& g, std::string_view name) {
    auto it = g.find(name);
    if (it == g.end()) return 0;
    return required(length(it->second), name, it->second);
}

void append_rounded_rect(Path& path, double x, double y, double w, double h, double rx, double ry) {
    auto line = [&](double px, double py) { path.push_back({PathOp::Kind::Line, {px, py}}); };
    auto corner = [&](double fx, double fy, double tx, double ty) {
        append_arc(path, fx, fy, rx, ry, 0, false, true, tx, ty);
    };
    path.push_back({PathOp::Kind::Move, {x + rx, y}});
    line(x + w - rx, y);
    corner(x + w - rx, y, x + w, y + ry);
    line(x + w, y + h - ry);
    corner(x + w, y + h - ry, x + w - rx, y + h);
    line(x + rx, y + h);
    corner(x + rx, y + h, x, y + h - ry);
    line(x, y + ry);
    corner(x, y + ry, x + rx, y);
    path.push_back({PathOp::Kind::Close, {}});
}

Path rect_path(const Geometry& g) {
    const double x = geometry_length(g, "x"), y = geometry_length(g, "y");
    const double w = geometry_length(g, "width"), h = geometry_length(g, "height");
    if (w < 0 || h < 0) refuse("a rect with a negative size");
    if (w == 0 || h == 0) return {};  // not rendered
    const bool has_rx = g.count("rx"), has_ry = g.count("ry");
    double rx = geometry_length(g, "rx"), ry = geometry_length(g, "ry");
    if (rx < 0 || ry < 0) refuse("a rect with a negative radius");
    if (!has_rx) rx = ry;
    if (!has_ry) ry = rx;
    rx = std::min(rx, w / 2), ry = std::min(ry, h / 2);
    Path path;
    if (rx > 0 && ry > 0) {
        append_rounded_rect(path, x, y, w, h, rx, ry);
    } else {
        path = {{PathOp::Kind::Move, {x, y}},
                {PathOp::Kind::Line, {x + w, y}},
                {PathOp::Kind::Line, {x + w, y + h}},
                {PathOp::Kind::Line, {x, y + h}},
                {PathOp::Kind::Close, {}}};
    }
    return path;
}

Path ellipse_path(double cx, double cy, double rx, double ry) {
    if (rx < 0 || ry < 0) refuse("a negative radius");
    if (rx == 0 || ry == 0) return {};  // not rendered
    Path path{{PathOp::Kind::Move, {cx + rx, cy}}};
    append_arc(path, cx + rx, cy, rx, ry, 0, false, true, cx, cy + ry);
    append_arc(path, cx, cy + ry, rx, ry, 0, false, true, cx - rx, cy);
    append_arc(path, cx - rx, cy, rx, ry, 0, false, true, cx, cy - ry);
    append_arc(path, cx, cy - ry, rx, ry, 0, false, true, cx + rx, cy);
    path.push_back({PathOp::Kind::Close, {}});
    return path;
}

Path points_path(const Geometry& g, bool closed) {
    auto it = g.find("points");
    if (it == g.end()) return {};
    const std::vector<double> points = required(number_list(it->second), "points", it->second);
    if (points.size() % 2 != 0) refuse("points with an odd count of numbers");
    Path path;
    for (size_t i = 0; i + 1 < points.size(); i += 2)
        path.push_back(
            {i == 0 ? PathOp::Kind::Move : PathOp::Kind::Line, {points[i], points[i + 1]}});
    if (closed && !path.empty()) path.push_back({PathOp::Kind::Close, {}});
    return path;
}

Path shape_path(std::string_view shape, const Geometry& g) {
    if (shape == "path") {
        auto it = g.find("d");
        if (it == g.end()) return {};
        return required(path_data(it->second), "d", it->second);
    }
    if (shape == "rect") return rect_path(g);
    if (shape == "circle") {
        const double r = geometry_length(g, "r");
        return ellipse_path(geometry_length(g, "cx"), geometry_length(g, "cy"), r, r);
    }
    if (shape == "ellipse")
        return ellipse_path(geometry_length(g, "cx"), geometry_length(g, "cy"),
                            geometry_length(g, "rx"), geometry_length(g, "ry"));
    if (shape == "line")
        return {{PathOp::Kind::Move, {geometry_length(g, "x1"), geometry_length(g, "y1")}},
                {PathOp::Kind::Line, {geometry_length(g, "x2"), geometry_length(g, "y2")}}};
    return points_path(g, shape == "polygon");
}

std::optional<Rgba> resolve(const PaintValue& paint, double opacity, const Style& style) {
    if (paint.kind == PaintValue::Kind::None) return std::nullopt;
    Rgba rgba = paint.kind == PaintValue::Kind::CurrentColor ? style.color : paint.rgba;
    rgba.a *= opacity;
    return rgba;
}

Shape make_shape(Path path, const Matrix& transform, const Style& style) {
    Shape shape;
    shape.path = std::move(path);
    shape.transform = transform;
    shape.fill = resolve(style.fill, style.fill_opacity, style);
    shape.even_odd = style.even_odd;
    if (style.stroke_width > 0) shape.stroke = resolve(style.stroke, style.stroke_opacity, style);
    shape.stroke_width = style.stroke_width;
    shape.cap = style.cap;
    shape.join = style.join;
    shape.miter_limit = style.miter_limit;
    shape.dashes = style.dashes;
    shape.dash_offset = style.dash_offset;
    return shape;
}

class Reader {
public:
    explicit Reader(Drawing& drawing) : drawing_(drawing) {}

    void element(const tinyxml2::XMLElement* e, Style style, const Matrix& outer, int depth) {
        const std::string_view name = e->Name();
        if (depth > kMaxDepth) refuse("elements nested deeper than " + std::to_string(kMaxDepth));
        if (name.find(':') != std::string_view::npos) {
            if (starts_with(name, "svg:"))
                refuse("a prefixed SVG element <" + std::string(name) + ">");
            return;  // an editor's own element (sodipodi:namedview): not drawn
        }
        if (name == "title" || name == "desc" || name == "metadata") return;
        if (name == "defs") {
            if (e->FirstChildElement()) refuse("<defs> with content");
            return;
        }
        const bool container = name == "g" || (name == "svg" && depth == 0);
        if (!container && !is_shape(name)) refuse("the element <" + std::string(name) + ">");

        Own own;
        Geometry geometry;
        const char* style_attribute = nullptr;
        for (const tinyxml2::XMLAttribute* a = e->FirstAttribute(); a; a = a->Next()) {
            const std::string_view attribute = a->Name(), value = a->Value();
            if (attribute == "style") {
                style_attribute = a->Value();
            } else if (attribute == "transform") {
                own.transform = required(transform_list(value), attribute, value);
            } else if (attribute == "xmlns") {
                if (value != kSvgNamespace) refuse("an element outside the SVG namespace");
            } else if (!container && is_geometry_attribute(name, attribute)) {
                geometry[attribute] = value;
            } else if (depth == 0 && root_attribute(attribute)) {
                // read by read_drawing
            } else if (!ignorable_attribute(attribute) &&
                       !apply_property(attribute, value, style, own)) {
                refuse("the attribute " + std::string(attribute) + " on <" + std::string(name) +
                       ">");
            }
        }
        if (style_attribute) apply_style_attribute(style_attribute, style, own);  // wins
        if (!own.displayed || own.opacity == 0) return;

        const Matrix transform = multiply(outer, own.transform);
        const bool layer = own.opacity < 1;
        if (layer) drawing_.items.push_back(BeginGroup{});
        if (container) {
            for (auto* child = e->FirstChildElement(); child; child = child->NextSiblingElement())
                element(child, style, transform, depth + 1);
        } else {
            Path path = shape_path(name, geometry);
            Shape shape = make_shape(std::move(path), transform, style);
            if (style.visible && !shape.path.empty() && (shape.fill || shape.stroke))
                drawing_.items.push_back(std::move(shape));
        }
        if (layer) drawing_.items.push_back(EndGroup{own.opacity});
    }

private:
    static bool root_attribute(std::string_view name) {
        return name == "width" || name == "height" || name == "viewBox" ||
               name == "preserveAspectRatio";
    }

    Drawing& drawing_;
};

void read_viewport(const tinyxml2::XMLElement* root, Drawing& drawing) {
    const char* view_box = root->Attribute("viewBox");
    if (!view_box) refuse("an <svg> without a viewBox");
    const std::vector<double> box = required(number_list(view_box), "viewBox", view_box);
    if (box.size() != 4 || box[2] <= 0 || box[3] <= 0) refuse("an empty or invalid viewBox");
    drawing.view_x = box[0], drawing.view_y = box[1], drawing.view_w = box[2],
    drawing.view_h = box[3];
    if (const char* ratio = root->Attribute("preserveAspectRatio"))
        drawing.aspect = required(aspect_ratio(ratio), "preserveAspectRatio", ratio);
}

}  // namespace

std::optional<Drawing> read_drawing(std::string_view text, std::string* why_not) {
    tinyxml2::XMLDocument document;
    if (document.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) {
        if (why_not) *why_not = "XML that tinyxml2 cannot read";
        return std::nullopt;
    }
    try {
        const tinyxml2::XMLElement* root = document.RootElement();
        if (!root || std::strcmp(root->Name(), "svg") != 0)
            refuse("a root element other than <svg>");
        const char* ns = root->Attribute("xmlns");
        if (!ns || ns != kSvgNamespace) refuse("an <svg> outside the SVG namespace");
        Drawing drawing;
        read_viewport(root, drawing);
        Reader(drawing).element(root, Style{}, Matrix{}, 0);
        return drawing;
    } catch (const Unsupported& unsupported) {
        if (why_not) *why_not = unsupported.what;
        return std::nullopt;
    }
}

}  // namespace dw::paint::svg

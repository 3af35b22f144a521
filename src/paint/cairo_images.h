#pragma once
#include <map>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "paint/cairo_handles.h"
#include "paint/svg_drawing.h"
#include "typeset/page.h"

typedef struct _RsvgHandle RsvgHandle;

namespace dw::paint {

// Decodes each image file once and draws it scaled into its rectangle. Reusing one Cairo surface
// for every use of a file lets the PDF embed a logo that appears on every page only once.
// PNG: Cairo. JPEG: decoded with gdk-pixbuf, and the original bytes are attached as MIME data so
// PDF (and SVG) embed the JPEG as-is. SVG: drawn as vectors, by drukwerk itself when the file
// is within the plain subset of svg_drawing.h (logos, icons), by librsvg otherwise. With
// `reuse_drawings` (PDF) an SVG is drawn once into a recording surface and every use fills its
// rectangle with that drawing as a pattern: the PDF then holds the paths once, as a Form XObject,
// and each use costs a few numbers instead of the whole drawing (a deck draws its theme icon on
// every card).
class ImageCache {
public:
    ImageCache(Diagnostics& diag, bool reuse_drawings)
        : diag_(diag), reuse_drawings_(reuse_drawings) {}

    // Returns false (after reporting once per file) when the image cannot be drawn.
    bool draw(cairo_t* cr, const typeset::Image& image);
    // Does now what the first draw() of the image would do before drawing: decode the file
    // and, for an SVG to reuse, record the drawing. Reports as draw() does.
    void prepare(const typeset::Image& image);

private:
    struct Entry {
        bool failed = false;
        SurfacePtr raster;                    // PNG, JPEG
        std::optional<svg::Drawing> own_svg;  // SVG within drukwerk's subset
        GObjectPtr<RsvgHandle> svg;           // any other SVG, through librsvg
        // The SVG drawn once, at the size of its first use, for uses with the same aspect ratio.
        PatternPtr drawing;
        double drawing_w = 0, drawing_h = 0;
        bool not_recordable = false;
    };
    Entry load(const typeset::Image& image);
    Entry& entry_for(const typeset::Image& image);
    bool records(const Entry& entry, const typeset::Image& image) const;
    bool draw_svg(cairo_t* cr, Entry& entry, const typeset::Image& image);
    bool record_svg(Entry& entry, const typeset::Image& image);
    static bool render_svg(cairo_t* cr, const Entry& entry, const typeset::Rect& viewport,
                           std::string& error);

    std::map<std::pair<typeset::Image::Kind, std::string>, Entry> entries_;
    Diagnostics& diag_;
    bool reuse_drawings_;
};

}  // namespace dw::paint

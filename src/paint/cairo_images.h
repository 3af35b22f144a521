#pragma once
#include <map>
#include <string>

#include "diag/diagnostics.h"
#include "paint/cairo_handles.h"
#include "typeset/page.h"

typedef struct _RsvgHandle RsvgHandle;

namespace dw::paint {

// Decodes each image file once and draws it scaled into its rectangle. Reusing one Cairo surface
// for every use of a file lets the PDF embed a logo that appears on every page only once.
// PNG: Cairo. JPEG: decoded with gdk-pixbuf, and the original bytes are attached as MIME data so
// PDF (and SVG) embed the JPEG as-is. SVG: librsvg, drawn as vectors.
class ImageCache {
public:
    explicit ImageCache(Diagnostics& diag) : diag_(diag) {}

    // Returns false (after reporting once per file) when the image cannot be drawn.
    bool draw(cairo_t* cr, const typeset::Image& image);

private:
    struct Entry {
        bool failed = false;
        SurfacePtr raster;           // PNG, JPEG
        GObjectPtr<RsvgHandle> svg;  // SVG
    };
    Entry load(const typeset::Image& image);

    std::map<std::pair<typeset::Image::Kind, std::string>, Entry> entries_;
    Diagnostics& diag_;
};

}  // namespace dw::paint

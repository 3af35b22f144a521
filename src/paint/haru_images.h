#pragma once
#include <hpdf.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "layout/color.h"
#include "typeset/page.h"

// Images for the libharu painter, decoded once per file and embedded once per way of use.
//  - JPEG: embedded as-is (libharu copies the DCT data).
//  - PNG: decoded with gdk-pixbuf; embedded as RGB, with an SMask for the alpha channel.
//  - SVG: libharu has no vector import, so librsvg rasterises it at 300 dpi into a Cairo image
//    surface (the only Cairo use of this painter), embedded like a PNG.
// For PDF/A-1, which forbids soft masks, an image with alpha is flattened against the one
// colour under it (the painter knows it); the painter refuses it when there is none.
namespace dw::paint {

inline constexpr double kSvgRasterDpi = 300;

class HaruImages {
public:
    HaruImages(HPDF_Doc doc, Diagnostics& diag) : doc_(doc), diag_(diag) {}

    struct Decoded {
        bool failed = false;
        HPDF_Image jpeg = nullptr;  // JPEG files
        int width = 0, height = 0;
        std::vector<uint8_t> rgb;    // PNG, SVG: 8-bit RGB rows
        std::vector<uint8_t> alpha;  // empty when every pixel is opaque
    };

    // The decoded image (SVG at the pixel size `rect` needs at 300 dpi); nullptr after reporting
    // when it cannot be read.
    const Decoded* decode(const typeset::Image& image);

    // The image to draw: as it is (soft mask included), or, when `backdrop` is given, with its
    // alpha flattened against that colour.
    HPDF_Image embed(const typeset::Image& image, const Decoded& decoded,
                     std::optional<Color> backdrop);

private:
    using Key = std::pair<std::string, std::pair<int, int>>;  // file, pixel size (SVG)
    Key key_of(const typeset::Image& image) const;

    HPDF_Doc doc_;
    Diagnostics& diag_;
    std::map<Key, Decoded> decoded_;
    std::map<std::pair<Key, std::string>, HPDF_Image> embedded_;  // by backdrop colour
};

}  // namespace dw::paint

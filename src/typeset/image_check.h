#pragma once
#include <optional>
#include <string>

namespace dw::typeset {

// Why an image must not be drawn, found before anything decodes it, so the diagnostic can name
// the layout element: a raster image too large to decode (a PNG header can claim 30000 x 30000
// pixels: 3.6 GB), a PNG or JPEG cut off before its end, an SVG that would load other files.
struct ImageProblem {
    std::string message;
    std::string hint;
};

constexpr long long kMaxImagePixels = 100'000'000;  // 100 megapixels: ~400 MB decoded
constexpr long kMaxImageSide = 32'767;              // Cairo's largest image surface

std::optional<ImageProblem> find_image_problem(const std::string& path);

}  // namespace dw::typeset

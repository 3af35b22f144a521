#pragma once
#include <optional>
#include <string>

namespace dw::typeset {

struct ImageSize {
    double width = 0, height = 0;  // points (PNG/JPEG at 96 dpi unless the file says otherwise)
};

// Reads the intrinsic size from the file header (PNG IHDR, JPEG SOF, SVG width/height/viewBox)
// without decoding the image. nullopt when the header is not understood.
std::optional<ImageSize> read_image_size(const std::string& path);

}  // namespace dw::typeset

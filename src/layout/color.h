#pragma once

namespace dw {

// sRGB colour with alpha, components 0..1.
struct Color {
    double r = 0, g = 0, b = 0, a = 1;
    bool operator==(const Color&) const = default;
};

}  // namespace dw

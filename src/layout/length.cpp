#include "layout/length.h"

#include <charconv>
#include <cmath>

namespace dw {

double Length::to_pt(double reference) const {
    switch (unit) {
        case Unit::Pt: return value;
        case Unit::Mm: return value * 72.0 / 25.4;
        case Unit::Cm: return value * 720.0 / 25.4;
        case Unit::In: return value * 72.0;
        case Unit::Percent: return value / 100.0 * reference;
        case Unit::Fraction: return 0;
    }
    return value;
}

std::optional<Length> parse_length(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    double number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || !std::isfinite(number)) return std::nullopt;
    std::string_view unit(end, text.data() + text.size() - end);
    if (unit.empty() || unit == "pt") return Length{number, Length::Unit::Pt};
    if (unit == "mm") return Length{number, Length::Unit::Mm};
    if (unit == "cm") return Length{number, Length::Unit::Cm};
    if (unit == "in") return Length{number, Length::Unit::In};
    if (unit == "%") return Length{number, Length::Unit::Percent};
    if (unit == "fr") return Length{number, Length::Unit::Fraction};
    return std::nullopt;
}

}  // namespace dw

#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dw {

// A length as written in a layout: never a bare double until it is resolved against its context.
struct Length {
    enum class Unit { Pt, Mm, Cm, In, Percent, Fraction };
    double value = 0;
    Unit unit = Unit::Pt;

    static Length pt(double v) { return {v, Unit::Pt}; }
    static Length mm(double v) { return {v, Unit::Mm}; }

    bool is_relative() const { return unit == Unit::Percent || unit == Unit::Fraction; }
    // Absolute units to points; Percent takes a share of `reference`; Fraction gives 0 (the
    // caller distributes the remaining space over fractions).
    double to_pt(double reference = 0) const;
};

// Parses "12mm", "1.5cm", "10pt", "1in", "50%", "2fr"; a bare number is points.
// Returns nullopt for anything else (the caller reports it with its location).
std::optional<Length> parse_length(std::string_view text);

}  // namespace dw

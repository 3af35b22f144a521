#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "paint/svg_drawing.h"

// The value grammars of the SVG subset drukwerk draws itself (svg_drawing.h). Each returns
// nothing for a value it does not read completely: the caller then leaves the file to librsvg.
namespace dw::paint::svg {

// Reads SVG numbers ("-1.5e3", ".5", "1.5.5" = 1.5 and .5) separated by white space or one comma.
class NumberScanner {
public:
    explicit NumberScanner(std::string_view text) : text_(text) {}
    std::optional<double> number();
    std::optional<bool> flag();  // an arc flag: one '0' or '1', separators optional after it
    void skip_separator();       // white space with at most one comma
    void skip_space();
    bool at_end();  // after skipping white space
    char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
    void advance() { ++at_; }
    bool starts_number() const;

private:
    std::string_view text_;
    size_t at_ = 0;
};

std::string_view trim(std::string_view text);
std::optional<std::vector<double>> number_list(std::string_view text);
std::optional<double> number(std::string_view text);
// A length in user units: a number, optionally in px, pt, pc, mm, cm or in.
std::optional<double> length(std::string_view text);
// A number or a percentage, clamped to 0..1 (opacity values).
std::optional<double> unit_fraction(std::string_view text);
// #rgb, #rrggbb, rgb(r, g, b) with integers or percentages, or a basic CSS colour name.
std::optional<Rgba> color(std::string_view text);
std::optional<Matrix> transform_list(std::string_view text);
std::optional<AspectRatio> aspect_ratio(std::string_view text);

}  // namespace dw::paint::svg

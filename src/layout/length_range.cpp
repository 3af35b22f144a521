#include "layout/length_range.h"

#include <charconv>
#include <cmath>
#include <variant>

#include "layout/value_parse.h"

namespace dw::layout {
namespace {

// The number with at most two decimals, without trailing zeros.
std::string short_number(double v) {
    char buf[32];
    auto [end, err] = std::to_chars(buf, buf + sizeof buf, std::round(v * 100) / 100,
                                    std::chars_format::fixed, 2);
    std::string text(buf, err == std::errc() ? end : buf);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

const char* unit_name(Length::Unit unit) {
    switch (unit) {
        case Length::Unit::Mm:
            return "mm";
        case Length::Unit::Cm:
            return "cm";
        case Length::Unit::In:
            return "in";
        case Length::Unit::Percent:
            return "%";
        case Length::Unit::Fraction:
            return "fr";
        case Length::Unit::Pt:
            break;
    }
    return "pt";
}

// Points in `unit` (an absolute unit).
double in_unit(double pt, Length::Unit unit) { return pt / Length{1, unit}.to_pt(); }

std::string range_text(double min, double max, Length::Unit unit) {
    return "from " + short_number(min) + unit_name(unit) + " to " + short_number(max) +
           unit_name(unit);
}

// Within bounds with a tolerance for the rounding of unit conversions.
bool within(double v, double min, double max) {
    const double slack = 1e-9 * std::max(1.0, std::abs(v));
    return v >= min - slack && v <= max + slack;
}

std::optional<ValueProblem> out_of_range(const AttrSpec& attr, std::string_view value,
                                         std::string allowed) {
    return ValueProblem{
        "'" + std::string(value) + "' is out of range for attribute '" + attr.name + "'",
        "allowed: " + std::move(allowed)};
}

// One length of the attribute (absolute, percentage or share).
std::optional<ValueProblem> check_one(const AttrSpec& attr, std::string_view value,
                                      const Length& length, const LengthRange& range) {
    switch (length.unit) {
        case Length::Unit::Percent:
            if (within(length.value, range.min_percent, range.max_percent)) return std::nullopt;
            return out_of_range(attr, value,
                                range_text(range.min_percent, range.max_percent, length.unit));
        case Length::Unit::Fraction:
            if (length.value > 0 && length.value <= 1000) return std::nullopt;
            return out_of_range(attr, value, "a share larger than 0fr, up to 1000fr");
        default:
            break;
    }
    if (within(length.to_pt(), range.min_pt, range.max_pt)) return std::nullopt;
    return out_of_range(attr, value,
                        range_text(in_unit(range.min_pt, length.unit),
                                   in_unit(range.max_pt, length.unit), length.unit));
}

}  // namespace

LengthRange length_range(const AttrSpec& attr) {
    LengthRange range;
    if (attr.type == AttrType::PageSize) range.min_pt = kSmallestPagePt;
    if (attr.min < attr.max) {
        range.min_pt = attr.min;
        range.max_pt = attr.max;
    }
    range.min_percent = attr.min_percent;
    range.max_percent = attr.max_percent;
    return range;
}

std::optional<ValueProblem> check_length_range(const AttrSpec& attr, std::string_view value) {
    const LengthRange range = length_range(attr);
    switch (attr.type) {
        case AttrType::Length:
        case AttrType::LengthOrPercent:
        case AttrType::Extent:
            if (auto length = parse_length(value)) return check_one(attr, value, *length, range);
            return std::nullopt;
        case AttrType::Lengths:
            if (auto lengths = parse_box_lengths(value)) {
                for (const Length& length : *lengths)
                    if (auto problem = check_one(attr, value, length, range)) return problem;
            }
            return std::nullopt;
        case AttrType::PageSize:
            if (auto size = parse_page_size(value)) {
                for (const Length& length : {size->width, size->height})
                    if (auto problem = check_one(attr, value, length, range)) return problem;
            }
            return std::nullopt;
        case AttrType::LineHeight:
            if (auto height = parse_line_height(value)) {
                if (const auto* length = std::get_if<Length>(&*height))
                    return check_one(attr, value, *length, range);
                if (!within(std::get<double>(*height), 0.1, 10))
                    return out_of_range(attr, value,
                                        "a multiple of the size from 0.1 to 10, or a length");
            }
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

}  // namespace dw::layout

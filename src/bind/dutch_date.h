#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dw::bind {

struct CalendarDate {
    int year = 0, month = 0, day = 0;
};

// Accepts ISO dates ("2024-11-12") and Dutch numeric dates ("12-11-2024"); checks the calendar.
std::optional<CalendarDate> parse_date(std::string_view text);

std::string dutch_long_date(const CalendarDate& d);   // "12 november 2024"
std::string dutch_short_date(const CalendarDate& d);  // "12-11-2024"
std::string iso_date(const CalendarDate& d);          // "2024-11-12"

}  // namespace dw::bind

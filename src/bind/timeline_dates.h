#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "bind/box.h"
#include "bind/dutch_date.h"

// Calendar arithmetic for <timeline>: dates become day numbers so that typeset/ maps them to x
// with plain arithmetic, and the tick marks are computed here, where the Dutch month names are.
namespace dw::bind {

// Days since 1970-01-01 (negative before), proleptic Gregorian calendar.
int day_number(const CalendarDate& date);
CalendarDate calendar_date(int day);

// A date as written in the data: a day ("2024-11-12", "12-11-2024") or a whole month ("2025-05").
struct DateSpan {
    int first = 0, last = 0;  // equal for a day
    bool is_month() const { return last > first; }
};
std::optional<DateSpan> parse_date_span(std::string_view text);

// A tick on the first day of every `step_months`-th month (counted from January, so quarters fall
// on January, April, July and October) within [first, last]. The first tick and every January
// tick carry the year.
std::vector<TimelineTick> month_ticks(int first, int last, int step_months);

}  // namespace dw::bind

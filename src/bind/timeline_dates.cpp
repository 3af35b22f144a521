#include "bind/timeline_dates.h"

#include <array>
#include <charconv>

namespace dw::bind {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days before the first of each month in a common year.
constexpr std::array<int, 12> kDaysBefore{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

// Days from 0001-01-01 to January 1 of `year`.
int days_before_year(int year) {
    int y = year - 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}

const int kEpoch = days_before_year(1970);

}  // namespace

int day_number(const CalendarDate& date) {
    int leap_day = date.month > 2 && is_leap(date.year) ? 1 : 0;
    return days_before_year(date.year) + kDaysBefore[size_t(date.month - 1)] + leap_day +
           date.day - 1 - kEpoch;
}

CalendarDate calendar_date(int day) {
    int absolute = day + kEpoch;  // days since 0001-01-01
    int year = absolute / 366 + 1;  // an underestimate: step forward to the right year
    while (days_before_year(year + 1) <= absolute) ++year;
    int day_of_year = absolute - days_before_year(year);
    int month = 12;
    while (month > 1 && kDaysBefore[size_t(month - 1)] + (month > 2 && is_leap(year) ? 1 : 0) > day_of_year)
        --month;
    int before = kDaysBefore[size_t(month - 1)] + (month > 2 && is_leap(year) ? 1 : 0);
    return {year, month, day_of_year - before + 1};
}

static int last_day_of_month(int year, int month) {
    CalendarDate next = month == 12 ? CalendarDate{year + 1, 1, 1} : CalendarDate{year, month + 1, 1};
    return day_number(next) - 1;
}

std::optional<DateSpan> parse_date_span(std::string_view text) {
    if (auto day = parse_date(text)) {
        int n = day_number(*day);
        return DateSpan{n, n};
    }
    // YYYY-MM: exactly four digits, a dash, one or two digits.
    size_t dash = text.find('-');
    if (dash != 4 || text.size() < 6 || text.size() > 7) return std::nullopt;
    int year = 0, month = 0;
    auto [y_end, y_err] = std::from_chars(text.data(), text.data() + 4, year);
    auto [m_end, m_err] = std::from_chars(text.data() + 5, text.data() + text.size(), month);
    if (y_err != std::errc() || m_err != std::errc() || y_end != text.data() + 4 ||
        m_end != text.data() + text.size() || year < 1 || month < 1 || month > 12)
        return std::nullopt;
    return DateSpan{day_number({year, month, 1}), last_day_of_month(year, month)};
}

std::vector<TimelineTick> month_ticks(int first, int last, int step_months) {
    static constexpr std::array<const char*, 12> names{"jan", "feb", "mrt", "apr", "mei", "jun",
                                                       "jul", "aug", "sep", "okt", "nov", "dec"};
    std::vector<TimelineTick> ticks;
    CalendarDate start = calendar_date(first);
    int month = start.month, year = start.year;
    if (start.day != 1) ++month;  // the first whole month
    while ((month - 1) % step_months != 0) ++month;
    for (;; month += step_months) {
        while (month > 12) {
            month -= 12;
            ++year;
        }
        int day = day_number({year, month, 1});
        if (day > last) break;
        TimelineTick tick{day, names[size_t(month - 1)], ""};
        if (ticks.empty() || month == 1) tick.year = std::to_string(year);
        ticks.push_back(tick);
    }
    return ticks;
}

}  // namespace dw::bind

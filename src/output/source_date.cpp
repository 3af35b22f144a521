#include "output/source_date.h"

#include <charconv>
#include <cstdlib>
#include <ctime>

namespace dw::output {

std::optional<std::string> iso_date_from_epoch(std::string_view seconds) {
    long long value = 0;
    auto [end, ec] = std::from_chars(seconds.data(), seconds.data() + seconds.size(), value);
    // Up to year 9999: Cairo and PDF dates have four year digits.
    constexpr long long last_second_of_9999 = 253402300799;
    if (ec != std::errc() || end != seconds.data() + seconds.size() || value < 0 ||
        value > last_second_of_9999) {
        return std::nullopt;
    }
    std::time_t t = static_cast<std::time_t>(value);
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return std::nullopt;
    char buf[32];
    if (std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) return std::nullopt;
    return std::string(buf);
}

std::string source_date_epoch(Diagnostics& diag) {
    const char* env = std::getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env) return {};
    if (std::optional<std::string> date = iso_date_from_epoch(env)) return *date;
    diag.warning(
        {}, std::string("SOURCE_DATE_EPOCH='") + env + "' is not a number of seconds; " + "ignored",
        "set it to e.g. $(git log -1 --format=%ct)");
    return {};
}

}  // namespace dw::output

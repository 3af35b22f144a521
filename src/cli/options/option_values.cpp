#include "cli/options/option_values.h"

#include <charconv>
#include <cmath>

namespace dw::cli {

bool parse_number(const std::string& text, double& out) {
    auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), out);
    return err == std::errc() && end == text.data() + text.size();
}

std::optional<int> parse_whole_number(const std::string& text, int min, int max) {
    double n = 0;
    if (!parse_number(text, n) || n < min || n > max || n != double(int(n))) return std::nullopt;
    return int(n);
}

bool parse_pages(const std::string& text, std::vector<int>& out) {
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t comma = text.find(',', pos);
        std::string part =
            text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        size_t dash = part.find('-');
        double first = 0, last = 0;
        if (!parse_number(part.substr(0, dash), first)) return false;
        last = first;
        if (dash != std::string::npos && !parse_number(part.substr(dash + 1), last)) return false;
        // No document has more pages than this; a range beyond it would only fill memory.
        constexpr double kMostPages = 100'000;
        if (first < 1 || last < first || last > kMostPages) return false;
        for (int p = int(first); p <= int(last); ++p) out.push_back(p);
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return true;
}

bool parse_permissions(const std::string& text, Options& o) {
    size_t pos = 0;
    while (true) {
        const size_t comma = text.find(',', pos);
        const std::string part =
            text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (part == "no-print")
            o.deny_print = true;
        else if (part == "no-copy")
            o.deny_copy = true;
        else if (part == "no-modify")
            o.deny_modify = true;
        else if (part == "no-annotate")
            o.deny_annotate = true;
        else
            return false;
        if (comma == std::string::npos) return true;
        pos = comma + 1;
    }
}

std::optional<std::pair<double, double>> parse_back_offset(const std::string& text) {
    const size_t comma = text.find(',');
    double x = 0, y = 0;
    if (comma == std::string::npos || !parse_number(text.substr(0, comma), x) ||
        !parse_number(text.substr(comma + 1), y) || std::abs(x) > 50 || std::abs(y) > 50)
        return std::nullopt;
    return std::make_pair(x, y);
}

}  // namespace dw::cli

#include "typeset/table_widths.h"

#include <algorithm>

namespace dw::typeset {

std::vector<double> table_column_widths(const std::vector<ColumnNeed>& columns, double available,
                                        bool stretch) {
    std::vector<double> widths(columns.size(), 0);
    double rest = available, sum_min = 0, sum_max = 0;
    size_t automatic = 0;
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].given) {
            widths[i] = std::max(0.0, *columns[i].given);
            rest -= widths[i];
        } else {
            sum_min += columns[i].min;
            sum_max += std::max(columns[i].min, columns[i].max);
            ++automatic;
        }
    }
    if (automatic == 0) return widths;
    rest = std::max(0.0, rest);
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].given) continue;
        const double min = columns[i].min, max = std::max(min, columns[i].max);
        if (sum_max <= rest) {
            double extra = 0;
            if (stretch)
                extra = sum_max > 0 ? (rest - sum_max) * max / sum_max : (rest - sum_max) / double(automatic);
            widths[i] = max + extra;
        } else if (sum_min >= rest) {
            widths[i] = sum_min > 0 ? min * rest / sum_min : rest / double(automatic);
        } else {
            widths[i] = min + (max - min) * (rest - sum_min) / (sum_max - sum_min);
        }
    }
    return widths;
}

}  // namespace dw::typeset

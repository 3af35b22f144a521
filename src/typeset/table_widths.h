#pragma once
#include <optional>
#include <vector>

namespace dw::typeset {

// What a table column needs: the widest min-content and max-content width of its cells
// (padding included), or a width the layout gives.
struct ColumnNeed {
    double min = 0, max = 0;
    std::optional<double> given;
};

// Column widths as HTML's automatic table layout chooses them. Given widths are kept; the other
// columns share what is left: each gets its max-content width when all fit, else its
// min-content width plus a share of the rest in proportion to (max - min). When even the
// min-content widths do not fit they are scaled down (the text breaks inside words). With
// `stretch`, columns widen in proportion to their max-content width until the table is
// `available` wide.
std::vector<double> table_column_widths(const std::vector<ColumnNeed>& columns, double available,
                                        bool stretch);

}  // namespace dw::typeset

#pragma once
#include <optional>
#include <string>
#include <vector>

#include "data/value.h"
#include "diag/diagnostics.h"

namespace dw::data {

// One data file of a collection: its path and its (validated) data, a map.
struct CollectionFile {
    std::string path;
    Value data;
};

// The files ordered by their `date` (YYYY-MM-DD), ties by path. A file without a date is an
// error in that file; nullopt then.
std::optional<std::vector<CollectionFile>> order_by_date(std::vector<CollectionFile> files,
                                                         Diagnostics& diags);

// The map a collection layout binds (layout/collection_decl.h describes its fields) from files
// in date order. Actions (each file's `actions`: number, what, who, due, status) are matched
// across files by `number`: raised in the first file that lists one, closed in the first that
// marks it done after it was last open; its latest fields win. The same number with another
// `what` is a warning at the later file's line. An action without a number cannot be matched:
// a warning at its line, and it stands on its own, raised (and closed, when done) in its file.
Value meeting_series(const std::vector<CollectionFile>& files, const std::string& collection,
                     Diagnostics& diags);

}  // namespace dw::data

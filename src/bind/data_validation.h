#pragma once
#include <string>

#include "data/value.h"
#include "diag/diagnostics.h"
#include "layout/layout.h"

namespace dw::bind {

struct ValidationOptions {
    bool strict = false;    // keys the layout does not declare are errors, not warnings
    std::string data_file;  // named by messages about the file as a whole (an empty file)
};

// A data file of another kind than the layout declares (a CSV for the minutes) is one error
// that says what the layout takes. True when the layout declares nothing.
bool check_data_format(const std::string& path, const layout::Layout& layout, Diagnostics& diags);

// Checks the data against the layout's <data> declaration, before binding, so that every
// problem is reported at the data file's line:col and named by its path
// (attendees[3].organisation, counting from 1); fills in what optional fields leave out (their
// default, else empty), so that binding may assume the declared shape. A CSV row with errors is
// left out of the list. Does nothing when the layout declares no data. False on errors.
bool validate_data(data::Value& data, const layout::Layout& layout,
                   const ValidationOptions& options, Diagnostics& diags);

}  // namespace dw::bind

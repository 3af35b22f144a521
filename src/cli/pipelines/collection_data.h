#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/options/options.h"
#include "data/value.h"
#include "diag/diagnostics.h"
#include "layout/layout.h"

namespace dw::cli {

// Reads one data file for a layout (Markdown, YAML or CSV by its extension).
using DataLoader = std::optional<data::Value> (*)(const std::string& path,
                                                  const layout::Layout& layout,
                                                  data::TextEncoding encoding, Diagnostics& diags);

// The DATA files of a render or check: the collection's, else the one.
std::vector<std::string> data_files(const Options& options);

// The data of a layout that takes a collection (layout/collection_decl.h): every file read and
// validated against the files' layout (errors in that file), ordered by date, then made into
// the series binding sees (data/meeting_series.h). nullopt when any file has an error.
std::optional<data::Value> load_collection(const Options& options, const layout::Layout& layout,
                                           DataLoader load, Diagnostics& diags);

}  // namespace dw::cli

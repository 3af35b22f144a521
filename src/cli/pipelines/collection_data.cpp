#include "cli/pipelines/collection_data.h"

#include "bind/data_validation.h"
#include "data/meeting_series.h"

namespace dw::cli {

std::vector<std::string> data_files(const Options& options) {
    if (!options.collection.empty()) return options.collection;
    return {options.data};
}

std::optional<data::Value> load_collection(const Options& options, const layout::Layout& layout,
                                           DataLoader load, Diagnostics& diags) {
    const layout::Layout& files_layout = *layout.collection_files;
    std::vector<data::CollectionFile> files;
    bool ok = true;
    for (const auto& path : data_files(options)) {
        if (!bind::check_data_format(path, files_layout, diags)) {
            ok = false;
            continue;
        }
        std::optional<data::Value> value = load(path, files_layout, options.encoding, diags);
        bind::ValidationOptions checks;
        checks.strict = options.strict;
        checks.data_file = path;
        if (!value || !bind::validate_data(*value, files_layout, checks, diags)) {
            ok = false;
            continue;
        }
        files.push_back({path, std::move(*value)});
    }
    if (!ok) return std::nullopt;
    auto ordered = data::order_by_date(std::move(files), diags);
    if (!ordered) return std::nullopt;
    return data::meeting_series(*ordered, layout.collection, diags);
}

}  // namespace dw::cli

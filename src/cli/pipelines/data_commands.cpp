#include "cli/pipelines/data_commands.h"

#include <filesystem>
#include <ostream>

#include "layout/data_export.h"
#include "layout/layout_reader.h"
#include "output/atomic_file.h"

namespace dw::cli {
namespace {

// The layout, when it declares its data.
std::optional<layout::Layout> declaring_layout(const std::string& path, Diagnostics& diags) {
    std::optional<layout::Layout> layout = layout::load_layout(path, diags);
    if (!layout) return std::nullopt;
    if (!layout->data.declared) {
        diags.error({path, 0, 0}, "the layout declares no <data>",
                    "declare the fields it takes in <data> (see docs/layout-reference.md)");
        return std::nullopt;
    }
    return layout;
}

// What one data file holds: for a layout that takes a collection, the data of its files'
// layout (a new meeting for the action list is new minutes).
const layout::Layout& one_file(const layout::Layout& layout) {
    return layout.collection_files ? *layout.collection_files : layout;
}

}  // namespace

int run_new(const Options& options, Diagnostics& diags) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(options.output, ec)) {
        diags.error({options.output, 0, 0}, "the file exists already",
                    "drukwerk new never replaces a file; choose another name");
        return kUsageError;
    }
    std::optional<layout::Layout> declaring = declaring_layout(options.layout, diags);
    if (!declaring) return kInputError;
    const layout::Layout* layout = &one_file(*declaring);
    layout::DataFormat format;
    if (!layout::data_format_of_file(options.output, format) ||
        format != layout->data.document.format) {
        diags.error({options.output, 0, 0},
                    "the layout takes " +
                        std::string(layout::data_format_name(layout->data.document.format)),
                    "give the new file that extension");
        return kUsageError;
    }
    if (!output::write_file_atomically(options.output, layout::data_starter_file(*layout), diags))
        return kIoError;
    return kOk;
}

int run_data_schema(const Options& options, std::ostream& out, Diagnostics& diags) {
    std::optional<layout::Layout> layout = declaring_layout(options.layout, diags);
    if (!layout) return kInputError;
    out << (options.schema_doc ? layout::data_reference_markdown(*layout, options.layout)
                               : layout::data_json_schema(one_file(*layout)));
    return kOk;
}

}  // namespace dw::cli

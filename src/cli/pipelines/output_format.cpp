#include "cli/pipelines/output_format.h"

namespace dw::cli {

std::optional<output::Format> output_format(const Options& options) {
    switch (options.format) {
        case FormatChoice::Pdf:
            return output::Format::Pdf;
        case FormatChoice::Png:
            return output::Format::Png;
        case FormatChoice::Svg:
            return output::Format::Svg;
        case FormatChoice::FromExtension:
            break;
    }
    if (options.output == "-") return output::Format::Pdf;
    return output::format_from_extension(options.output);
}

}  // namespace dw::cli

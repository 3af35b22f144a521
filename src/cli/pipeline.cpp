#include "cli/pipeline.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "bind/binder.h"
#include "data/markdown_loader.h"
#include "data/yaml_loader.h"
#include "layout/layout_reader.h"
#include "output/render_output.h"
#include "output/source_date.h"
#include "typeset/font_system.h"
#include "typeset/hyphenator.h"
#include "typeset/typesetter.h"

namespace dw::cli {
namespace {

namespace fs = std::filesystem;

// Bundled resources: $DRUKWERK_FONTS, else fonts/ of the source tree the binary was built from.
std::string fonts_directory() {
    if (const char* env = std::getenv("DRUKWERK_FONTS"); env && *env) return env;
    return std::string(DRUKWERK_SOURCE_ROOT) + "/fonts";
}

bool readable_file(const std::string& path, const char* what, Diagnostics& diags) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return true;
    diags.error({path, 0, 0}, std::string(what) + " file not found",
                fs::exists(path, ec) ? "it is not a regular file" : "check the path");
    return false;
}

std::optional<data::Value> load_data(const std::string& path, const layout::Layout& layout,
                                     Diagnostics& diags) {
    std::string ext = fs::path(path).extension().string();
    if (ext == ".yaml" || ext == ".yml") return data::load_yaml_file(path, diags);
    if (ext != ".md" && ext != ".markdown") {
        diags.error({path, 0, 0}, "unknown data format '" + ext + "'",
                    "data files are Markdown (.md) or YAML (.yaml, .yml)");
        return std::nullopt;
    }
    std::vector<std::string> components;
    for (const auto& [name, node] : layout.components) components.push_back(name);
    return data::load_markdown_file(path, components, diags);
}

// PDF dates: SOURCE_DATE_EPOCH when set (reproducible builds), else the data's own date.
std::string document_date(const std::string& data_date, Diagnostics& diags) {
    std::string epoch = output::source_date_epoch(diags);
    if (!epoch.empty()) return epoch;
    if (data_date.size() == 10) return data_date + "T00:00:00Z";
    return "2000-01-01T00:00:00Z";
}

}  // namespace

std::optional<typeset::Document> build_document(const Options& options, Diagnostics& diags,
                                                int& exit_code) {
    exit_code = kIoError;
    if (!readable_file(options.layout, "layout", diags) || !readable_file(options.data, "data", diags))
        return std::nullopt;
    exit_code = kInputError;
    auto layout = layout::load_layout(options.layout, diags);
    if (!layout) return std::nullopt;
    typeset::Hyphenator hyphenator;
    for (const auto& [name, style] : layout->styles)
        if (typeset::Hyphenator::supports(style.hyphenate)) {
            hyphenator.preload();
            break;
        }
    auto data = load_data(options.data, *layout, diags);
    if (!data || diags.has_errors()) return std::nullopt;

    auto boxes = bind::bind_document(*layout, *data, diags);
    if (!boxes || diags.has_errors()) return std::nullopt;

    auto fonts = typeset::FontSystem::create(fonts_directory(), diags);
    if (!fonts) return std::nullopt;
    typeset::Document doc = typeset::typeset_document(*boxes, *fonts, hyphenator, diags);
    if (diags.has_errors()) return std::nullopt;
    doc.metadata.date = document_date(boxes->metadata.date, diags);
    exit_code = kOk;
    return doc;
}

int run_check(const Options& options, Diagnostics& diags) {
    int exit_code = kOk;
    build_document(options, diags, exit_code);
    return exit_code;
}

int run_render(const Options& options, Diagnostics& diags) {
    int exit_code = kOk;
    auto doc = build_document(options, diags, exit_code);
    if (!doc) return exit_code;
    std::optional<output::Format> format = output::format_from_extension(
        options.format.empty() ? options.output : "." + options.format);
    if (!format) {
        diags.error({options.output, 0, 0}, "cannot tell the output format from the file name",
                    "use a .pdf, .png or .svg extension, or --format");
        return kUsageError;
    }
    output::OutputOptions out_options;
    out_options.dpi = options.dpi;
    out_options.pages = options.pages;
    if (options.backend == "haru") out_options.backend = output::PdfBackend::Haru;
    out_options.pdfa = options.pdf_standard == "a-1b";
    if (options.restrict_permissions) {
        paint::Permissions& p = out_options.permissions.emplace();
        p.print = !options.deny_print;
        p.copy = !options.deny_copy;
        p.modify = !options.deny_modify;
        p.annotate = !options.deny_annotate;
    }
    out_options.owner_password = options.owner_password;
    if (!output::write_document(*doc, *format, options.output, out_options, diags)) return kIoError;
    return kOk;
}

}  // namespace dw::cli

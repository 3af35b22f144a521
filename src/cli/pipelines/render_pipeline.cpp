#include "cli/pipelines/render_pipeline.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

#include "batch/build.h"
#include "batch/job_report.h"
#include "bind/binder.h"
#include "bind/email_binder.h"
#include "bind/data_validation.h"
#include "cli/pipelines/card_pipeline.h"
#include "cli/pipelines/collection_data.h"
#include "cli/pipelines/confinement.h"
#include "cli/pipelines/output_format.h"
#include "data/csv_loader.h"
#include "data/markdown_loader.h"
#include "data/path_guard.h"
#include "data/yaml_loader.h"
#include "diag/executor.h"
#include "diag/phase_clock.h"
#include "diag/program_location.h"
#include "diag/suggest.h"
#include "layout/image_alt_check.h"
#include "layout/layout_reader.h"
#include "output/atomic_file.h"
#include "output/background_pdf.h"
#include "output/module_loader.h"
#include "output/render_output.h"
#include "output/source_date.h"
#include "paint/svg_library.h"
#include "typeset/font_system.h"
#include "typeset/hyphenator.h"
#include "typeset/typesetter.h"

namespace dw::cli {
namespace {

namespace fs = std::filesystem;

// Bundled fonts: $DRUKWERK_FONTS, else the installed share/drukwerk/fonts beside the program,
// else (a program run from its build tree) fonts/ of the source tree it was built from.
std::string fonts_directory() {
    if (const char* env = std::getenv("DRUKWERK_FONTS"); env && *env) return env;
    if (auto installed = folder_beside_program(DRUKWERK_FONTS_FROM_PROGRAM)) return *installed;
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
                                     data::TextEncoding encoding, Diagnostics& diags) {
    std::string ext = fs::path(path).extension().string();
    if (ext == ".yaml" || ext == ".yml") return data::load_yaml_file(path, diags, encoding);
    if (ext == ".csv") return data::load_csv_file(path, diags, encoding);
    if (ext != ".md" && ext != ".markdown") {
        diags.error({path, 0, 0}, "unknown data format '" + ext + "'",
                    "data files are Markdown (.md), YAML (.yaml, .yml) or CSV (.csv)");
        return std::nullopt;
    }
    std::vector<std::string> components;
    for (const auto& [name, node] : layout.components) components.push_back(name);
    return data::load_markdown_file(path, components, diags, encoding);
}

// PDF dates: SOURCE_DATE_EPOCH when set (reproducible builds), else the data's own date.
std::string document_date(const std::string& data_date, Diagnostics& diags) {
    std::string epoch = output::source_date_epoch(diags);
    if (!epoch.empty()) return epoch;
    if (data_date.size() == 10) return data_date + "T00:00:00Z";
    return "2000-01-01T00:00:00Z";
}

// What a job read besides its data and layout: the fonts and images its pages use.
void add_files_read(const std::vector<typeset::FontFace>& fonts, const typeset::Page& page,
                    std::set<std::string>& files) {
    for (const auto& font : fonts) files.insert(font.file);
    for (const auto& item : page.items) {
        if (auto* image = std::get_if<typeset::Image>(&item)) files.insert(image->file);
    }
}

// For `drukwerk build`: every file the job read (its key for incremental builds) and wrote.
void write_build_report(const Options& options, int page_count, std::set<std::string> inputs,
                        output::Format format, Diagnostics& diags) {
    batch::JobReport report;
    report.pages = page_count;
    for (const auto& data : data_files(options))
        inputs.insert(fs::absolute(data).lexically_normal().string());
    inputs.insert(fs::absolute(options.layout).lexically_normal().string());
    report.inputs.assign(inputs.begin(), inputs.end());
    std::vector<int> pages = options.pages;
    if (pages.empty()) {
        for (int p = 1; p <= report.pages; ++p) pages.push_back(p);
    }
    for (const auto& name : output::output_file_names(options.output, format, pages))
        report.outputs.push_back(fs::absolute(name).lexically_normal().string());
    output::write_file_atomically(options.build_report, batch::format_job_report(report), diags);
}

void write_build_report(const Options& options, const typeset::Document& doc, output::Format format,
                        const layout::Layout& layout, Diagnostics& diags) {
    std::set<std::string> files;
    // A collection's files are checked against their own layout: a change there counts too.
    if (layout.collection_files)
        files.insert(fs::absolute(layout.collection_files->file).lexically_normal().string());
    for (const auto& font : doc.fonts) files.insert(font.file);
    for (const auto& page : doc.pages) add_files_read({}, page, files);
    write_build_report(options, int(doc.pages.size()), std::move(files), format, diags);
}

// A card deck's pages painted into a PDF as they come, as a task of the run's executor while the
// next cards are typeset (see output/background_pdf.h); the cards of the first sheet are previewed
// to it while they are typeset, so that its fonts, glyphs and images are loaded when the sheet
// comes. The file is opened with the first card without errors, so a deck whose errors are
// found before touches no file. Pages with images outside the confinement are reported and not
// painted; the output is then dropped.
class PdfPageSink final : public PageSink {
public:
    PdfPageSink(const Options& options, typeset::Metadata metadata, Diagnostics& diags,
                Executor* executor)
        : options_(options), metadata_(std::move(metadata)), diags_(diags), executor_(executor) {}

    void add(typeset::Page&& page, const std::vector<typeset::FontFace>& fonts) override {
        if (!check_confined_images(page, options_.confine, diags_, confinement_errors_)) return;
        if (!pdf_) pdf_.emplace(options_.output, metadata_, diags_, executor_);
        add_files_read(fonts, page, files_read_);
        pdf_->add_page(std::move(page), fonts);
    }

    void preview(const typeset::Page& face, const std::vector<typeset::FontFace>& fonts) override {
        // An image outside is reported when the face comes on a page, and never painted.
        if (!images_confined(face, options_.confine)) return;
        if (!pdf_) pdf_.emplace(options_.output, metadata_, diags_, executor_);
        pdf_->warm(typeset::Page(face), fonts);
    }

    // The exit code of the render: what writing added to the pipeline's `exit_code`.
    int finish(int exit_code) {
        if (!confinement_errors_.empty()) return kInputError;
        if (!pdf_) {
            diags_.error({options_.output, 0, 0}, "nothing to write: the document has no pages");
            return kInputError;
        }
        int pages = 0;
        if (!pdf_->commit(pages)) return kIoError;
        if (!options_.build_report.empty())
            write_build_report(options_, pages, std::move(files_read_), output::Format::Pdf,
                               diags_);
        return exit_code;
    }

private:
    const Options& options_;
    typeset::Metadata metadata_;
    Diagnostics& diags_;
    Executor* executor_;
    std::optional<output::BackgroundPdf> pdf_;
    std::set<std::string> files_read_, confinement_errors_;
};

}  // namespace

// --page-master: a variant of the layout (a4 next to a3) chosen when rendering.
static bool choose_page_master(layout::Layout& layout, const Options& options, Diagnostics& diags) {
    if (layout.page_masters.count(options.page_master)) {
        layout::start_on_page_master(layout, options.page_master);
        return true;
    }
    std::vector<std::string> names;
    for (const auto& [name, master] : layout.page_masters) names.push_back(name);
    std::string hint = suggestion_hint(options.page_master, names);
    if (hint.empty()) {
        hint = "the layout has:";
        for (const auto& n : names) hint += " " + n;
    }
    diags.error({options.layout, 0, 0}, "the layout has no page master '" + options.page_master + "'",
                hint);
    return false;
}

namespace {

// Fonts the layout (<layout fonts=...>) and --font-dir add to the bundled ones, and the layout's
// order of fallback fonts.
bool add_user_fonts(const Options& options, const layout::Layout& layout, typeset::FontSystem& fonts,
                    Diagnostics& diags) {
    bool ok = true;
    if (!layout.font_dir.empty()) ok &= fonts.add_font_dir(layout.font_dir, layout.font_dir_loc, diags);
    for (const auto& dir : options.font_dirs) ok &= fonts.add_font_dir(dir, {"--font-dir"}, diags);
    return ok && fonts.prefer_fallback_fonts(layout.fallback_fonts, layout.fallback_fonts_loc, diags);
}

// The threads a render or check may use besides its own (--threads); none for one thread.
std::optional<Executor> make_executor(const Options& options) {
    const int threads = options.threads > 0 ? options.threads : available_cores();
    if (threads <= 1) return std::nullopt;
    return std::optional<Executor>(std::in_place, threads - 1);
}

// The layout and data of a job, read and checked.
struct LoadedJob {
    explicit LoadedJob(Executor* executor) : executor(executor) {}
    Executor* executor;  // the run's, or none
    std::optional<layout::Layout> layout;
    std::optional<data::Value> data;
    std::unique_ptr<typeset::FontSystem> fonts;
    typeset::Hyphenator hyphenator;  // loads its dictionary when a word is first hyphenated
};

// The data against the layout's declaration, before binding. A deck goes on with --keep-going
// (its rows with errors are left out); anything else stops at the first data error.
bool validate_job_data(const Options& options, LoadedJob& job, Diagnostics& diags) {
    bind::ValidationOptions checks;
    checks.strict = options.strict;
    checks.data_file = options.data;
    bool valid = bind::validate_data(*job.data, *job.layout, checks, diags);
    mark_phase("data checked");
    return valid || (job.layout->cards && options.keep_going);
}

// A layout that takes a collection: all of its files, or none (collection_data.h).
bool load_collection_job(const Options& options, LoadedJob& job, Diagnostics& diags, int& exit_code) {
    if (!job.layout->collection_files) {
        diags.error({options.collection[1], 0, 0}, "the layout takes one data file",
                    "'" + options.layout + "' declares no <data collection=...> to take many");
        exit_code = kUsageError;
        return false;
    }
    job.data = load_collection(options, *job.layout, load_data, diags);
    mark_phase("data read");
    return job.data && !diags.has_errors();
}

// False when the job cannot go on (reported; `exit_code` says why). A card deck with bad rows
// goes on, so that its cards are checked too.
bool load_job(const Options& options, LoadedJob& job, Diagnostics& diags, int& exit_code) {
    exit_code = kIoError;
    if (!check_confined(options.layout, "layout", options.confine, diags) ||
        !readable_file(options.layout, "layout", diags))
        return false;
    for (const auto& data : data_files(options)) {
        if (!check_confined(data, "data", options.confine, diags) ||
            !readable_file(data, "data", diags))
            return false;
    }
    exit_code = kInputError;
    mark_phase("start");
    job.fonts = typeset::FontSystem::create(fonts_directory(), diags);
    mark_phase("fonts ready");
    if (!job.fonts) return false;
    job.layout = layout::load_layout(options.layout, diags);
    mark_phase("layout read");
    if (!job.layout) return false;
    if (!add_user_fonts(options, *job.layout, *job.fonts, diags)) return false;
    layout::check_image_alt(*job.layout, options.pdf_standard == PdfStandard::Ua1, diags);
    if (!options.page_master.empty() && !choose_page_master(*job.layout, options, diags)) {
        exit_code = kUsageError;
        return false;
    }
    if (job.layout->collection_files || !options.collection.empty())
        return load_collection_job(options, job, diags, exit_code);
    if (!bind::check_data_format(options.data, *job.layout, diags)) return false;
    job.data = load_data(options.data, *job.layout, options.encoding, diags);
    mark_phase("data read");
    if (!job.data) return false;
    if (!validate_job_data(options, job, diags)) return false;
    return job.layout->cards || !diags.has_errors();
}

std::optional<typeset::Document> typeset_job(const Options& options, LoadedJob& job,
                                             Diagnostics& diags, int& exit_code) {
    const layout::Layout& layout = *job.layout;
    if (layout.cards) {
        auto doc = build_card_document(layout, *job.data, options, *job.fonts, job.hyphenator, diags,
                                       exit_code);
        if (doc && !check_confined_images(*doc, options.confine, diags)) return std::nullopt;
        if (doc) doc->metadata.date = document_date("", diags);
        return doc;
    }
    auto boxes = bind::bind_document(layout, *job.data, diags);
    mark_phase("bound");
    if (!boxes || diags.has_errors()) return std::nullopt;
    if (!check_confined_images(*boxes, options.confine, diags)) return std::nullopt;

    typeset::Document doc =
        typeset::typeset_document(*boxes, *job.fonts, job.hyphenator, diags, job.executor);
    mark_phase("typeset");
    if (diags.has_errors()) return std::nullopt;
    doc.metadata.date = document_date(boxes->metadata.date, diags);
    exit_code = kOk;
    return doc;
}

// A card deck whose PDF can be written page by page: the Cairo writer, every page. Everything
// else is collected into one document first.
bool streams_cards(const Options& options, const layout::Layout& layout,
                   std::optional<output::Format> format) {
    return layout.cards && format == output::Format::Pdf && !uses_libharu(options) &&
           options.pages.empty() && options.width_px == 0;
}

// Painting while typesetting, in one pass: checking every card before painting would typeset
// the deck twice. An error that blocks the output drops the temporary file instead.
int render_card_pdf(const Options& options, LoadedJob& job, Diagnostics& diags) {
    typeset::Metadata metadata = card_deck_metadata(*job.layout, diags);
    metadata.date = document_date("", diags);
    PdfPageSink sink(options, std::move(metadata), diags, job.executor);
    int exit_code = kInputError;
    if (!stream_card_pages(*job.layout, *job.data, options, *job.fonts, job.hyphenator, diags,
                           exit_code, sink))
        return exit_code;
    mark_phase("cards typeset");
    exit_code = sink.finish(exit_code);
    mark_phase("written");
    return exit_code;
}

// check: every page of a deck made and looked at (confinement), then dropped.
int check_card_pages(const Options& options, LoadedJob& job, Diagnostics& diags) {
    class CheckSink final : public PageSink {
    public:
        CheckSink(const Options& options, Diagnostics& diags) : options_(options), diags_(diags) {}
        void add(typeset::Page&& page, const std::vector<typeset::FontFace>&) override {
            check_confined_images(page, options_.confine, diags_, reported);
        }
        std::set<std::string> reported;

    private:
        const Options& options_;
        Diagnostics& diags_;
    } sink(options, diags);
    card_deck_metadata(*job.layout, diags);  // its expressions are checked too
    int exit_code = kInputError;
    if (!stream_card_pages(*job.layout, *job.data, options, *job.fonts, job.hyphenator, diags,
                           exit_code, sink))
        return exit_code;
    return sink.reported.empty() ? exit_code : kInputError;
}

}  // namespace

std::optional<typeset::Document> build_document(const Options& options, Diagnostics& diags,
                                                int& exit_code,
                                                std::optional<bind::BoundEmail>* email) {
    LoadedJob job(nullptr);
    if (!load_job(options, job, diags, exit_code)) return std::nullopt;
    if (email) {
        *email = bind::bind_email(*job.layout, *job.data, diags);
        if (!*email) {
            exit_code = kInputError;
            return std::nullopt;
        }
    }
    return typeset_job(options, job, diags, exit_code);
}

int run_check(const Options& options, Diagnostics& diags) {
    int exit_code = kOk;
    std::optional<Executor> executor = make_executor(options);
    LoadedJob job(executor ? &*executor : nullptr);
    if (!load_job(options, job, diags, exit_code)) return exit_code;
    if (job.layout->cards) return check_card_pages(options, job, diags);
    typeset_job(options, job, diags, exit_code);
    return exit_code;
}

// Writing the PDF over the Markdown it came from would destroy the user's work.
bool output_is_an_input(const Options& options, Diagnostics& diags) {
    std::string out = data::canonical_path(options.output);
    std::vector<std::string> inputs = data_files(options);
    inputs.push_back(options.layout);
    for (const auto& input : inputs) {
        if (data::canonical_path(input) != out) continue;
        diags.error({options.output, 0, 0}, "the output would overwrite the input '" + input + "'",
                    "choose another output file");
        return true;
    }
    return false;
}

// `-o -` is standard output: a PDF unless --format says otherwise, and for PNG or SVG one page.
bool is_standard_output(const Options& options) { return options.output == "-"; }

bool one_file_for_standard_output(const Options& options, output::Format format, size_t pages,
                                  Diagnostics& diags) {
    if (!is_standard_output(options) || format == output::Format::Pdf) return true;
    if (options.pages.size() == 1 || (options.pages.empty() && pages == 1)) return true;
    diags.error({options.output, 0, 0}, "standard output takes one PNG or SVG page",
                "choose the page with --pages N");
    return false;
}

int run_render(const Options& options, Diagnostics& diags) {
    if (output_is_an_input(options, diags)) return kUsageError;
    std::optional<output::Format> format = output_format(options);
    int exit_code = kOk;
    std::optional<Executor> executor = make_executor(options);
    LoadedJob job(executor ? &*executor : nullptr);
    if (!load_job(options, job, diags, exit_code)) return exit_code;
    if (streams_cards(options, *job.layout, format)) return render_card_pdf(options, job, diags);
    auto doc = typeset_job(options, job, diags, exit_code);
    if (!doc) return exit_code;
    if (!format) {
        diags.error({options.output, 0, 0}, "cannot tell the output format from the file name",
                    "use a .pdf, .png or .svg extension, or --format");
        return kUsageError;
    }
    output::OutputOptions out_options;
    out_options.dpi = options.dpi;
    if (options.width_px > 0) {
        if (*format != output::Format::Png) {
            diags.error({options.output, 0, 0}, "--width-px is for PNG output",
                        "write to a .png file, or use --dpi");
            return kUsageError;
        }
        // The painter rounds width × dpi / 72 to whole pixels; this dpi makes that exactly N.
        size_t first = options.pages.empty() ? 0 : size_t(options.pages.front() - 1);
        if (first < doc->pages.size()) out_options.dpi = options.width_px * 72.0 / doc->pages[first].width;
    }
    for (int page : options.pages) {  // a page the document does not have: the command line's fault
        if (page <= int(doc->pages.size())) continue;
        diags.error({options.output, 0, 0},
                    "--pages " + std::to_string(page) + ": the document has " +
                        std::to_string(doc->pages.size()) + " page" + (doc->pages.size() == 1 ? "" : "s"),
                    "choose pages from 1 to " + std::to_string(doc->pages.size()));
        return kUsageError;
    }
    if (!one_file_for_standard_output(options, *format, doc->pages.size(), diags)) return kUsageError;
    out_options.pages = options.pages;
    if (options.backend == PdfWriter::Haru) out_options.backend = output::PdfBackend::Haru;
    out_options.pdfa = options.pdf_standard == PdfStandard::A1b;
    if (options.restrict_permissions) {
        paint::Permissions& p = out_options.permissions.emplace();
        p.print = !options.deny_print;
        p.copy = !options.deny_copy;
        p.modify = !options.deny_modify;
        p.annotate = !options.deny_annotate;
    }
    out_options.owner_password = options.owner_password;
    out_options.executor = job.executor;
    if (!output::write_document(*doc, *format, options.output, out_options, diags)) return kIoError;
    mark_phase("written");
    if (!options.build_report.empty()) write_build_report(options, *doc, *format, *job.layout, diags);
    return exit_code;  // kInputError when --keep-going left out cards with errors
}

int run_build_command(const Options& options) {
    batch::BuildOptions build;
    build.manifest = options.manifest;
    build.only = options.jobs;
    build.workers = options.workers;
    build.list = options.list;
    build.force = options.force;
    build.watch = options.watch;
    return batch::run_build(build, program_path().string(), std::cout, std::cerr);
}

}  // namespace dw::cli

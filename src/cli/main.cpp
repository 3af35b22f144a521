// drukwerk: structured data + XML layout → branded, print-ready PDF (and PNG / SVG).
#include <iostream>

#include "cli/options/option_parser.h"
#include "cli/pipelines/data_commands.h"
#include "cli/pipelines/email_bundle.h"
#include "cli/pipelines/render_pipeline.h"
#include "cli/process/huge_page_heap.h"
#include "diag/phase_clock.h"
#include "layout/reference_doc.h"

int main(int argc, char** argv) {
    using namespace dw::cli;
    back_heap_with_huge_pages();
    std::string error;
    auto options = parse_options(argc, argv, error);
    if (!options) {
        std::cerr << "drukwerk: error: " << error << "\nrun 'drukwerk --help' for the usage\n";
        return kUsageError;
    }
    if (options->help) {
        std::cout << usage_text();
        return kOk;
    }
    if (options->version) {
        std::cout << "drukwerk " << DRUKWERK_VERSION << "\n";
        return kOk;
    }
    if (options->command == Command::Build) return run_build_command(*options);
    if (options->command == Command::Schema && !options->schema_data) {
        std::cout << dw::layout::layout_reference_markdown();
        return kOk;
    }
    if (options->command == Command::Schema || options->command == Command::New) {
        dw::Diagnostics diags;
        int code = options->command == Command::New ? run_new(*options, diags)
                                                    : run_data_schema(*options, std::cout, diags);
        diags.print(std::cerr);
        return code;
    }
    dw::mark_phase("main");
    dw::Diagnostics diags;
    int code = options->command == Command::Check ? run_check(*options, diags)
               : !options->email_bundle.empty()   ? run_email_bundle(*options, diags)
                                                  : run_render(*options, diags);
    diags.print(std::cerr);
    if (code == kOk && diags.has_errors()) code = kInputError;
    return code;
}

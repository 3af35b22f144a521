#include "cli/options/option_table.h"

#include <array>

namespace dw::cli {
namespace {

using enum OptionId;

constexpr std::array kOptions = {
    OptionSpec{Help, "--help", "-h", "", kAllCommands, "print this help"},
    OptionSpec{Version, "--version", "", "", kAllCommands, "print the version"},
    OptionSpec{Layout, "--layout", "-l", "LAYOUT", kJobCommands,
               "the layout (XML) to set the data in"},
    OptionSpec{Output, "-o", "--output", "OUTPUT", kJobCommands | kNewBit,
               "the file to write; '-' is standard output"},
    OptionSpec{Format, "--format", "", "pdf|png|svg", kJobCommands,
               "the output format, instead of OUTPUT's extension"},
    OptionSpec{Dpi, "--dpi", "", "N", kJobCommands, "PNG resolution, from 10 to 2400 (default 96)"},
    OptionSpec{WidthPx, "--width-px", "", "N", kJobCommands,
               "PNG only: scale the page to N pixels wide, instead of --dpi"},
    OptionSpec{Pages, "--pages", "", "LIST", kJobCommands, "only these pages, e.g. 1,3-4"},
    OptionSpec{PageMaster, "--page-master", "", "NAME", kJobCommands,
               "start on this page master of the layout (e.g. a4 beside a3)"},
    OptionSpec{Backend, "--backend", "", "cairo|haru", kJobCommands,
               "the PDF writer (default cairo)"},
    OptionSpec{PdfStandard, "--pdf-standard", "", "a-1b|ua-1", kJobCommands,
               "a-1b: archival PDF/A-1b (libharu); ua-1: images need alt text"},
    OptionSpec{Permissions, "--permissions", "", "no-print,no-copy,no-modify,no-annotate",
               kJobCommands, "a PDF readers open freely but restrict (RC4: not secret; libharu)"},
    OptionSpec{OwnerPassword, "--owner-password", "", "PASSWORD", kJobCommands,
               "the owner password of a --permissions PDF"},
    OptionSpec{Threads, "--threads", "", "N", kJobCommands,
               "threads the run may use, its own included (default: the cores)"},
    OptionSpec{EmailBundle, "--email-bundle", "", "DIR", kJobCommands,
               "write a mail's files: the PDF, the phone PDF and PNG, index.html"},
    OptionSpec{Encoding, "--encoding", "", "utf-8|windows-1252|utf-16", kJobCommands,
               "the data's encoding (default: a BOM, else UTF-8, else Windows-1252)"},
    OptionSpec{FontDir, "--font-dir", "", "DIR", kJobCommands,
               "add the fonts in DIR to the bundled ones (repeatable)"},
    OptionSpec{Strict, "--strict", "", "", kJobCommands,
               "data fields the layout does not declare are errors, not warnings"},
    OptionSpec{Where, "--where", "", "FIELD=VALUE", kJobCommands,
               "card decks: only the cards that match (or FIELD!=VALUE)"},
    OptionSpec{Sort, "--sort", "", "FIELD", kJobCommands, "card decks: sort the cards by FIELD"},
    OptionSpec{KeepGoing, "--keep-going", "", "", kJobCommands,
               "card decks: write the cards without errors (still exit 1)"},
    OptionSpec{Mode, "--mode", "", "sheets|print-shop|cards", kJobCommands,
               "card decks: on the layout's <sheet>, one face per page, or cut to size"},
    OptionSpec{Faces, "--faces", "", "both|fronts|backs", kJobCommands,
               "card decks: which faces to write"},
    OptionSpec{Calibration, "--calibration", "", "", kJobCommands,
               "card sheets: start with the duplex calibration sheet pair"},
    OptionSpec{BackOffset, "--back-offset", "", "X,Y", kJobCommands,
               "card sheets: move the backs by X,Y mm (not the layout's offset)"},
    OptionSpec{BuildReport, "--build-report", "", "FILE", kJobCommands,
               "(build's workers) report the files read and written"},
    OptionSpec{Confine, "--confine", "", "DIR", kJobCommands,
               "(build's workers) read files only inside DIR (repeatable)"},
    OptionSpec{Workers, "-j", "--jobs", "N", kBuildBit,
               "worker processes, from 1 to 256 (default: the cores)"},
    OptionSpec{Force, "--force", "", "", kBuildBit, "render every job, changed or not"},
    OptionSpec{List, "--list", "", "", kBuildBit, "list the jobs and whether they are up to date"},
    OptionSpec{Watch, "--watch", "", "", kBuildBit, "render again whenever an input changes"},
    OptionSpec{SchemaData, "--data", "", "LAYOUT", kSchemaBit,
               "the JSON Schema of the layout's data"},
    OptionSpec{SchemaDataDoc, "--data-doc", "", "LAYOUT", kSchemaBit,
               "the fields of the layout's data (Markdown)"},
};

}  // namespace

std::span<const OptionSpec> option_table() { return kOptions; }

const OptionSpec* find_option(std::string_view arg) {
    for (const OptionSpec& spec : kOptions)
        if (arg == spec.name || (!spec.alias.empty() && arg == spec.alias)) return &spec;
    return nullptr;
}

}  // namespace dw::cli

#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/process/exit_code.h"
#include "data/text_encoding.h"

namespace dw::cli {

enum class Command { None, Render, Check, Build, Schema, New };

// --format; FromExtension: the output file's extension decides.
enum class FormatChoice { FromExtension, Pdf, Png, Svg };
// --mode for card decks; FromLayout: the layout and the format decide.
enum class CardMode { FromLayout, Sheets, PrintShop, Cards };
// --faces for card decks.
enum class CardFaces { Both, Fronts, Backs };
// --backend; Default: the Cairo writer unless an option needs libharu.
enum class PdfWriter { Default, Cairo, Haru };
// --pdf-standard.
enum class PdfStandard { None, A1b, Ua1 };

// What the command line asks for, parsed and checked (cli/options/option_parser.h).
struct Options {
    Command command = Command::None;
    std::string data;
    std::string layout;
    std::string output;
    FormatChoice format = FormatChoice::FromExtension;
    double dpi = 96;
    int width_px = 0;  // PNG: scale so the page is this many pixels wide (overrides dpi); 0: unset
    std::vector<int> pages;  // empty: all
    // render, as a batch worker: where to report the files read and written, and the folders
    // the job may touch (from the manifest).
    std::string build_report;
    std::vector<std::string> confine;
    // build
    std::string manifest;
    std::vector<std::string> jobs;  // job names; empty: all
    int workers = 0;
    bool list = false, force = false, watch = false;
    std::string page_master;  // --page-master: the layout's page master to start with
    // card decks (layouts with <cards>)
    std::string where;  // field=value or field!=value: only the cards that match
    std::string sort;   // field to sort the cards by (numbers as numbers); empty: file order
    CardMode mode = CardMode::FromLayout;
    CardFaces faces = CardFaces::Both;
    bool keep_going = false;  // render the good cards when some have errors
    PdfWriter backend = PdfWriter::Default;
    PdfStandard pdf_standard = PdfStandard::None;  // a-1b is written with libharu
    bool restrict_permissions = false;             // --permissions given
    bool deny_print = false, deny_copy = false, deny_modify = false, deny_annotate = false;
    std::string owner_password;
    bool help = false;
    bool version = false;
    // Data keys the layout does not declare are errors, not warnings.
    bool strict = false;
    // schema --data LAYOUT / --data-doc LAYOUT (in `layout`): the layout's data, not the language
    bool schema_data = false, schema_doc = false;
    std::string
        email_bundle;  // --email-bundle DIR: the mail's files (cli/pipelines/email_bundle.h)
    // card sheets: --calibration starts with the calibration sheet pair; --back-offset X,Y (mm)
    // replaces the layout's back-offset-x and -y
    bool calibration = false;
    std::optional<std::pair<double, double>> back_offset_mm;
    // Text of everyone's files and scripts.
    data::TextEncoding encoding = data::TextEncoding::Automatic;  // --encoding
    std::vector<std::string> font_dirs;                           // --font-dir, repeatable
    // render, check: --threads, the threads the run may use, its own included; 0: the cores.
    // build hands each worker max(1, cores / workers).
    int threads = 0;
    // render, check: more than one DATA file, every one (`data` is the first), for a layout
    // that takes a collection (<data collection=...>).
    std::vector<std::string> collection;
};

// Whether a PDF of these options is written with libharu (--backend haru, PDF/A, permissions).
inline bool uses_libharu(const Options& options) {
    return options.backend == PdfWriter::Haru || options.pdf_standard == PdfStandard::A1b ||
           options.restrict_permissions;
}

}  // namespace dw::cli

#pragma once
#include <optional>
#include <string>
#include <vector>

#include "data/text_encoding.h"

namespace dw::cli {

// Exit codes, documented in the README.
enum Exit : int { kOk = 0, kInputError = 1, kUsageError = 2, kIoError = 3 };

struct Options {
    std::string command;  // render | check | schema | build | new
    std::string data;
    std::string layout;
    std::string output;
    std::string format;  // pdf | png | svg; empty: from the output's extension
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
    std::string where;       // field=value or field!=value: only the cards that match
    std::string sort;        // field to sort the cards by (numbers as numbers); empty: file order
    std::string mode;        // sheets | print-shop | cards; empty: from the layout and format
    std::string faces = "both";  // both | fronts | backs
    bool keep_going = false;     // render the good cards when some have errors
    std::string backend;       // PDF writer: cairo (default) | haru
    std::string pdf_standard;  // "" | a-1b (written with libharu)
    bool restrict_permissions = false;  // --permissions given
    bool deny_print = false, deny_copy = false, deny_modify = false, deny_annotate = false;
    std::string owner_password;
    bool help = false;
    bool version = false;
    // Data keys the layout does not declare are errors, not warnings.
    bool strict = false;
    // schema --data LAYOUT / --data-doc LAYOUT (in `layout`): the layout's data, not the language
    bool schema_data = false, schema_doc = false;
    std::string email_bundle;  // --email-bundle DIR: the mail's files (cli/email_bundle.h)
    // card sheets: --calibration starts with the calibration sheet pair; --back-offset X,Y (mm)
    // replaces the layout's back-offset-x and -y
    bool calibration = false;
    std::optional<std::pair<double, double>> back_offset_mm;
    // Text of everyone's files and scripts (issue 16).
    data::TextEncoding encoding = data::TextEncoding::Automatic;  // --encoding
    std::vector<std::string> font_dirs;                            // --font-dir, repeatable
    // render, check: --threads, the threads the run may use, its own included; 0: the cores.
    // build hands each worker max(1, cores / workers).
    int threads = 0;
};

// Parses argv; on a usage error returns nullopt and sets `error`.
std::optional<Options> parse_options(int argc, char** argv, std::string& error);

const char* usage_text();

}  // namespace dw::cli

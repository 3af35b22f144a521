#pragma once
#include <optional>
#include <string>
#include <vector>

namespace dw::cli {

// Exit codes, documented in the README.
enum Exit : int { kOk = 0, kInputError = 1, kUsageError = 2, kIoError = 3 };

struct Options {
    std::string command;  // render | check | schema
    std::string data;
    std::string layout;
    std::string output;
    std::string format;  // pdf | png | svg; empty: from the output's extension
    double dpi = 96;
    std::vector<int> pages;  // empty: all
    std::string backend;       // PDF writer: cairo (default) | haru
    std::string pdf_standard;  // "" | a-1b (written with libharu)
    bool restrict_permissions = false;  // --permissions given
    bool deny_print = false, deny_copy = false, deny_modify = false, deny_annotate = false;
    std::string owner_password;
    bool help = false;
    bool version = false;
};

// Parses argv; on a usage error returns nullopt and sets `error`.
std::optional<Options> parse_options(int argc, char** argv, std::string& error);

const char* usage_text();

}  // namespace dw::cli

#include "cli/options.h"

#include <charconv>
#include <cstring>

namespace dw::cli {
namespace {

bool parse_number(const std::string& text, double& out) {
    auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), out);
    return err == std::errc() && end == text.data() + text.size();
}

// "1,3-4" → {1, 3, 4}
bool parse_pages(const std::string& text, std::vector<int>& out) {
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t comma = text.find(',', pos);
        std::string part = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        size_t dash = part.find('-');
        double first = 0, last = 0;
        if (!parse_number(part.substr(0, dash), first)) return false;
        last = first;
        if (dash != std::string::npos && !parse_number(part.substr(dash + 1), last)) return false;
        if (first < 1 || last < first) return false;
        for (int p = int(first); p <= int(last); ++p) out.push_back(p);
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return true;
}

// "no-print,no-copy" → the matching deny_ flags
bool parse_permissions(const std::string& text, Options& o) {
    size_t pos = 0;
    while (true) {
        const size_t comma = text.find(',', pos);
        const std::string part = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (part == "no-print") o.deny_print = true;
        else if (part == "no-copy") o.deny_copy = true;
        else if (part == "no-modify") o.deny_modify = true;
        else if (part == "no-annotate") o.deny_annotate = true;
        else return false;
        if (comma == std::string::npos) return true;
        pos = comma + 1;
    }
}

}  // namespace

const char* usage_text() {
    return "usage: drukwerk render DATA --layout LAYOUT -o OUTPUT [--format pdf|png|svg] [--dpi N]\n"
           "                       [--pages LIST] [--backend cairo|haru] [--pdf-standard a-1b]\n"
           "                       [--permissions no-print,no-copy,no-modify,no-annotate]\n"
           "                       [--owner-password PASSWORD]\n"
           "       drukwerk check DATA --layout LAYOUT\n"
           "       drukwerk schema            print the layout reference (Markdown)\n"
           "       drukwerk --help | --version\n"
           "\n"
           "DATA is Markdown with YAML front matter (.md) or YAML (.yaml, .yml).\n"
           "The format follows OUTPUT's extension unless --format is given. PNG and SVG write one\n"
           "file per page (name-1.png, name-2.png...) unless one page is selected with --pages.\n"
           "--pdf-standard a-1b writes an archival PDF/A-1b; --permissions writes a PDF that\n"
           "readers open freely but restrict (RC4 encryption: not secret). Both use libharu.\n"
           "\n"
           "exit codes: 0 ok, 1 errors in the input, 2 usage error, 3 file could not be read or written\n";
}

std::optional<Options> parse_options(int argc, char** argv, std::string& error) {
    Options o;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= argc) {
                error = std::string(name) + " needs a value";
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };
        if (arg == "--help" || arg == "-h") o.help = true;
        else if (arg == "--version") o.version = true;
        else if (arg == "--layout" || arg == "-l") {
            auto v = value("--layout");
            if (!v) return std::nullopt;
            o.layout = *v;
        } else if (arg == "-o" || arg == "--output") {
            auto v = value("-o");
            if (!v) return std::nullopt;
            o.output = *v;
        } else if (arg == "--format") {
            auto v = value("--format");
            if (!v) return std::nullopt;
            o.format = *v;
            if (o.format != "pdf" && o.format != "png" && o.format != "svg") {
                error = "unknown format '" + o.format + "' (expected pdf, png or svg)";
                return std::nullopt;
            }
        } else if (arg == "--dpi") {
            auto v = value("--dpi");
            if (!v) return std::nullopt;
            if (!parse_number(*v, o.dpi) || o.dpi < 10 || o.dpi > 2400) {
                error = "--dpi takes a number from 10 to 2400";
                return std::nullopt;
            }
        } else if (arg == "--pages") {
            auto v = value("--pages");
            if (!v) return std::nullopt;
            if (!parse_pages(*v, o.pages)) {
                error = "--pages takes page numbers like 1,3-4";
                return std::nullopt;
            }
        } else if (arg == "--backend") {
            auto v = value("--backend");
            if (!v) return std::nullopt;
            o.backend = *v;
            if (o.backend != "cairo" && o.backend != "haru") {
                error = "unknown backend '" + o.backend + "' (expected cairo or haru)";
                return std::nullopt;
            }
        } else if (arg == "--pdf-standard") {
            auto v = value("--pdf-standard");
            if (!v) return std::nullopt;
            o.pdf_standard = *v;
            if (o.pdf_standard != "a-1b") {
                error = "unknown PDF standard '" + o.pdf_standard + "' (expected a-1b)";
                return std::nullopt;
            }
        } else if (arg == "--permissions") {
            auto v = value("--permissions");
            if (!v) return std::nullopt;
            o.restrict_permissions = true;
            if (!parse_permissions(*v, o)) {
                error = "--permissions takes a comma-separated list of no-print, no-copy, "
                        "no-modify, no-annotate";
                return std::nullopt;
            }
        } else if (arg == "--owner-password") {
            auto v = value("--owner-password");
            if (!v) return std::nullopt;
            o.owner_password = *v;
            if (o.owner_password.empty()) {
                error = "--owner-password must not be empty";
                return std::nullopt;
            }
        } else if (!arg.empty() && arg[0] == '-') {
            error = "unknown option '" + arg + "'";
            return std::nullopt;
        } else {
            positional.push_back(arg);
        }
    }
    if (o.help || o.version) return o;
    if (positional.empty()) {
        error = "no command given";
        return std::nullopt;
    }
    o.command = positional[0];
    if (o.command == "schema") return o;
    if (o.command != "render" && o.command != "check") {
        error = "unknown command '" + o.command + "' (expected render, check or schema)";
        return std::nullopt;
    }
    if (positional.size() != 2) {
        error = o.command + " takes one DATA file";
        return std::nullopt;
    }
    o.data = positional[1];
    if (o.layout.empty()) {
        error = o.command + " needs --layout LAYOUT.xml";
        return std::nullopt;
    }
    if (o.command == "render" && o.output.empty()) {
        error = "render needs -o OUTPUT";
        return std::nullopt;
    }
    if (!o.owner_password.empty() && !o.restrict_permissions) {
        error = "--owner-password needs --permissions";
        return std::nullopt;
    }
    if (o.backend == "cairo" && (!o.pdf_standard.empty() || o.restrict_permissions)) {
        error = "--pdf-standard and --permissions need --backend haru (or no --backend)";
        return std::nullopt;
    }
    return o;
}

}  // namespace dw::cli

#include "cli/options.h"

#include <charconv>
#include <cmath>
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
           "                       [--pages LIST] [--width-px N] [--page-master NAME]\n"
           "                       [--backend cairo|haru] [--pdf-standard a-1b|ua-1]\n"
           "                       [--permissions no-print,no-copy,no-modify,no-annotate]\n"
           "                       [--owner-password PASSWORD] [--threads N]\n"
           "       drukwerk render DATA --layout LAYOUT --email-bundle DIR\n"
           "                       [--encoding utf-8|windows-1252|utf-16] [--font-dir DIR]\n"
           "                       card decks: [--where FIELD=VALUE] [--sort FIELD] [--keep-going]\n"
           "                       [--mode sheets|print-shop|cards] [--faces both|fronts|backs]\n"
           "                       [--calibration] [--back-offset X,Y]\n"
           "       drukwerk check DATA --layout LAYOUT\n"
           "       (render and check: --strict makes data fields the layout does not declare\n"
           "       errors instead of warnings)\n"
           "       drukwerk build MANIFEST [JOB...] [-j N] [--force] [--list] [--watch]\n"
           "       drukwerk schema            print the layout reference (Markdown)\n"
           "       drukwerk schema --data LAYOUT       the JSON Schema of the layout's data\n"
           "       drukwerk schema --data-doc LAYOUT   the fields of the layout's data (Markdown)\n"
           "       drukwerk new LAYOUT -o FILE         write a starter data file for the layout\n"
           "       drukwerk --help | --version\n"
           "\n"
           "DATA is Markdown with YAML front matter (.md), YAML (.yaml, .yml) or CSV (.csv).\n"
           "Card decks: --mode sheets imposes the cards on the layout's <sheet> (default for PDF\n"
           "when the layout has one), print-shop writes one face per page with bleed and page\n"
           "boxes, cards writes each face cut to size (default for PNG and SVG). --keep-going\n"
           "writes the cards without errors and still exits with 1.\n"
           "The format follows OUTPUT's extension unless --format is given. PNG and SVG write one\n"
           "file per page (name-1.png, name-2.png...) unless one page is selected with --pages.\n"
           "build renders a manifest's jobs in N worker processes (default: the number of cores),\n"
           "skipping jobs whose inputs have not changed; --force renders all, --list shows them,\n"
           "--watch renders again whenever an input changes.\n"
           "--threads N lets a render use N threads, its own included (default: the number of\n"
           "cores; 1: none besides its own); build gives each worker the cores divided by -j.\n"
           "--width-px N (PNG only) scales the page to exactly N pixels wide, instead of --dpi.\n"
           "--page-master NAME starts the document on that page master of the layout (a variant\n"
           "such as a4 next to a3) instead of the one <document> names.\n"
           "--calibration starts a card deck's sheets with the duplex calibration sheet pair;\n"
           "--back-offset X,Y (mm) moves the back sheets, instead of the layout's offset.\n"
           "--email-bundle DIR writes a mail's files: the PDF, the layout's phone version as PDF\n"
           "and as a 1170 px PNG, and index.html, the mail's body.\n"
           "--pdf-standard a-1b writes an archival PDF/A-1b; --permissions writes a PDF that\n"
           "readers open freely but restrict (RC4 encryption: not secret). Both use libharu.\n"
           "--encoding reads the data file in that encoding; by default a byte order mark decides,\n"
           "else UTF-8, else Windows-1252 (as Excel saves CSV), with a note.\n"
           "--font-dir DIR adds the fonts in DIR to the bundled ones (repeatable).\n"
           "Cairo PDFs are tagged PDF/UA-1; --pdf-standard ua-1 also makes an image without alt\n"
           "text an error (libharu writes untagged PDFs, so not with --backend haru).\n"
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
        } else if (arg == "--width-px") {
            auto v = value("--width-px");
            if (!v) return std::nullopt;
            double px = 0;
            if (!parse_number(*v, px) || px < 16 || px > 20000 || px != double(int(px))) {
                error = "--width-px takes a whole number of pixels from 16 to 20000";
                return std::nullopt;
            }
            o.width_px = int(px);
        } else if (arg == "--page-master") {
            auto v = value("--page-master");
            if (!v) return std::nullopt;
            o.page_master = *v;
        } else if (arg == "--pages") {
            auto v = value("--pages");
            if (!v) return std::nullopt;
            if (!parse_pages(*v, o.pages)) {
                error = "--pages takes page numbers like 1,3-4";
                return std::nullopt;
            }
        } else if (arg == "-j" || arg == "--jobs") {
            auto v = value("-j");
            double n = 0;
            if (!v) return std::nullopt;
            if (!parse_number(*v, n) || n < 1 || n > 256 || n != int(n)) {
                error = "-j takes a number of worker processes from 1 to 256";
                return std::nullopt;
            }
            o.workers = int(n);
        } else if (arg == "--threads") {
            auto v = value("--threads");
            double n = 0;
            if (!v) return std::nullopt;
            if (!parse_number(*v, n) || n < 1 || n > 256 || n != int(n)) {
                error = "--threads takes a number of threads from 1 to 256";
                return std::nullopt;
            }
            o.threads = int(n);
        } else if (arg == "--force") o.force = true;
        else if (arg == "--list") o.list = true;
        else if (arg == "--watch") o.watch = true;
        else if (arg == "--build-report") {
            auto v = value("--build-report");
            if (!v) return std::nullopt;
            o.build_report = *v;
        } else if (arg == "--confine") {
            auto v = value("--confine");
            if (!v) return std::nullopt;
            o.confine.push_back(*v);
        } else if (arg == "--where" || arg == "--sort") {
            auto v = value(arg.c_str());
            if (!v) return std::nullopt;
            (arg == "--where" ? o.where : o.sort) = *v;
            if (arg == "--where" && v->find('=') == std::string::npos) {
                error = "--where takes FIELD=VALUE or FIELD!=VALUE, e.g. --where theme=2";
                return std::nullopt;
            }
        } else if (arg == "--mode") {
            auto v = value("--mode");
            if (!v) return std::nullopt;
            o.mode = *v;
            if (o.mode != "sheets" && o.mode != "print-shop" && o.mode != "cards") {
                error = "unknown mode '" + o.mode + "' (expected sheets, print-shop or cards)";
                return std::nullopt;
            }
        } else if (arg == "--faces") {
            auto v = value("--faces");
            if (!v) return std::nullopt;
            o.faces = *v;
            if (o.faces != "both" && o.faces != "fronts" && o.faces != "backs") {
                error = "unknown faces '" + o.faces + "' (expected both, fronts or backs)";
                return std::nullopt;
            }
        } else if (arg == "--keep-going") {
            o.keep_going = true;
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
            if (o.pdf_standard != "a-1b" && o.pdf_standard != "ua-1") {
                error = "unknown PDF standard '" + o.pdf_standard + "' (expected a-1b or ua-1)";
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
        } else if (arg == "--strict") {
            o.strict = true;
        } else if (arg == "--data" || arg == "--data-doc") {
            auto v = value(arg.c_str());
            if (!v) return std::nullopt;
            o.layout = *v;
            o.schema_data = true;
            o.schema_doc = arg == "--data-doc";
        } else if (arg == "--calibration") {
            o.calibration = true;
        } else if (arg == "--back-offset") {
            auto v = value("--back-offset");
            if (!v) return std::nullopt;
            size_t comma = v->find(',');
            double x = 0, y = 0;
            if (comma == std::string::npos || !parse_number(v->substr(0, comma), x) ||
                !parse_number(v->substr(comma + 1), y) || std::abs(x) > 50 || std::abs(y) > 50) {
                error = "--back-offset takes X,Y in millimetres from -50 to 50, e.g. 1.5,-0.5";
                return std::nullopt;
            }
            o.back_offset_mm = std::make_pair(x, y);
        } else if (arg == "--email-bundle") {
            auto v = value("--email-bundle");
            if (!v) return std::nullopt;
            o.email_bundle = *v;
        } else if (arg == "--encoding") {
            auto v = value("--encoding");
            if (!v) return std::nullopt;
            auto encoding = data::parse_text_encoding(*v);
            if (!encoding) {
                error = "unknown encoding '" + *v + "' (expected utf-8, windows-1252 or utf-16)";
                return std::nullopt;
            }
            o.encoding = *encoding;
        } else if (arg == "--font-dir") {
            auto v = value("--font-dir");
            if (!v) return std::nullopt;
            o.font_dirs.push_back(*v);
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
    if (o.command == "new") {
        if (positional.size() != 2 || o.output.empty()) {
            error = "new takes a LAYOUT and -o FILE";
            return std::nullopt;
        }
        o.layout = positional[1];
        return o;
    }
    if (o.command == "build") {
        if (positional.size() < 2) {
            error = "build needs a MANIFEST file";
            return std::nullopt;
        }
        o.manifest = positional[1];
        o.jobs.assign(positional.begin() + 2, positional.end());
        return o;
    }
    if (o.command != "render" && o.command != "check") {
        error = "unknown command '" + o.command + "' (expected render, check, build, new or schema)";
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
    if (o.command == "render" && o.output.empty() && o.email_bundle.empty()) {
        error = "render needs -o OUTPUT";
        return std::nullopt;
    }
    if (!o.owner_password.empty() && !o.restrict_permissions) {
        error = "--owner-password needs --permissions";
        return std::nullopt;
    }
    // libharu cannot write a structure tree, so its PDFs are never PDF/UA.
    if (o.pdf_standard == "ua-1" && (o.backend == "haru" || o.restrict_permissions)) {
        error = "--pdf-standard ua-1 needs the Cairo writer: --backend haru and --permissions "
                "write untagged PDFs";
        return std::nullopt;
    }
    if (o.backend == "cairo" && (o.pdf_standard == "a-1b" || o.restrict_permissions)) {
        error = "--pdf-standard and --permissions need --backend haru (or no --backend)";
        return std::nullopt;
    }
    return o;
}

}  // namespace dw::cli

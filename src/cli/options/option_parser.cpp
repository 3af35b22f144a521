#include "cli/options/option_parser.h"

#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "cli/options/option_table.h"
#include "cli/options/option_values.h"

namespace dw::cli {
namespace {

template <class E>
struct Choice {
    std::string_view word;
    E value;
};

constexpr std::array<Choice<FormatChoice>, 3> kFormats{
    {{"pdf", FormatChoice::Pdf}, {"png", FormatChoice::Png}, {"svg", FormatChoice::Svg}}};
constexpr std::array<Choice<CardMode>, 3> kModes{{{"sheets", CardMode::Sheets},
                                                  {"print-shop", CardMode::PrintShop},
                                                  {"cards", CardMode::Cards}}};
constexpr std::array<Choice<CardFaces>, 3> kFaces{
    {{"both", CardFaces::Both}, {"fronts", CardFaces::Fronts}, {"backs", CardFaces::Backs}}};
constexpr std::array<Choice<PdfWriter>, 2> kWriters{
    {{"cairo", PdfWriter::Cairo}, {"haru", PdfWriter::Haru}}};
constexpr std::array<Choice<PdfStandard>, 2> kStandards{
    {{"a-1b", PdfStandard::A1b}, {"ua-1", PdfStandard::Ua1}}};
constexpr std::array<Choice<Command>, 5> kCommands{{{"render", Command::Render},
                                                    {"check", Command::Check},
                                                    {"build", Command::Build},
                                                    {"new", Command::New},
                                                    {"schema", Command::Schema}}};

// "a, b or c"
template <class E>
std::string word_list(std::span<const Choice<E>> choices) {
    std::string out;
    for (size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
        out += choices[i].word;
    }
    return out;
}

// `word` as one of `choices`; else `error` says what was expected.
template <class E, size_t N>
bool choose(const std::string& word, const std::array<Choice<E>, N>& choices, const char* what,
            E& out, std::string& error) {
    for (const Choice<E>& c : choices) {
        if (c.word != word) continue;
        out = c.value;
        return true;
    }
    error = std::string("unknown ") + what + " '" + word + "' (expected " +
            word_list(std::span<const Choice<E>>(choices)) + ")";
    return false;
}

bool fail(std::string& error, std::string message) {
    error = std::move(message);
    return false;
}

// The value of one option into `o`; false with `error` set when it is not valid.
bool apply_value(OptionId id, const std::string& v, Options& o, std::string& error) {
    switch (id) {
        case OptionId::Layout:
            o.layout = v;
            return true;
        case OptionId::Output:
            o.output = v;
            return true;
        case OptionId::PageMaster:
            o.page_master = v;
            return true;
        case OptionId::BuildReport:
            o.build_report = v;
            return true;
        case OptionId::Confine:
            o.confine.push_back(v);
            return true;
        case OptionId::EmailBundle:
            o.email_bundle = v;
            return true;
        case OptionId::FontDir:
            o.font_dirs.push_back(v);
            return true;
        case OptionId::Sort:
            o.sort = v;
            return true;
        case OptionId::Format:
            return choose(v, kFormats, "format", o.format, error);
        case OptionId::Mode:
            return choose(v, kModes, "mode", o.mode, error);
        case OptionId::Faces:
            return choose(v, kFaces, "faces", o.faces, error);
        case OptionId::Backend:
            return choose(v, kWriters, "backend", o.backend, error);
        case OptionId::PdfStandard:
            return choose(v, kStandards, "PDF standard", o.pdf_standard, error);
        case OptionId::Dpi:
            if (parse_number(v, o.dpi) && o.dpi >= 10 && o.dpi <= 2400) return true;
            return fail(error, "--dpi takes a number from 10 to 2400");
        case OptionId::WidthPx:
            if (auto px = parse_whole_number(v, 16, 20000)) return o.width_px = *px, true;
            return fail(error, "--width-px takes a whole number of pixels from 16 to 20000");
        case OptionId::Pages:
            if (parse_pages(v, o.pages)) return true;
            return fail(error, "--pages takes page numbers like 1,3-4");
        case OptionId::Workers:
            if (auto n = parse_whole_number(v, 1, 256)) return o.workers = *n, true;
            return fail(error, "-j takes a number of worker processes from 1 to 256");
        case OptionId::Threads:
            if (auto n = parse_whole_number(v, 1, 256)) return o.threads = *n, true;
            return fail(error, "--threads takes a number of threads from 1 to 256");
        case OptionId::Where:
            o.where = v;
            if (v.find('=') != std::string::npos) return true;
            return fail(error, "--where takes FIELD=VALUE or FIELD!=VALUE, e.g. --where theme=2");
        case OptionId::Permissions:
            o.restrict_permissions = true;
            if (parse_permissions(v, o)) return true;
            return fail(error,
                        "--permissions takes a comma-separated list of no-print, no-copy, "
                        "no-modify, no-annotate");
        case OptionId::OwnerPassword:
            o.owner_password = v;
            if (!v.empty()) return true;
            return fail(error, "--owner-password must not be empty");
        case OptionId::SchemaData:
        case OptionId::SchemaDataDoc:
            o.layout = v;
            o.schema_data = true;
            o.schema_doc = id == OptionId::SchemaDataDoc;
            return true;
        case OptionId::BackOffset:
            if ((o.back_offset_mm = parse_back_offset(v))) return true;
            return fail(error,
                        "--back-offset takes X,Y in millimetres from -50 to 50, e.g. 1.5,-0.5");
        case OptionId::Encoding:
            if (auto encoding = data::parse_text_encoding(v)) return o.encoding = *encoding, true;
            return fail(error,
                        "unknown encoding '" + v + "' (expected utf-8, windows-1252 or utf-16)");
        default:
            return fail(error, "internal: option without a value handler");
    }
}

void apply_flag(OptionId id, Options& o) {
    switch (id) {
        case OptionId::Help:
            o.help = true;
            break;
        case OptionId::Version:
            o.version = true;
            break;
        case OptionId::Force:
            o.force = true;
            break;
        case OptionId::List:
            o.list = true;
            break;
        case OptionId::Watch:
            o.watch = true;
            break;
        case OptionId::KeepGoing:
            o.keep_going = true;
            break;
        case OptionId::Strict:
            o.strict = true;
            break;
        case OptionId::Calibration:
            o.calibration = true;
            break;
        default:
            break;
    }
}

unsigned command_bit(Command c) {
    switch (c) {
        case Command::Render:
            return kRenderBit;
        case Command::Check:
            return kCheckBit;
        case Command::Build:
            return kBuildBit;
        case Command::Schema:
            return kSchemaBit;
        case Command::New:
            return kNewBit;
        case Command::None:
            break;
    }
    return 0;
}

std::string_view command_name(Command c) {
    for (const auto& choice : kCommands)
        if (choice.value == c) return choice.word;
    return "";
}

// The command and its positional arguments.
bool apply_positionals(const std::vector<std::string>& positional, Options& o, std::string& error) {
    if (positional.empty()) return fail(error, "no command given");
    if (!choose(positional[0], kCommands, "command", o.command, error)) {
        error = "unknown command '" + positional[0] +
                "' (expected render, check, build, new or schema)";
        return false;
    }
    switch (o.command) {
        case Command::Schema:
            return true;
        case Command::New:
            if (positional.size() != 2 || o.output.empty())
                return fail(error, "new takes a LAYOUT and -o FILE");
            o.layout = positional[1];
            return true;
        case Command::Build:
            if (positional.size() < 2) return fail(error, "build needs a MANIFEST file");
            o.manifest = positional[1];
            o.jobs.assign(positional.begin() + 2, positional.end());
            return true;
        default:
            break;
    }
    const std::string name(command_name(o.command));
    if (positional.size() < 2) return fail(error, name + " needs a DATA file");
    o.data = positional[1];
    if (positional.size() > 2) o.collection.assign(positional.begin() + 1, positional.end());
    if (o.layout.empty()) return fail(error, name + " needs --layout LAYOUT.xml");
    return true;
}

// The options that only make sense together (render and check).
bool check_combinations(const Options& o, std::string& error) {
    if (o.command == Command::Render && o.output.empty() && o.email_bundle.empty())
        return fail(error, "render needs -o OUTPUT");
    if (!o.owner_password.empty() && !o.restrict_permissions)
        return fail(error, "--owner-password needs --permissions");
    // libharu cannot write a structure tree, so its PDFs are never PDF/UA.
    if (o.pdf_standard == PdfStandard::Ua1 &&
        (o.backend == PdfWriter::Haru || o.restrict_permissions))
        return fail(error,
                    "--pdf-standard ua-1 needs the Cairo writer: --backend haru and "
                    "--permissions write untagged PDFs");
    if (o.backend == PdfWriter::Cairo &&
        (o.pdf_standard == PdfStandard::A1b || o.restrict_permissions))
        return fail(error,
                    "--pdf-standard and --permissions need --backend haru (or no --backend)");
    return true;
}

}  // namespace

std::optional<Options> parse_options(int argc, char** argv, std::string& error) {
    Options o;
    std::vector<std::string> positional;
    std::vector<const OptionSpec*> given;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.empty() || arg[0] != '-') {
            positional.push_back(arg);
            continue;
        }
        const OptionSpec* spec = find_option(arg);
        if (!spec) {
            error = "unknown option '" + arg + "'";
            return std::nullopt;
        }
        given.push_back(spec);
        if (spec->argument.empty()) {
            apply_flag(spec->id, o);
            continue;
        }
        if (i + 1 >= argc) {
            error = std::string(spec->name) + " needs a value";
            return std::nullopt;
        }
        if (!apply_value(spec->id, argv[++i], o, error)) return std::nullopt;
    }
    if (o.help || o.version) return o;
    if (!apply_positionals(positional, o, error)) return std::nullopt;
    for (const OptionSpec* spec : given) {
        if (spec->commands & command_bit(o.command)) continue;
        error = std::string(command_name(o.command)) + " does not take " + std::string(spec->name);
        return std::nullopt;
    }
    if (!check_combinations(o, error)) return std::nullopt;
    return o;
}

}  // namespace dw::cli

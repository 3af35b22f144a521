// --help, made from the option table so that it lists exactly the options the parser knows.
#include <algorithm>
#include <string>
#include <vector>

#include "cli/options/option_parser.h"
#include "cli/options/option_table.h"

namespace dw::cli {
namespace {

constexpr const char* kSynopsis =
    "usage: drukwerk render DATA --layout LAYOUT -o OUTPUT [OPTION...]\n"
    "       drukwerk render DATA --layout LAYOUT --email-bundle DIR [OPTION...]\n"
    "       drukwerk check DATA --layout LAYOUT [OPTION...]\n"
    "       drukwerk build MANIFEST [JOB...] [-j N] [--force] [--list] [--watch]\n"
    "       drukwerk schema                     print the layout reference (Markdown)\n"
    "       drukwerk schema --data LAYOUT       the JSON Schema of the layout's data\n"
    "       drukwerk schema --data-doc LAYOUT   the fields of the layout's data (Markdown)\n"
    "       drukwerk new LAYOUT -o FILE         write a starter data file for the layout\n"
    "       drukwerk --help | --version\n";

constexpr const char* kNotes =
    "DATA is Markdown with YAML front matter (.md), YAML (.yaml, .yml) or CSV (.csv).\n"
    "A layout that takes a collection (an action list) takes many: render A.md B.md ...\n"
    "PNG and SVG write one file per page (name-1.png, name-2.png...) unless one page is selected\n"
    "with --pages; standard output (-o -) takes a PDF or one PNG or SVG page.\n"
    "Card decks: --mode sheets is the default for a PDF when the layout has a <sheet>,\n"
    "print-shop for other PDFs, cards for PNG and SVG.\n"
    "build renders a manifest's jobs in worker processes, skipping jobs whose inputs have not\n"
    "changed; each worker may use the cores divided by -j threads.\n"
    "Cairo PDFs are tagged PDF/UA-1; libharu writes untagged PDFs, so --pdf-standard ua-1\n"
    "needs the Cairo writer.\n"
    "\n"
    "exit codes: 0 ok, 1 errors in the input, 2 usage error, 3 file could not be read or written\n";

// "render and check", "build", ... for a set of CommandBits.
std::string commands_heading(unsigned commands) {
    if (commands == kAllCommands) return "every command";
    static constexpr std::pair<unsigned, const char*> kNames[] = {{kRenderBit, "render"},
                                                                  {kCheckBit, "check"},
                                                                  {kBuildBit, "build"},
                                                                  {kSchemaBit, "schema"},
                                                                  {kNewBit, "new"}};
    std::vector<std::string> names;
    for (const auto& [bit, name] : kNames)
        if (commands & bit) names.emplace_back(name);
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

// "  -o, --output OUTPUT" padded, then the help; a long spelling gets a line of its own.
std::string option_line(const OptionSpec& spec) {
    std::string left = "  " + std::string(spec.name);
    if (!spec.alias.empty()) left += ", " + std::string(spec.alias);
    if (!spec.argument.empty()) left += " " + std::string(spec.argument);
    constexpr size_t kColumn = 26;
    if (left.size() + 2 > kColumn)
        return left + "\n" + std::string(kColumn, ' ') + std::string(spec.help) + "\n";
    return left + std::string(kColumn - left.size(), ' ') + std::string(spec.help) + "\n";
}

}  // namespace

std::string usage_text() {
    std::string out = kSynopsis;
    std::vector<unsigned> headings;  // in the table's order of first use
    for (const OptionSpec& spec : option_table())
        if (std::find(headings.begin(), headings.end(), spec.commands) == headings.end())
            headings.push_back(spec.commands);
    for (unsigned commands : headings) {
        out += "\noptions of " + commands_heading(commands) + ":\n";
        for (const OptionSpec& spec : option_table())
            if (spec.commands == commands) out += option_line(spec);
    }
    return out + "\n" + kNotes;
}

}  // namespace dw::cli

#pragma once
#include <span>
#include <string_view>

namespace dw::cli {

// Every option drukwerk knows. The parser (option_parser.cpp) and --help (usage_text) both read
// the table below; an option is added there and handled in one case of the parser's switch.
enum class OptionId {
    Help,
    Version,
    Layout,
    Output,
    Format,
    Dpi,
    WidthPx,
    Pages,
    PageMaster,
    Backend,
    PdfStandard,
    Permissions,
    OwnerPassword,
    Threads,
    EmailBundle,
    Encoding,
    FontDir,
    Strict,
    Where,
    Sort,
    KeepGoing,
    Mode,
    Faces,
    Calibration,
    BackOffset,
    BuildReport,
    Confine,
    Workers,
    Force,
    List,
    Watch,
    SchemaData,
    SchemaDataDoc,
};

// The commands an option belongs to, as bits.
enum CommandBits : unsigned {
    kRenderBit = 1u << 0,
    kCheckBit = 1u << 1,
    kBuildBit = 1u << 2,
    kSchemaBit = 1u << 3,
    kNewBit = 1u << 4,
    kAllCommands = kRenderBit | kCheckBit | kBuildBit | kSchemaBit | kNewBit,
    // render and check read and typeset a job the same way; check only writes nothing.
    kJobCommands = kRenderBit | kCheckBit,
};

struct OptionSpec {
    OptionId id;
    std::string_view name;      // as messages name it: "--layout", "-o"
    std::string_view alias;     // the other spelling, or empty
    std::string_view argument;  // the value's placeholder in --help; empty: a flag
    unsigned commands;          // CommandBits
    std::string_view help;      // one line for --help
};

std::span<const OptionSpec> option_table();

// The option spelled `arg` (name or alias), or nullptr.
const OptionSpec* find_option(std::string_view arg);

}  // namespace dw::cli

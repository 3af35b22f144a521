// The option parser: every option of the table parses into Options, and every usage error is
// one line naming the argument at fault (main adds the hint to --help and exits 2).
#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>
#include <vector>

#include "cli/options/option_parser.h"
#include "cli/options/option_table.h"

namespace {

struct Parsed {
    std::optional<dw::cli::Options> options;
    std::string error;
};

Parsed parse(std::initializer_list<const char*> args) {
    std::vector<std::string> words{"drukwerk"};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    Parsed p;
    p.options = dw::cli::parse_options(int(argv.size()), argv.data(), p.error);
    return p;
}

// A usage error: no options, and exactly `message`, on one line.
void expect_error(std::initializer_list<const char*> args, const std::string& message) {
    const Parsed p = parse(args);
    INFO(message);
    CHECK_FALSE(p.options);
    CHECK(p.error == message);
    CHECK(p.error.find('\n') == std::string::npos);
}

}  // namespace

using namespace dw::cli;

TEST_CASE("a render command line parses into its options", "[cli][options]") {
    const Parsed p = parse(
        {"render", "m.md",       "-l",      "l.xml",    "--output",      "o.png",     "--format",
         "png",    "--dpi",      "150",     "--pages",  "1,3-4",         "--threads", "2",
         "--mode", "print-shop", "--faces", "backs",    "--back-offset", "1.5,-0.5",  "--font-dir",
         "a",      "--font-dir", "b",       "--strict", "--keep-going"});
    INFO(p.error);
    REQUIRE(p.options);
    const Options& o = *p.options;
    CHECK(o.command == Command::Render);
    CHECK(o.data == "m.md");
    CHECK(o.layout == "l.xml");
    CHECK(o.output == "o.png");
    CHECK(o.format == FormatChoice::Png);
    CHECK(o.dpi == 150);
    CHECK(o.pages == std::vector<int>{1, 3, 4});
    CHECK(o.threads == 2);
    CHECK(o.mode == CardMode::PrintShop);
    CHECK(o.faces == CardFaces::Backs);
    REQUIRE(o.back_offset_mm);
    CHECK(o.back_offset_mm->first == 1.5);
    CHECK(o.back_offset_mm->second == -0.5);
    CHECK(o.font_dirs == std::vector<std::string>{"a", "b"});
    CHECK(o.strict);
    CHECK(o.keep_going);
}

TEST_CASE("the libharu options parse into enums and deny flags", "[cli][options]") {
    const Parsed p = parse({"render", "m.md", "--layout", "l.xml", "-o", "o.pdf", "--backend",
                            "haru", "--permissions", "no-print,no-copy", "--owner-password", "pw"});
    INFO(p.error);
    REQUIRE(p.options);
    CHECK(p.options->backend == PdfWriter::Haru);
    CHECK(p.options->restrict_permissions);
    CHECK(p.options->deny_print);
    CHECK(p.options->deny_copy);
    CHECK_FALSE(p.options->deny_modify);
    CHECK(uses_libharu(*p.options));
    const Parsed a =
        parse({"render", "m.md", "--layout", "l.xml", "-o", "o.pdf", "--pdf-standard", "a-1b"});
    REQUIRE(a.options);
    CHECK(a.options->pdf_standard == PdfStandard::A1b);
    CHECK(uses_libharu(*a.options));
}

TEST_CASE("build, schema and new parse their positionals", "[cli][options]") {
    const Parsed b = parse({"build", "jobs.yaml", "one", "two", "-j", "3", "--force", "--list"});
    REQUIRE(b.options);
    CHECK(b.options->command == Command::Build);
    CHECK(b.options->manifest == "jobs.yaml");
    CHECK(b.options->jobs == std::vector<std::string>{"one", "two"});
    CHECK(b.options->workers == 3);
    CHECK(b.options->force);
    CHECK(b.options->list);
    const Parsed s = parse({"schema", "--data-doc", "l.xml"});
    REQUIRE(s.options);
    CHECK(s.options->command == Command::Schema);
    CHECK(s.options->schema_data);
    CHECK(s.options->schema_doc);
    CHECK(s.options->layout == "l.xml");
    const Parsed n = parse({"new", "l.xml", "-o", "d.md"});
    REQUIRE(n.options);
    CHECK(n.options->command == Command::New);
    CHECK(n.options->layout == "l.xml");
    CHECK(parse({"--help"}).options->help);
    CHECK(parse({"--version"}).options->version);
}

TEST_CASE("every usage error is one line naming its cause", "[cli][options]") {
    expect_error({}, "no command given");
    expect_error({"rendr", "m.md"},
                 "unknown command 'rendr' (expected render, check, build, new or schema)");
    expect_error({"render", "m.md", "--layout", "l.xml", "-o", "o.pdf", "--bogus"},
                 "unknown option '--bogus'");
    expect_error({"render", "m.md", "-o", "o.pdf", "--layout"}, "--layout needs a value");
    expect_error({"render", "m.md", "-l", "l.xml", "--output"}, "-o needs a value");
    expect_error({"render", "m.md", "--layout", "l.xml"}, "render needs -o OUTPUT");
    expect_error({"render", "--layout", "l.xml", "-o", "o.pdf"}, "render needs a DATA file");
    expect_error({"check", "m.md"}, "check needs --layout LAYOUT.xml");
    expect_error({"render", "m.md", "--format", "tiff"},
                 "unknown format 'tiff' (expected pdf, png or svg)");
    expect_error({"render", "m.md", "--mode", "x"},
                 "unknown mode 'x' (expected sheets, print-shop or cards)");
    expect_error({"render", "m.md", "--faces", "x"},
                 "unknown faces 'x' (expected both, fronts or backs)");
    expect_error({"render", "m.md", "--backend", "x"},
                 "unknown backend 'x' (expected cairo or haru)");
    expect_error({"render", "m.md", "--pdf-standard", "x"},
                 "unknown PDF standard 'x' (expected a-1b or ua-1)");
    expect_error({"render", "m.md", "--encoding", "x"},
                 "unknown encoding 'x' (expected utf-8, windows-1252 or utf-16)");
    expect_error({"render", "m.md", "--dpi", "5"}, "--dpi takes a number from 10 to 2400");
    expect_error({"render", "m.md", "--width-px", "10.5"},
                 "--width-px takes a whole number of pixels from 16 to 20000");
    expect_error({"render", "m.md", "--pages", "3-1"}, "--pages takes page numbers like 1,3-4");
    expect_error({"render", "m.md", "--pages", "1-1000000000"},
                 "--pages takes page numbers like 1,3-4");
    expect_error({"build", "j.yaml", "-j", "0"},
                 "-j takes a number of worker processes from 1 to 256");
    expect_error({"render", "m.md", "--threads", "1.5"},
                 "--threads takes a number of threads from 1 to 256");
    expect_error({"render", "m.md", "--where", "theme"},
                 "--where takes FIELD=VALUE or FIELD!=VALUE, e.g. --where theme=2");
    expect_error({"render", "m.md", "--permissions", "no-read"},
                 "--permissions takes a comma-separated list of no-print, no-copy, no-modify, "
                 "no-annotate");
    expect_error({"render", "m.md", "--owner-password", ""}, "--owner-password must not be empty");
    expect_error({"render", "m.md", "--back-offset", "60,0"},
                 "--back-offset takes X,Y in millimetres from -50 to 50, e.g. 1.5,-0.5");
    expect_error({"new", "l.xml"}, "new takes a LAYOUT and -o FILE");
    expect_error({"build"}, "build needs a MANIFEST file");
    expect_error({"render", "m.md", "-l", "l.xml", "-o", "o.pdf", "--owner-password", "pw"},
                 "--owner-password needs --permissions");
    expect_error({"render", "m.md", "-l", "l.xml", "-o", "o.pdf", "--backend", "haru",
                  "--pdf-standard", "ua-1"},
                 "--pdf-standard ua-1 needs the Cairo writer: --backend haru and --permissions "
                 "write untagged PDFs");
    expect_error({"render", "m.md", "-l", "l.xml", "-o", "o.pdf", "--backend", "cairo",
                  "--pdf-standard", "a-1b"},
                 "--pdf-standard and --permissions need --backend haru (or no --backend)");
}

TEST_CASE("an option of another command is a usage error", "[cli][options]") {
    expect_error({"build", "j.yaml", "--dpi", "300"}, "build does not take --dpi");
    expect_error({"render", "m.md", "-l", "l.xml", "-o", "o.pdf", "--watch"},
                 "render does not take --watch");
    expect_error({"schema", "--layout", "l.xml"}, "schema does not take --layout");
}

TEST_CASE("--help lists every option of the table", "[cli][options]") {
    const std::string help = usage_text();
    for (const OptionSpec& spec : option_table()) {
        INFO(spec.name);
        CHECK(help.find("  " + std::string(spec.name)) != std::string::npos);
        CHECK(help.find(std::string(spec.help)) != std::string::npos);
        if (!spec.alias.empty()) CHECK(help.find(std::string(spec.alias)) != std::string::npos);
    }
    CHECK(help.find("exit codes: 0 ok, 1 errors in the input, 2 usage error") != std::string::npos);
}

TEST_CASE("every option of the table is found by its spellings", "[cli][options]") {
    for (const OptionSpec& spec : option_table()) {
        INFO(spec.name);
        CHECK(find_option(spec.name) == &spec);
        if (!spec.alias.empty()) CHECK(find_option(spec.alias) == &spec);
    }
    CHECK(find_option("--nope") == nullptr);
}

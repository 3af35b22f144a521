// End-to-end: the data contract. A layout declares the data it takes (<data>); every mistake in
// the data is reported once, in the data file (never the layout), at its line:col, with exit
// code 1 and the output left as it was. The starter files of `drukwerk new` render and pass
// `check`, and the JSON Schema of `drukwerk schema --data` accepts the example data and rejects
// the same mistakes (checked with Debian's python3-jsonschema, tests/e2e/json_schema_check.py).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "e2e/e2e_support.h"

namespace {

using namespace e2e;

const std::string kPrecious = "%PDF-1.5\n% the last good render\n";

std::string layout_path(const std::string& name) {
    return (source_root() / "layouts" / (name + ".xml")).string();
}

std::string replaced(std::string text, const std::string& from, const std::string& to,
                     bool all = false) {
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    do {
        text.replace(at, from.size(), to);
        at = all ? text.find(from, at + to.size()) : std::string::npos;
    } while (at != std::string::npos);
    return text;
}

std::string minutes() { return read_file(example_data()); }
std::string deck() { return read_file(source_root() / "inputs/bouwstenen.csv"); }
std::string blueprint() {
    return read_file(source_root() / "inputs/blueprint/wij-zijn-de-wijk.yaml");
}

struct Outcome {
    RunResult run;
    bool output_untouched = false;
};

// Renders `data` (written as `name` in a fresh directory, and named so in the messages) over an
// existing out.pdf.
Outcome render(const std::string& name, const std::string& data, const std::string& layout,
               std::vector<std::string> extra = {}) {
    TempDir dir("drukwerk-data");
    write_file(dir / name, data);
    write_file(dir / "out.pdf", kPrecious);
    std::vector<std::string> args{"render", name, "--layout", layout_path(layout), "-o", "out.pdf"};
    args.insert(args.end(), extra.begin(), extra.end());
    Outcome o;
    o.run = drukwerk(args, {}, dir.path());
    o.output_untouched = read_file(dir / "out.pdf") == kPrecious;
    return o;
}

void check_rejected(const Outcome& o, const std::string& diagnostics) {
    INFO(o.run.command << "\n" << o.run.err);
    CHECK(o.run.exit_code == 1);
    CHECK(o.run.err == diagnostics);
    CHECK(o.output_untouched);
}

}  // namespace

TEST_CASE("a misspelt required field is one error at the misspelling", "[e2e][data]") {
    check_rejected(render("v.md", replaced(minutes(), "\nattendees:", "\natendees:"), "minutes"),
                   "v.md:12:1: error: unknown field 'atendees'\n"
                   "v.md:12:1: note: did you mean 'attendees'? (the layout requires it)\n");
}

TEST_CASE("a missing field of a list item is named by its path", "[e2e][data]") {
    check_rejected(render("v.md",
                          replaced(minutes(), "  - name: Marga Janse\n    organisation: Nuderijk\n",
                                   "  - name: Marga Janse\n"),
                          "minutes"),
                   "v.md:21:5: error: missing field 'attendees[5].organisation'\n"
                   "v.md:21:5: note: organisation: The organisation the attendee is from.\n");
}

TEST_CASE("an enum value that is not declared lists the values", "[e2e][data]") {
    check_rejected(
        render("v.md", replaced(minutes(), "  colour: pink\n", "  colour: purple\n"), "minutes"),
        "v.md:79:11: error: 'postits[2].colour' is 'purple', not one of its values\n"
        "v.md:79:11: note: the values are: yellow, pink, blue, green, orange\n");
}

TEST_CASE("one unknown key on every post-it is one warning, --strict makes it an error",
          "[e2e][data]") {
    std::string data = replaced(minutes(), "  colour: ", "  color: ", /*all=*/true);
    const std::string said =
        "v.md:77:3: warning: unknown field 'color' (and 19 more)\n"
        "v.md:77:3: note: did you mean 'colour'?\n";
    Outcome lenient = render("v.md", data, "minutes");
    CHECK(lenient.run.exit_code == 0);
    CHECK(lenient.run.err == said);
    check_rejected(render("v.md", data, "minutes", {"--strict"}),
                   "v.md:77:3: error: unknown field 'color' (and 19 more)\n"
                   "v.md:77:3: note: did you mean 'colour'?\n");
}

TEST_CASE("keys the layout does not declare are warned about at their line", "[e2e][data]") {
    std::string data = replaced(minutes(), "venue:", "voorzitter: Marthe\nvenue:");
    Outcome o = render("v.md", data, "minutes");
    CHECK(o.run.exit_code == 0);
    CHECK(o.run.err.starts_with("v.md:7:1: warning: unknown field 'voorzitter'\n"));
    check_rejected(render("v.md", replaced(data, "venue:", "notulist: Mellany\nvenue:"), "minutes",
                          {"--strict"}),
                   "v.md:7:1: error: unknown field 'voorzitter'\n"
                   "v.md:7:1: note: the layout does not use it; it takes: project, series, kind, "
                   "date, meeting, venue, author, keywords, attendees, contact, decisions, "
                   "actions, postits_heading, postits_caption, body\n"
                   "v.md:8:1: error: unknown field 'notulist'\n"
                   "v.md:8:1: note: the layout does not use it; it takes: project, series, kind, "
                   "date, meeting, venue, author, keywords, attendees, contact, decisions, "
                   "actions, postits_heading, postits_caption, body\n");
}

TEST_CASE("a date that is no date is one error at the data", "[e2e][data]") {
    check_rejected(
        render("v.md", replaced(minutes(), "date: 2024-11-12", "date: 32-13-2024"), "minutes"),
        "v.md:5:7: error: 'date' is '32-13-2024', not a date\n"
        "v.md:5:7: note: write dates as YYYY-MM-DD, e.g. 2024-11-12\n");
}

TEST_CASE("a day-first date is an error with the ISO date as hint", "[e2e][data]") {
    check_rejected(
        render("v.md", replaced(minutes(), "date: 2024-11-12", "date: 18-03-2025"), "minutes"),
        "v.md:5:7: error: 'date' is '18-03-2025', not a date in the form YYYY-MM-DD\n"
        "v.md:5:7: note: write 2025-03-18 (year-month-day)\n");
}

TEST_CASE("a data file of the wrong kind is one error saying what the layout takes",
          "[e2e][data]") {
    check_rejected(render("deck.csv", deck(), "minutes"),
                   "deck.csv:1:1: error: this is a CSV file (.csv) with a header row, but the "
                   "layout '" +
                       layout_path("minutes") +
                       "' takes a Markdown file (.md) with YAML front matter\n"
                       "deck.csv:1:1: note: give the layout its kind of data file, or choose the "
                       "layout made for this one\n");
}

TEST_CASE("an empty minutes file is one error", "[e2e][data]") {
    check_rejected(render("v.md", "", "minutes"),
                   "v.md:1:1: error: none of the required fields is given: project, series, date, "
                   "meeting, venue, attendees, contact\n"
                   "v.md:1:1: note: this layout takes a Markdown file (.md) with YAML front "
                   "matter; `drukwerk new " +
                       layout_path("minutes") + " -o FILE` writes a starter file\n");
}

TEST_CASE("a CSV row with a field too many is an error at that field", "[e2e][data]") {
    std::string data = replaced(deck(), "beweging; een aanbod van buitenaf doet dat zelden.\";",
                                "beweging\"; een aanbod;");
    check_rejected(render("deck.csv", data, "cards"),
                   "deck.csv:49:129: error: field 8 is past the last column ('aantal')\n"
                   "deck.csv:49:129: note: this row has 8 fields, the header 7; quote a text that "
                   "holds the separator, e.g. \"Arnhem; Ede\"\n");
}

TEST_CASE("a misspelt CSV column is one error at the header", "[e2e][data]") {
    check_rejected(render("deck.csv", replaced(deck(), "thema;les", "Thema;les"), "cards"),
                   "deck.csv:1:1: error: unknown column 'Thema'\n"
                   "deck.csv:1:1: note: did you mean 'thema'? (the layout requires it)\n");
}

TEST_CASE("a map where a list is declared is an error at the data", "[e2e][data]") {
    std::string data = blueprint();
    size_t from = data.find("milestones:\n"), to = data.find("\nthemes:");
    REQUIRE(to != std::string::npos);
    data.replace(from, to - from,
                 "milestones:\n  monitoring:\n    title: Monitoring\n    date: 2023-11\n");
    check_rejected(render("b.yaml", data, "blueprint"),
                   "b.yaml:68:3: error: 'milestones' should be a list, not a map\n"
                   "b.yaml:68:3: note: write one item per line, each starting with '- '\n");
}

TEST_CASE("the example data passes check without a word", "[e2e][data]") {
    const std::pair<const char*, const char*> examples[] = {
        {"inputs/verslag-consortium-2024-11-12.md", "minutes"},
        {"inputs/bouwstenen.csv", "cards"},
        {"inputs/blueprint/wij-zijn-de-wijk.yaml", "blueprint"}};
    for (const auto& [data, layout] : examples) {
        RunResult r = drukwerk({"check", data, "--layout", layout_path(layout), "--strict"}, {},
                               source_root());
        INFO(r.command << "\n" << r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.err.empty());
    }
}

TEST_CASE("a contact without a role, e-mail or phone prints no empty lines for them",
          "[e2e][data]") {
    const std::string data = minutes();
    const size_t contact = data.find("\ncontact:\n");
    REQUIRE(contact != std::string::npos);
    size_t end = data.find("\n", contact + 1);  // its fields: the indented lines after it
    while (data.compare(end, 3, "\n  ") == 0) end = data.find("\n", end + 1);
    TempDir dir("drukwerk-data");
    write_file(dir / "v.md",
               data.substr(0, contact) + "\ncontact:\n  name: Anna de Vries" + data.substr(end));
    RunResult r = drukwerk({"render", "v.md", "--layout", layout_path("minutes"), "-o", "v.pdf"},
                           {}, dir.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string text = run({"pdftotext", (dir / "v.pdf").string(), "-"}).out;
    const std::string last_page = text.substr(text.find("CONTACT"));
    CHECK(contains(last_page, "Anna de Vries"));
    CHECK_FALSE(contains(last_page, "\xE2\x98\x8E"));  // ☎
    CHECK_FALSE(contains(last_page, "\xE2\x9C\x89"));  // ✉
    // The example's contact has all three.
    RunResult full = drukwerk({"render", example_data().string(), "--layout",
                               layout_path("minutes"), "-o", (dir / "full.pdf").string()});
    REQUIRE(full.exit_code == 0);
    const std::string full_text = run({"pdftotext", (dir / "full.pdf").string(), "-"}).out;
    CHECK(contains(full_text.substr(full_text.find("CONTACT")), "\xE2\x98\x8E"));
}

TEST_CASE("a layout using a field it does not declare is an error at the use", "[e2e][data]") {
    TempDir dir("drukwerk-data");
    std::string layout =
        replaced(read_file(layout_path("minutes")), "{{contact.role}}", "{{contact.rol}}");
    write_file(dir / "minutes.xml", layout);
    fs::copy(source_root() / "layouts/wijk-mark.svg", dir / "wijk-mark.svg");
    RunResult r =
        drukwerk({"check", example_data().string(), "--layout", "minutes.xml"}, {}, dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("minutes.xml:") == 0);
    CHECK(r.err.find("error: 'contact' declares no field 'rol'\n") != std::string::npos);
    CHECK(r.err.find("note: did you mean 'role'?\n") != std::string::npos);
}

TEST_CASE("drukwerk new writes a starter file that renders and passes check", "[e2e][data]") {
    const std::pair<const char*, const char*> layouts[] = {
        {"minutes", "new.md"}, {"cards", "new.csv"}, {"blueprint", "new.yaml"}};
    for (const auto& [layout, file] : layouts) {
        TempDir dir("drukwerk-new");
        RunResult made = drukwerk({"new", layout_path(layout), "-o", file}, {}, dir.path());
        INFO(made.command << "\n" << made.err << read_file(dir / file));
        REQUIRE(made.exit_code == 0);
        RunResult checked =
            drukwerk({"check", file, "--layout", layout_path(layout), "--strict"}, {}, dir.path());
        INFO(checked.err);
        CHECK(checked.exit_code == 0);
        CHECK(checked.err.empty());
        RunResult rendered = drukwerk(
            {"render", file, "--layout", layout_path(layout), "-o", "x.pdf"}, {}, dir.path());
        CHECK(rendered.exit_code == 0);
        CHECK(fs::file_size(dir / "x.pdf") > 1000);
        // never over an existing file
        RunResult again = drukwerk({"new", layout_path(layout), "-o", file}, {}, dir.path());
        CHECK(again.exit_code == 2);
    }
}

namespace {

// The verdict of tests/e2e/json_schema_check.py on `data` against a layout's JSON Schema.
std::string schema_verdict(const std::string& layout, const std::string& name,
                           const std::string& data, const std::string& mode) {
    TempDir dir("drukwerk-schema");
    RunResult schema = drukwerk({"schema", "--data", layout_path(layout)});
    REQUIRE(schema.exit_code == 0);
    write_file(dir / "schema.json", schema.out);
    write_file(dir / name, data);
    // Debian's interpreter, whose python3-jsonschema and python3-yaml .ci/deps installs.
    RunResult r =
        run({"/usr/bin/python3", (source_root() / "tests/e2e/json_schema_check.py").string(),
             (dir / "schema.json").string(), (dir / name).string(), mode});
    INFO(r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    return r.out.substr(0, r.out.find(':'));
}

}  // namespace

TEST_CASE("the JSON Schema accepts the example data and rejects the mistakes", "[e2e][data]") {
    CHECK(schema_verdict("minutes", "v.md", minutes(), "front") == "valid\n");
    CHECK(schema_verdict("minutes", "v.md", minutes(), "block:postits") == "valid\n");
    CHECK(schema_verdict("blueprint", "b.yaml", blueprint(), "yaml") == "valid\n");
    const std::string rejected = "invalid";
    CHECK(schema_verdict("minutes", "v.md", replaced(minutes(), "\nattendees:", "\natendees:"),
                         "front") == rejected);
    CHECK(schema_verdict("minutes", "v.md",
                         replaced(minutes(), "  - name: Marga Janse\n    organisation: Nuderijk\n",
                                  "  - name: Marga Janse\n"),
                         "front") == rejected);
    CHECK(schema_verdict("minutes", "v.md",
                         replaced(minutes(), "  colour: pink\n", "  colour: purple\n"),
                         "block:postits") == rejected);
    CHECK(schema_verdict("minutes", "v.md", replaced(minutes(), "  colour: ", "  color: ", true),
                         "block:postits") == rejected);
    CHECK(schema_verdict("minutes", "v.md",
                         replaced(minutes(), "date: 2024-11-12", "date: 32-13-2024"),
                         "front") == rejected);
    CHECK(schema_verdict("minutes", "v.md",
                         replaced(minutes(), "date: 2024-11-12", "date: 18-03-2025"),
                         "front") == rejected);
    CHECK(schema_verdict("minutes", "v.md", replaced(minutes(), "venue:", "voorzitter: M\nvenue:"),
                         "front") == rejected);
    CHECK(schema_verdict("minutes", "v.md", "", "front") == rejected);
    std::string map_milestones = blueprint();
    size_t from = map_milestones.find("milestones:\n"), to = map_milestones.find("\nthemes:");
    map_milestones.replace(from, to - from, "milestones:\n  monitoring:\n    title: Monitoring\n");
    CHECK(schema_verdict("blueprint", "b.yaml", map_milestones, "yaml") == rejected);
}

TEST_CASE("the data pages in docs/ are those the layouts declare", "[e2e][data]") {
    for (const char* layout : {"minutes", "cards", "blueprint", "actielijst"}) {
        std::string relative = std::string("layouts/") + layout + ".xml";
        RunResult r = drukwerk({"schema", "--data-doc", relative}, {}, source_root());
        INFO("regenerate with: build/drukwerk schema --data-doc " << relative << " > docs/data-"
                                                                  << layout << ".md");
        CHECK(r.exit_code == 0);
        CHECK(r.out == read_file(source_root() / "docs" / (std::string("data-") + layout + ".md")));
    }
}

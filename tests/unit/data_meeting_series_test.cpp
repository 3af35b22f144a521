// The running action list on plain data: files ordered by date, actions matched by number
// across meetings, open ones grouped by owner, done ones in closing order.
#include <catch2/catch.hpp>

#include "data/meeting_series.h"
#include "data/yaml_loader.h"

using namespace dw;
using namespace dw::data;

namespace {

CollectionFile meeting(const std::string& path, const std::string& yaml) {
    Diagnostics diags;
    auto v = parse_yaml(yaml, path, 1, diags);
    INFO(yaml);
    REQUIRE(diags.all().empty());
    REQUIRE(v);
    return {path, *v};
}

std::string action(const std::string& number, const std::string& what, const std::string& who,
                   const std::string& due, const std::string& status) {
    return "  - number: '" + number + "'\n    what: " + what + "\n    who: " + who +
           "\n    due: " + due + "\n    status: " + status + "\n";
}

std::string field(const Value& map, const std::string& path) {
    const Value* v = &map;
    size_t from = 0;
    while (v) {
        size_t dot = path.find('.', from);
        v = v->find(path.substr(from, dot - from));
        if (dot == std::string::npos) break;
        from = dot + 1;
    }
    return v && v->is_string() ? v->text : "";
}

std::vector<std::string> column(const Value& root, const std::string& list, const std::string& path) {
    std::vector<std::string> out;
    for (const Value& item : root.find(list)->items) out.push_back(field(item, path));
    return out;
}

using Strings = std::vector<std::string>;

Value series(const std::vector<CollectionFile>& files, Diagnostics& diags) {
    auto ordered = order_by_date(files, diags);
    REQUIRE(ordered);
    return meeting_series(*ordered, "meetings", diags);
}

}  // namespace

TEST_CASE("meetings are ordered by date, ties by path, a file without a date is an error",
          "[data][series]") {
    Diagnostics diags;
    auto ordered = order_by_date({meeting("c.md", "date: 2025-01-21\n"),
                                  meeting("b.md", "date: 2024-11-12\n"),
                                  meeting("a.md", "date: 2025-01-21\n")},
                                 diags);
    REQUIRE(ordered);
    CHECK(diags.all().empty());
    Strings paths;
    for (const auto& f : *ordered) paths.push_back(f.path);
    CHECK(paths == Strings{"b.md", "a.md", "c.md"});

    Diagnostics missing;
    CHECK_FALSE(order_by_date({meeting("a.md", "date: 2025-01-21\n"), meeting("b.md", "venue: V\n")},
                              missing));
    REQUIRE(missing.error_count() == 1);
    CHECK(missing.all()[0].loc.file == "b.md");
}

TEST_CASE("an action is raised in its first meeting and closed in the one that marks it done",
          "[data][series]") {
    Diagnostics diags;
    Value root = series(
        {meeting("m4.md", "date: 2024-11-12\nactions:\n" +
                              action("A-1", "Kaarten drukken", "Mellany", "2025-01-15", "open") +
                              action("A-2", "Wijkkaart delen", "Marthe", "2025-01-10", "open") +
                              action("A-3", "Voorstel sturen", "Marga", "2024-12-20", "open")),
         meeting("m5.md", "date: 2025-01-21\nactions:\n" +
                              action("A-1", "Kaarten drukken", "Mellany", "2025-01-15", "done") +
                              action("A-2", "Wijkkaart delen", "Marthe", "2025-02-10", "open") +
                              action("A-4", "Offerte", "Anna", "2025-03-01", "open"))},
        diags);
    CHECK(diags.all().empty());
    CHECK(column(root, "meetings", "source") == Strings{"m4.md", "m5.md"});
    CHECK(field(root, "latest.date") == "2025-01-21");
    // Open first (by owner), then done; A-3 was never mentioned again, so it stays open.
    CHECK(column(root, "actions", "number") == Strings{"A-4", "A-3", "A-2", "A-1"});
    CHECK(column(root, "open", "number") == Strings{"A-4", "A-3", "A-2"});
    CHECK(column(root, "done", "number") == Strings{"A-1"});
    CHECK(column(root, "actions", "raised.date") ==
          Strings{"2025-01-21", "2024-11-12", "2024-11-12", "2024-11-12"});
    CHECK(column(root, "actions", "closed.date") == Strings{"", "", "", "2025-01-21"});
    CHECK(column(root, "actions", "closed.source") == Strings{"", "", "", "m5.md"});
    // The latest state wins: A-2's new due date; overdue is open and due before the last meeting.
    CHECK(column(root, "actions", "due") ==
          Strings{"2025-03-01", "2024-12-20", "2025-02-10", "2025-01-15"});
    CHECK(column(root, "actions", "overdue") == Strings{"false", "true", "false", "false"});
}

TEST_CASE("open actions are grouped by owner, each owner's by due date", "[data][series]") {
    Diagnostics diags;
    Value root = series(
        {meeting("m.md", "date: 2025-01-21\nactions:\n" +
                             action("A-1", "Een", "Piet", "2025-03-01", "open") +
                             action("A-2", "Twee", "Anna", "2025-02-01", "open") +
                             action("A-3", "Drie", "Piet", "2025-02-01", "open") +
                             action("A-4", "Vier", "Anna", "2025-01-01", "done"))},
        diags);
    CHECK(column(root, "owners", "name") == Strings{"Anna", "Piet"});
    const Value& owners = *root.find("owners");
    CHECK(column(owners.items[0], "actions", "number") == Strings{"A-2"});
    CHECK(column(owners.items[1], "actions", "number") == Strings{"A-3", "A-1"});
}

TEST_CASE("a reopened action is open again, done in its first meeting is closed there",
          "[data][series]") {
    Diagnostics diags;
    Value root = series(
        {meeting("a.md", "date: 2025-01-01\nactions:\n" + action("A-1", "X", "P", "2025-01-01", "done") +
                             action("A-2", "Y", "P", "2025-01-01", "done")),
         meeting("b.md", "date: 2025-02-01\nactions:\n" + action("A-1", "X", "P", "2025-03-01", "open"))},
        diags);
    CHECK(column(root, "open", "number") == Strings{"A-1"});
    CHECK(column(root, "done", "number") == Strings{"A-2"});
    CHECK(column(root, "done", "closed.source") == Strings{"a.md"});
}

TEST_CASE("an action without a number stands alone, with a warning at its line, another "
          "wording for a number is a warning in the later file",
          "[data][series]") {
    Diagnostics diags;
    Value root = series(
        {meeting("a.md", "date: 2025-01-01\nactions:\n" + action("A-1", "Kaarten", "P", "2025-05-01", "open") +
                             "  - what: Koffie\n    who: P\n    due: 2025-05-01\n    status: open\n"),
         meeting("b.md", "date: 2025-02-01\nactions:\n" + action("A-1", "Posters", "P", "2025-05-01", "open") +
                             "  - what: Koffie\n    who: P\n    due: 2025-05-01\n    status: done\n")},
        diags);
    CHECK(diags.error_count() == 0);
    REQUIRE(diags.all().size() == 3);
    CHECK(diags.all()[0].loc.file == "a.md");
    CHECK(diags.all()[0].loc.line == 8);
    CHECK(diags.all()[1].loc.file == "b.md");
    CHECK(diags.all()[1].loc.line == 4);  // what: Posters
    CHECK(diags.all()[1].message == "action A-1 was 'Kaarten' in a.md");
    CHECK(diags.all()[2].loc.file == "b.md");
    // Unnumbered: one per meeting that lists it (shown per meeting); the latest wording of A-1.
    CHECK(column(root, "open", "what") == Strings{"Posters", "Koffie"});
    CHECK(column(root, "done", "what") == Strings{"Koffie"});
    CHECK(column(root, "done", "raised.source") == Strings{"b.md"});
}

// Expressions ({{path | filter}}), filters and Dutch dates, and where their errors point.
#include "bind/dutch_date.h"
#include "bind/expression.h"
#include "bind/scope.h"
#include "bind_support.h"

using namespace dw;
using namespace dw::bind;
using namespace bind_test;

namespace {

const char* kData =
    "project: Wij zijn de Wijk\n"          // 1
    "kind: Verslag\n"                       // 2
    "date: 2024-11-12\n"                    // 3
    "bad-date: 2024-13-45\n"                // 4
    "venue:\n"                              // 5 (null)
    "empty: \"\"\n"                         // 6
    "names: [Bart, Allon, Annelien]\n"      // 7
    "dates: [2024-03-01, 2025-01-31]\n"     // 8
    "mixed: Wij zijn in de IJssel-café ĳs\n"  // 9
    "shout: ÉÉN IJSSELMEER\n"               // 10
    "contact:\n"                            // 11
    "  name: Mellany van Bommel\n"          // 12
    "  email: mellany.vanbommel@wur.nl\n"   // 13
    "attendees:\n"                          // 14
    "  - name: Bart Lichtenberg\n"          // 15
    "    organisation: gemeente Arnhem\n"   // 16
    "  - name: Allon Cheng\n"               // 17
    "    organisation: Vitanos\n";          // 18

const data::Value& sample() {
    static const data::Value v = yaml(kData);
    return v;
}

const SourceLoc kAt{"t.xml", 7, 5};

// Evaluates `text` against kData (expression at kAt), outside headers and footers.
std::string eval(const std::string& text, Diagnostics& diags, bool page_fields = false) {
    Scope scope(&sample());
    ExpressionContext ctx{scope, diags, page_fields};
    return evaluate_string(text, kAt, ctx);
}

std::string eval_ok(const std::string& text) {
    Diagnostics diags;
    std::string out = eval(text, diags);
    INFO(text << "\n" << printed(diags));
    CHECK(diags.all().empty());
    return out;
}

const Diagnostic& only_error(const Diagnostics& diags) {
    INFO(printed(diags));
    REQUIRE(diags.error_count() == 1);
    REQUIRE(diags.all().size() == 1);
    return diags.all()[0];
}

}  // namespace

TEST_CASE("plain text without expressions is returned unchanged", "[bind]") {
    CHECK(eval_ok("Vergadering op dinsdag") == "Vergadering op dinsdag");
    CHECK(eval_ok("") == "");
    CHECK(eval_ok("a } b }} c {") == "a } b }} c {");
}

TEST_CASE("date filters: Dutch long, Dutch short and ISO", "[bind]") {
    CHECK(eval_ok("{{date | date-nl}}") == "12 november 2024");
    CHECK(eval_ok("{{date | date-nl-short}}") == "12-11-2024");
    CHECK(eval_ok("{{date | date-iso}}") == "2024-11-12");
    CHECK(eval_ok("{{date|date-nl}}") == "12 november 2024");  // spaces are optional
    CHECK(eval_ok("Op {{ date | date-nl }}.") == "Op 12 november 2024.");
    // days and months without leading zero in the long form, with it in the short form
    CHECK(eval_ok("{{dates | first | date-nl}}") == "1 maart 2024");
    CHECK(eval_ok("{{dates | first | date-nl-short}}") == "01-03-2024");
}

TEST_CASE("Dutch dates: every month name, both input forms, calendar checks", "[bind]") {
    const char* months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                            "juli",    "augustus", "september", "oktober", "november", "december"};
    for (int m = 1; m <= 12; ++m) {
        CalendarDate d{2025, m, 9};
        CHECK(dutch_long_date(d) == "9 " + std::string(months[m - 1]) + " 2025");
    }
    auto iso = parse_date("2024-11-12");
    REQUIRE(iso);
    CHECK((iso->year == 2024 && iso->month == 11 && iso->day == 12));
    auto dutch = parse_date("12-11-2024");
    REQUIRE(dutch);
    CHECK((dutch->year == 2024 && dutch->month == 11 && dutch->day == 12));
    CHECK(dutch_short_date(*dutch) == "12-11-2024");
    CHECK(iso_date(*dutch) == "2024-11-12");
    CHECK(parse_date("2024-02-29"));   // leap year
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("1900-02-29"));  // not a leap year
    CHECK(parse_date("2000-02-29"));
    CHECK_FALSE(parse_date("2024-04-31"));
    CHECK_FALSE(parse_date("2024-13-01"));
    CHECK_FALSE(parse_date("2024-00-10"));
    CHECK_FALSE(parse_date("12 november 2024"));
    CHECK_FALSE(parse_date("2024-11"));
    CHECK_FALSE(parse_date("2024-11-12-01"));
    CHECK_FALSE(parse_date("2024-11-1x"));
    CHECK_FALSE(parse_date(""));
}

TEST_CASE("a date filter on a value that is no date is an error at the value's line", "[bind]") {
    Diagnostics diags;
    CHECK(eval("{{bad-date | date-nl}}", diags) == "2024-13-45");
    const Diagnostic& d = only_error(diags);
    CHECK(d.message == "'2024-13-45' is not a date");
    CHECK(where(d.loc) == "d.yaml:4:11");
    CHECK(d.hint.find("YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("upper and lower handle accents and the Dutch ij", "[bind]") {
    CHECK(eval_ok("{{mixed | upper}}") == "WIJ ZIJN IN DE IJSSEL-CAFÉ ĲS");
    CHECK(eval_ok("{{shout | lower}}") == "één ijsselmeer");
    CHECK(eval_ok("{{kind | upper}}") == "VERSLAG");
    CHECK(eval_ok("{{date | date-nl | upper}}") == "12 NOVEMBER 2024");
    CHECK(eval_ok("{{names | upper}}") == "BART, ALLON, ANNELIEN");
}

TEST_CASE("join, count and first work on lists", "[bind]") {
    CHECK(eval_ok("{{names | join(\"; \")}}") == "Bart; Allon; Annelien");
    CHECK(eval_ok("{{names | join(\" en \")}}") == "Bart en Allon en Annelien");
    CHECK(eval_ok("{{names | join}}") == "Bart, Allon, Annelien");
    CHECK(eval_ok("{{names}}") == "Bart, Allon, Annelien");  // a list alone is joined with ", "
    CHECK(eval_ok("{{names | count}}") == "3");
    CHECK(eval_ok("{{names | first}}") == "Bart");
    CHECK(eval_ok("{{names | join(\"|\")}}") == "Bart|Allon|Annelien");  // '|' inside quotes
}

TEST_CASE("count on a list of maps counts without complaining about the maps",
          "[bind][fixed]") {
    // evaluate_expression() first turns the whole value into text (value_text), which reports
    // "a map cannot be printed as text" once per item, and only then applies the list filter.
    // {{attendees | count}} is the natural way to print the number of attendees.
    Diagnostics diags;
    CHECK(eval("{{attendees | count}} aanwezigen", diags) == "2 aanwezigen");
    INFO(printed(diags));
    CHECK(diags.all().empty());
}

TEST_CASE("a text filter after first applies to the first item only", "[bind][fixed]") {
    // For a list value, upper/lower re-read the *whole list* as text, dropping the result of
    // the filters before them: {{names | first | upper}} gives "BART, ALLON, ANNELIEN".
    CHECK(eval_ok("{{names | first | upper}}") == "BART");
    CHECK(eval_ok("{{names | join(\" & \") | lower}}") == "bart & allon & annelien");
}

TEST_CASE("default replaces an empty or null value only", "[bind]") {
    CHECK(eval_ok("{{venue | default(\"onbekend\")}}") == "onbekend");
    CHECK(eval_ok("{{empty | default(\"leeg\")}}") == "leeg");
    CHECK(eval_ok("{{kind | default(\"x\")}}") == "Verslag");
    CHECK(eval_ok("{{venue | default(\"x\") | upper}}") == "X");
}

TEST_CASE("default also covers a field the data does not have", "[bind][fixed]") {
    // An optional front-matter field that is left out should fall back to the default rather
    // than stop the run; today it is reported as "unknown field".
    Diagnostics diags;
    CHECK(eval("{{chair | default(\"niemand\")}}", diags) == "niemand");
    INFO(printed(diags));
    CHECK(diags.all().empty());
}

TEST_CASE("nested paths and list indexes", "[bind]") {
    CHECK(eval_ok("{{contact.email}}") == "mellany.vanbommel@wur.nl");
    CHECK(eval_ok("{{contact.name | upper}}") == "MELLANY VAN BOMMEL");
    CHECK(eval_ok("{{attendees.0.name}}") == "Bart Lichtenberg");
    CHECK(eval_ok("{{attendees.1.organisation}}") == "Vitanos");
    CHECK(eval_ok("{{names.2}}") == "Annelien");
}

TEST_CASE("a list index past the end is reported", "[bind]") {
    Diagnostics diags;
    CHECK(eval("{{attendees.2.name}}", diags) == "");
    const Diagnostic& d = only_error(diags);
    CHECK(d.message == "'attendees' has no field '2'");
    CHECK(where(d.loc) == "t.xml:7:5");
}

TEST_CASE("an unknown field is an error with a did-you-mean hint", "[bind]") {
    Diagnostics diags;
    CHECK(eval("Aanwezig: {{atendees | count}}", diags) == "Aanwezig: 0");
    const Diagnostic& d = only_error(diags);
    CHECK(d.message == "unknown field 'atendees'");
    CHECK(d.hint == "did you mean 'attendees'?");
    CHECK(where(d.loc) == "t.xml:7:15");  // 5 + offset of "{{" (10)
}

TEST_CASE("an unknown field of a map names the map and suggests its keys", "[bind]") {
    Diagnostics diags;
    eval("{{contact.emial}}", diags);
    const Diagnostic& d = only_error(diags);
    CHECK(d.message == "'contact' has no field 'emial'");
    CHECK(d.hint == "did you mean 'email'?");
}

TEST_CASE("an unknown filter is an error with a did-you-mean hint", "[bind]") {
    Diagnostics diags;
    CHECK(eval("{{date | date-nll}}", diags) == "2024-11-12");
    const Diagnostic& d = only_error(diags);
    CHECK(d.message == "unknown filter 'date-nll'");
    CHECK(d.hint == "did you mean 'date-nl'?");
    CHECK(where(d.loc) == "t.xml:7:5");
}

TEST_CASE("a filter argument without ')' is an error", "[bind]") {
    Diagnostics diags;
    eval("{{names | join(\"; \"}}", diags);
    const Diagnostic& d = only_error(diags);
    CHECK(d.message == "filter 'join' has no closing ')'");
}

TEST_CASE("an unclosed {{ is an error at the {{", "[bind]") {
    Diagnostics diags;
    Scope scope(&sample());
    ExpressionContext ctx{scope, diags, false};
    auto pieces = evaluate_template("Op {{date | date-nl} en {{kind", kAt, ctx);
    // "Op " is kept; "{{date | date-nl} en {{kind" has no closing "}}"
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0].text == "Op ");
    const Diagnostic& d = only_error(diags);
    CHECK(d.message == "'{{' without a closing '}}'");
    CHECK(where(d.loc) == "t.xml:7:8");
}

TEST_CASE("an empty expression is an error", "[bind]") {
    Diagnostics diags;
    eval("a {{ }} b", diags);
    CHECK(only_error(diags).message == "empty expression");
}

TEST_CASE("a map or rich text printed as text is an error", "[bind]") {
    Diagnostics diags;
    eval("{{contact}}", diags);
    const Diagnostic& d = only_error(diags);
    CHECK(d.message == "a map cannot be printed as text");
    CHECK(d.hint.find("name") != std::string::npos);
    CHECK(d.hint.find("email") != std::string::npos);
}

TEST_CASE("page fields are markers in headers and footers and errors elsewhere", "[bind]") {
    Scope scope(&sample());
    {
        Diagnostics diags;
        ExpressionContext ctx{scope, diags, true};
        auto pieces = evaluate_template("Pagina {{page}} van {{ pages }}", kAt, ctx);
        CHECK(diags.all().empty());
        REQUIRE(pieces.size() == 4);
        CHECK(pieces[0].text == "Pagina ");
        CHECK(pieces[1].field == Span::Field::PageNumber);
        CHECK(pieces[1].text == "");
        CHECK(pieces[2].text == " van ");
        CHECK(pieces[3].field == Span::Field::PageCount);
    }
    {
        Diagnostics diags;
        ExpressionContext ctx{scope, diags, false};
        evaluate_template("Pagina {{page}}", kAt, ctx);
        const Diagnostic& d = only_error(diags);
        CHECK(d.message == "{{page}} is only known in a header or footer");
        CHECK(where(d.loc) == "t.xml:7:12");
    }
}

TEST_CASE("the scope sees loop variables innermost first, then the data root", "[bind]") {
    data::Value outer = data::Value::string("buiten"), inner = data::Value::string("binnen");
    Scope scope(&sample());
    CHECK(scope.lookup("kind")->text == "Verslag");
    CHECK(scope.lookup("item") == nullptr);
    {
        ScopedVariable a(scope, "item", &outer);
        CHECK(scope.lookup("item")->text == "buiten");
        {
            ScopedVariable b(scope, "item", &inner);
            CHECK(scope.lookup("item")->text == "binnen");
            ScopedVariable k(scope, "kind", &inner);  // a loop variable hides a data field
            CHECK(scope.lookup("kind")->text == "binnen");
        }
        CHECK(scope.lookup("item")->text == "buiten");
        auto names = scope.visible_names();
        REQUIRE(names.size() >= 2);
        CHECK(names[0] == "item");
        CHECK(names[1] == "project");
    }
    CHECK(scope.lookup("item") == nullptr);
}

TEST_CASE("if-truthiness: present and not empty", "[bind]") {
    CHECK_FALSE(is_truthy(nullptr));
    CHECK_FALSE(is_truthy(sample().find("venue")));
    CHECK_FALSE(is_truthy(sample().find("empty")));
    CHECK(is_truthy(sample().find("kind")));
    CHECK(is_truthy(sample().find("names")));
    CHECK(is_truthy(sample().find("contact")));
    data::Value no = data::Value::string("false");
    CHECK_FALSE(is_truthy(&no));
    data::Value none = data::Value::list();
    CHECK_FALSE(is_truthy(&none));
}

// Through the layout reader: the column of an expression is where its "{{" is in the file.
TEST_CASE("an unknown field in <text> points at its line and column in the layout", "[bind]") {
    const std::string xml =
        "<layout name=\"t\">\n"
        "<styles default=\"body\"><style name=\"body\"/></styles>\n"
        "<document>\n"
        "  <text>Hallo {{atendees.0.name}}</text>\n"
        "</document>\n"
        "</layout>\n";
    Bound b = bind_layout(xml, sample());
    auto errors = b.errors();
    INFO(printed(b.diags));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]->message == "unknown field 'atendees'");
    CHECK(errors[0]->hint == "did you mean 'attendees'?");
    CHECK(where(errors[0]->loc) == "t.xml:4:15");
    std::string out = printed(b.diags);
    CHECK(out.find("t.xml:4:15: error: unknown field 'atendees'\n") != std::string::npos);
    CHECK(out.find("t.xml:4:15: note: did you mean 'attendees'?") != std::string::npos);
}

// The layout reader collapses whitespace in text before bind sees it; the anchors it records
// (TextAnchor) lead an expression after a line break back to its own line and column.
TEST_CASE("an expression after a line break in <text> keeps its own line and column", "[bind]") {
    const std::string xml =
        "<layout name=\"t\">\n"
        "<styles default=\"body\"><style name=\"body\"/></styles>\n"
        "<document>\n"
        "  <text>Hallo allemaal,\n"
        "        {{atendees | count}} aanwezig</text>\n"
        "</document>\n"
        "</layout>\n";
    Bound b = bind_layout(xml, sample());
    auto errors = b.errors();
    REQUIRE(errors.size() == 1);
    CHECK(where(errors[0]->loc) == "t.xml:5:9");
}

TEST_CASE("an expression after collapsed spaces, leading space and a tag keeps its column",
          "[bind]") {
    const std::string xml =
        "<layout name=\"t\">\n"
        "<styles default=\"body\"><style name=\"body\"/></styles>\n"
        "<document>\n"
        "  <text>\n"
        "    Hallo    <b>x</b>   {{atendees}} en\n"
        "  {{atendees | count}}</text>\n"
        "</document>\n"
        "</layout>\n";
    Bound b = bind_layout(xml, sample());
    auto errors = b.errors();
    REQUIRE(errors.size() == 2);
    CHECK(where(errors[0]->loc) == "t.xml:5:25");
    CHECK(where(errors[1]->loc) == "t.xml:6:3");
}

TEST_CASE("an expression in an attribute points at the expression, not the attribute name",
          "[bind][fixed]") {
    // Attribute locations are where the attribute's *name* starts; the expression offset is
    // added to that, so the column is 6 characters (`href="`) too far left.
    const std::string xml =
        "<layout name=\"t\">\n"
        "<styles default=\"body\"><style name=\"body\"/></styles>\n"
        "<document>\n"
        "  <text><link href=\"mailto:{{contact.mail}}\">mail</link></text>\n"
        "</document>\n"
        "</layout>\n";
    Bound b = bind_layout(xml, sample());
    auto errors = b.errors();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0]->message == "'contact' has no field 'mail'");
    // `<link` starts at column 9, href at 15, its value at 21, "{{" at 28
    CHECK(where(errors[0]->loc) == "t.xml:4:28");
}

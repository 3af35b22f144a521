// End-to-end: renders the example minutes (inputs/verslag-consortium-2024-11-12.md with
// layouts/minutes.xml) through the real binary and reads the result back with real PDF readers:
// qpdf (structure, outline, links), pdffonts (embedding), pdfinfo (metadata, pages), pdftotext.
// Every test case renders into a temporary directory of its own, removed at the end.
//
// What is expected comes from the inputs themselves:
//   layouts/minutes.xml <metadata>:
//     title    = "{{kind}} {{series | lower}} {{date | date-nl}}"
//     author   = "{{author}}"
//     subject  = "{{project}}: {{kind | lower}} van de {{series | lower}} van {{date | date-nl}}"
//     keywords = "{{project}}, consortium, verslag, gezonde wijk, bouwstenen"
//     language = "nl-NL"
//   front matter: project "Wij zijn de Wijk", series "Consortium bijeenkomst", kind "Verslag",
//     date 2024-11-12, author "Wageningen Universiteit, Health & Society",
//     contact.email mellany.vanbommel@wur.nl.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "e2e/e2e_support.h"
#include "e2e/qpdf_json.h"

namespace {

using namespace e2e;

const char* const kTitle = "Verslag consortium bijeenkomst 12 november 2024";
const char* const kAuthor = "Wageningen Universiteit, Health & Society";
const char* const kSubject =
    "Wij zijn de Wijk: verslag van de consortium bijeenkomst van 12 november 2024";
const char* const kKeywords = "Wij zijn de Wijk, consortium, verslag, gezonde wijk, bouwstenen";

void require_programs(std::initializer_list<const char*> names) {
    for (const char* name : names) {
        INFO("this test needs '" << name << "' in PATH (Debian: qpdf, poppler-utils)");
        REQUIRE(have_program(name));
    }
}

// Renders the example into `dir`/`name` with extra arguments; REQUIREs success.
fs::path render_example(const TempDir& dir, const std::string& name,
                        const std::vector<std::string>& extra = {}, const EnvChanges& env = {}) {
    const fs::path out = dir / name;
    std::vector<std::string> args{"render",   example_data().string(),
                                  "--layout", example_layout().string(),
                                  "-o",       out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = drukwerk(args, env);
    INFO("command: " << r.command);
    INFO("stdout:\n" << r.out);
    INFO("stderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());  // the example is clean: not even a warning
    CHECK(r.out.empty());
    return out;
}

// Runs a reader and REQUIREs exit 0; returns its stdout.
std::string read_with(const std::vector<std::string>& argv) {
    RunResult r = run(argv);
    INFO("command: " << r.command);
    INFO("stderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// `pdfinfo` output as key → value (the text after "Key:" and its padding).
std::map<std::string, std::string> pdfinfo_fields(const std::string& text) {
    std::map<std::string, std::string> fields;
    for (const std::string& line : split_lines(text)) {
        std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        fields[line.substr(0, colon)] = trim(line.substr(colon + 1));
    }
    return fields;
}

int page_count(const fs::path& pdf) {
    auto fields = pdfinfo_fields(read_with({"pdfinfo", pdf.string()}));
    return std::stoi(fields.at("Pages"));
}

struct OutlineEntry {
    std::string title;
    int depth = 0;
    int page = 0;  // 1-based; 0 when qpdf could not resolve the destination
};

void flatten_outline(const Json& list, int depth, std::vector<OutlineEntry>& out) {
    for (const Json& item : list.array) {
        OutlineEntry e;
        e.depth = depth;
        if (const Json* t = item.find("title"); t && t->is_string()) e.title = t->string;
        if (const Json* p = item.find("destpageposfrom1"); p && p->is_number())
            e.page = static_cast<int>(p->number);
        out.push_back(e);
        if (const Json* kids = item.find("kids"); kids && kids->is_array())
            flatten_outline(*kids, depth + 1, out);
    }
}

std::string describe(const std::vector<OutlineEntry>& outline) {
    std::string s;
    for (const auto& e : outline)
        s += std::string(2 * e.depth, ' ') + e.title + " (p. " + std::to_string(e.page) + ")\n";
    return s;
}

}  // namespace

TEST_CASE("qpdf --check finds the example PDF free of errors and warnings", "[e2e][pdf]") {
    require_programs({"qpdf"});
    TempDir dir;
    const fs::path pdf = render_example(dir, "v.pdf");
    RunResult r = run({"qpdf", "--check", pdf.string()});
    INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
    CHECK(r.exit_code == 0);  // 3 would mean warnings, 2 errors
    CHECK(r.err.empty());
    CHECK(contains(r.out, "No syntax or stream encoding errors found"));
    CHECK_FALSE(contains(r.out, "WARNING"));
    CHECK_FALSE(contains(r.out, "ERROR"));
}

TEST_CASE("every font of the example PDF is a bundled font, embedded and subset",
          "[e2e][pdf][fonts]") {
    require_programs({"pdffonts"});
    // The bundled faces, by their PostScript names (= the file names in fonts/).
    std::set<std::string> bundled;
    for (const auto& entry : fs::recursive_directory_iterator(source_root() / "fonts")) {
        const std::string ext = entry.path().extension().string();
        if (ext == ".ttf" || ext == ".otf") bundled.insert(entry.path().stem().string());
    }
    REQUIRE(bundled.count("Lato-Regular") == 1);

    TempDir dir;
    const fs::path pdf = render_example(dir, "v.pdf");
    const std::string listing = read_with({"pdffonts", pdf.string()});
    INFO("pdffonts:\n" << listing);

    // name type... encoding emb sub uni objnum gen: the last five columns are fixed.
    std::vector<std::string> lines = split_lines(listing);
    auto rule = std::find_if(lines.begin(), lines.end(),
                             [](const std::string& l) { return starts_with(l, "-----"); });
    REQUIRE(rule != lines.end());
    std::set<std::string> used;
    int fonts = 0;
    static const std::regex subset_name(R"(([A-Z]{6})\+(.+))");
    for (auto it = rule + 1; it != lines.end(); ++it) {
        std::vector<std::string> w = split_words(*it);
        if (w.empty()) continue;
        ++fonts;
        INFO("font line: " << *it);
        REQUIRE(w.size() >= 7);
        const std::string& name = w[0];
        const std::string& emb = w[w.size() - 5];
        const std::string& sub = w[w.size() - 4];
        CHECK(emb == "yes");
        CHECK(sub == "yes");
        std::smatch m;
        REQUIRE(std::regex_match(name, m, subset_name));
        const std::string base = m[2];
        CHECK(bundled.count(base) == 1);
        used.insert(base);
    }
    CHECK(fonts > 0);
    // What the minutes layout asks for: Lato for text (regular, bold attendee names, italic
    // captions), League Spartan Bold for headings and ExtraBold (weight 800) for the wordmark,
    // Comic Neue for the post-its, Noto Sans Symbols 2 for ✉ ☎ ☐.
    for (const char* face :
         {"Lato-Regular", "Lato-Bold", "Lato-Italic", "LeagueSpartan-Bold",
          "LeagueSpartan-ExtraBold", "ComicNeue-Regular", "NotoSansSymbols2-Regular"}) {
        INFO("face: " << face);
        CHECK(used.count(face) == 1);
    }
}

TEST_CASE("pdfinfo: A4 pages and the metadata of the layout", "[e2e][pdf][metadata]") {
    require_programs({"pdfinfo"});
    TempDir dir;
    const fs::path pdf = render_example(dir, "v.pdf");
    const std::string info = read_with({"pdfinfo", "-isodates", pdf.string()});
    INFO("pdfinfo:\n" << info);
    auto f = pdfinfo_fields(info);

    CHECK(f["Title"] == kTitle);
    CHECK(f["Author"] == kAuthor);
    CHECK(f["Subject"] == kSubject);
    CHECK(f["Keywords"] == kKeywords);
    CHECK(f["CreationDate"] == "2024-11-12T00:00:00Z");
    CHECK(f["ModDate"] == "2024-11-12T00:00:00Z");
    CHECK(f["Encrypted"] == "no");

    const int pages = std::stoi(f["Pages"]);
    CHECK(pages >= 5);
    CHECK(pages <= 12);

    // Every page, not only the first, is A4 (595.276 x 841.89 pt).
    const std::string sizes =
        read_with({"pdfinfo", "-f", "1", "-l", std::to_string(pages), pdf.string()});
    int a4_pages = 0;
    static const std::regex page_size(R"(Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts(.*))");
    for (const std::string& line : split_lines(sizes)) {
        std::smatch m;
        if (!std::regex_match(line, m, page_size)) continue;
        INFO(line);
        CHECK(std::abs(std::stod(m[2]) - 595.276) < 0.01);
        CHECK(std::abs(std::stod(m[3]) - 841.89) < 0.01);
        CHECK(trim(m[4]) == "(A4)");
        ++a4_pages;
    }
    CHECK(a4_pages == pages);
}

TEST_CASE("the PDF's language is the layout's metadata language nl-NL", "[e2e][pdf][metadata]") {
    require_programs({"qpdf"});
    TempDir dir;
    const fs::path pdf = render_example(dir, "v.pdf");
    const Json json = qpdf_json(pdf, "qpdf");
    auto objects = qpdf_objects(json);
    REQUIRE(objects.count("trailer") == 1);
    const Json* catalog = resolve(objects, objects["trailer"]->find("/Root"));
    REQUIRE(catalog);
    const Json* lang = resolve(objects, catalog->find("/Lang"));
    INFO("layouts/minutes.xml has <metadata language=\"nl-NL\">; the catalog must carry /Lang");
    REQUIRE(lang);
    CHECK(pdf_text(lang) == "nl-NL");
}

TEST_CASE("two renders are byte-identical, and SOURCE_DATE_EPOCH sets their dates",
          "[e2e][pdf][reproducible]") {
    require_programs({"cmp", "pdfinfo"});
    TempDir dir;
    const fs::path a = render_example(dir, "a.pdf");
    const fs::path b = render_example(dir, "b.pdf");
    {
        RunResult r = run({"cmp", a.string(), b.string()});
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
    }

    const EnvChanges epoch{{"SOURCE_DATE_EPOCH", "1700000000"}};  // 2023-11-14T22:13:20Z
    const fs::path c = render_example(dir, "c.pdf", {}, epoch);
    const fs::path d = render_example(dir, "d.pdf", {}, epoch);
    {
        RunResult r = run({"cmp", c.string(), d.string()});
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
    }
    auto f = pdfinfo_fields(read_with({"pdfinfo", "-isodates", c.string()}));
    CHECK(f["CreationDate"] == "2023-11-14T22:13:20Z");
    CHECK(f["ModDate"] == "2023-11-14T22:13:20Z");
    CHECK(read_file(a) != read_file(c));  // the date is really in the bytes
}

TEST_CASE("the outline holds the sections of the minutes in order", "[e2e][pdf][outline]") {
    require_programs({"qpdf", "pdfinfo"});
    TempDir dir;
    const fs::path pdf = render_example(dir, "v.pdf");
    const int pages = page_count(pdf);
    const Json json = qpdf_json(pdf, "outlines");
    const Json* list = json.find("outlines");
    REQUIRE(list);
    REQUIRE(list->is_array());
    std::vector<OutlineEntry> outline;
    flatten_outline(*list, 0, outline);
    INFO("outline:\n" << describe(outline));

    // layouts/minutes.xml: the series title and "Aanwezigen" and "Contact" at level 1 (bookmark=1),
    // the body's # headings at level 1 and ## headings at level 2 (bookmarks="2").
    const std::vector<std::pair<std::string, int>> expected{
        {"Consortium bijeenkomst", 0},
        {"Aanwezigen", 0},
        {"De bijeenkomst", 0},
        {"Presentatie Zorgbelang / Leefbaarheidsalliantie", 0},
        {"Wat hebben we uit het project gehaald en geleerd?", 0},
        {"Project update", 0},
        {"Bouwstenen", 0},
        {"1. De rol van aanjager is cruciaal", 1},
        {"2. Verbind beleid en leefwereld", 1},
        {"3. Zorg voor heldere visie en strategie op participatie", 1},
        {"4. Communicatie met bewoners(initiatieven): transparant, toegankelijk en persoonlijk", 1},
        {"5. Faciliteer als professional waar mensen door in beweging komen", 1},
        {"Reflecties", 0},
        {"Brainstorm slotbijeenkomst", 0},
        {"Volgende stappen", 0},
        {"Contact", 0},
    };
    REQUIRE(outline.size() == expected.size());
    int previous_page = 1;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("entry " << i + 1);
        CHECK(outline[i].title == expected[i].first);
        CHECK(outline[i].depth == expected[i].second);
        // Every entry leads to a page, in reading order.
        CHECK(outline[i].page >= previous_page);
        CHECK(outline[i].page <= pages);
        previous_page = std::max(previous_page, outline[i].page);
    }
    CHECK(outline.front().page == 1);
    CHECK(outline.back().page == pages);  // "Contact" ends the document
}

TEST_CASE("every URL of the minutes is a URI link annotation", "[e2e][pdf][links]") {
    require_programs({"qpdf"});
    TempDir dir;
    const fs::path pdf = render_example(dir, "v.pdf");
    const Json json = qpdf_json(pdf, "qpdf");
    auto objects = qpdf_objects(json);

    const std::vector<const Json*> pages = pdf_pages(objects);
    REQUIRE(pages.size() >= 5);

    std::multimap<std::string, int> uri_pages;  // URI → page number (1-based)
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const Json* annots = resolve(objects, pages[p]->find("/Annots"));
        if (!annots) continue;
        for (const Json& a : annots->array) {
            const Json* annot = resolve(objects, &a);
            REQUIRE(annot);
            const Json* subtype = annot->find("/Subtype");
            if (!subtype || subtype->string != "/Link") continue;
            const Json* action = resolve(objects, annot->find("/A"));
            if (!action) continue;
            const Json* kind = action->find("/S");
            if (!kind || kind->string != "/URI") continue;
            CHECK(annot->find("/Rect"));
            uri_pages.emplace(pdf_text(action->find("/URI")), static_cast<int>(p) + 1);
        }
    }
    std::string found;
    for (const auto& [uri, page] : uri_pages)
        found += "  p. " + std::to_string(page) + ": " + uri + "\n";
    INFO("URI links found:\n" << found);

    const std::vector<std::string> urls{
        "https://prezi.com/view/PKyeXoEmlnr5Jai58dry/",
        "https://www.leefbaarheidsalliantie.nl/wijk-en-en-dorpendeal/",
        "https://www.lsabewoners.nl/buurtbewoners-verbinden/"
        "ontwikkel-de-buurt-met-asset-based-community-development/",
        "mailto:mellany.vanbommel@wur.nl",
    };
    for (const std::string& url : urls) {
        INFO("URL: " << url);
        CHECK(uri_pages.count(url) >= 1);
    }
    // No other links: every link target comes from the input.
    for (const auto& [uri, page] : uri_pages) {
        INFO("unexpected link: " << uri);
        CHECK(std::find(urls.begin(), urls.end(), uri) != urls.end());
    }
    // The prezi link is in the first section (page 1); the e-mail is in the contact box at the end.
    auto prezi = uri_pages.find(urls[0]);
    if (prezi != uri_pages.end()) CHECK(prezi->second == 1);
    auto mail = uri_pages.find(urls[3]);
    if (mail != uri_pages.end()) CHECK(mail->second == static_cast<int>(pages.size()));
}

TEST_CASE("PNG and SVG previews: one file per selected page, the right size", "[e2e][png][svg]") {
    TempDir dir;

    SECTION("--format png --dpi 50 --pages 1 writes one PNG of A4 at 50 dpi") {
        render_example(dir, "page.png", {"--format", "png", "--dpi", "50", "--pages", "1"});
        CHECK(list_dir(dir.path()) == std::vector<std::string>{"page.png"});
        PngHeader h = read_png_header(read_file(dir / "page.png"));
        REQUIRE(h.valid);
        // 210 mm x 297 mm at 50 dpi = 413.39 x 584.65 px
        CHECK(h.width == 413);
        CHECK(h.height == 585);
    }
    SECTION("--format png decides the format of a name without an extension") {
        render_example(dir, "preview", {"--format", "png", "--dpi", "20", "--pages", "3"});
        CHECK(list_dir(dir.path()) == std::vector<std::string>{"preview"});
        PngHeader h = read_png_header(read_file(dir / "preview"));
        REQUIRE(h.valid);
        CHECK(h.width == 165);   // 210 / 25.4 * 20 = 165.35
        CHECK(h.height == 234);  // 297 / 25.4 * 20 = 233.86
    }
    SECTION("--format svg --pages 2 writes one SVG") {
        render_example(dir, "page.svg", {"--format", "svg", "--pages", "2"});
        CHECK(list_dir(dir.path()) == std::vector<std::string>{"page.svg"});
        const std::string svg = read_file(dir / "page.svg");
        CHECK(starts_with(svg, "<?xml"));
        CHECK(contains(svg, "<svg"));
        CHECK(contains(svg, "</svg>"));
        // A4 in points, as cairo writes it.
        static const std::regex size(
            R"(<svg[^>]*width="595(\.\d+)?(pt)?"[^>]*height="841(\.\d+)?(pt)?")");
        CHECK(std::regex_search(svg, size));
    }
    SECTION("all pages as PNG: name-1.png ... name-N.png and nothing else") {
        require_programs({"pdfinfo"});
        const fs::path pdf = render_example(dir, "v.pdf");
        const int pages = page_count(pdf);
        fs::create_directory(dir / "png");
        render_example(dir, "png/name.png", {"--dpi", "12"});
        std::vector<std::string> expected;
        for (int i = 1; i <= pages; ++i) expected.push_back("name-" + std::to_string(i) + ".png");
        std::sort(expected.begin(), expected.end());
        CHECK(list_dir(dir / "png") == expected);
        for (const std::string& name : expected) {
            INFO(name);
            PngHeader h = read_png_header(read_file(dir / "png" / name));
            CHECK(h.valid);
            CHECK(h.width == 99);    // 210 / 25.4 * 12 = 99.2
            CHECK(h.height == 140);  // 297 / 25.4 * 12 = 140.3
        }
    }
}

TEST_CASE("the last page has the contact e-mail and 'Pagina N van N'", "[e2e][pdf][text]") {
    require_programs({"pdftotext", "pdfinfo"});
    TempDir dir;
    const fs::path pdf = render_example(dir, "v.pdf");
    const int pages = page_count(pdf);
    const std::string n = std::to_string(pages);
    const std::string last =
        read_with({"pdftotext", "-enc", "UTF-8", "-f", n, "-l", n, pdf.string(), "-"});
    INFO("last page:\n" << last);
    CHECK(contains(last, "mellany.vanbommel@wur.nl"));
    CHECK(contains(last, "Pagina " + n + " van " + n));
    CHECK(contains(last, "06 - 36 45 43 00"));

    // And every other page counts itself: "Pagina i van N".
    for (int i = 1; i < pages; ++i) {
        const std::string p = std::to_string(i);
        const std::string text =
            read_with({"pdftotext", "-enc", "UTF-8", "-f", p, "-l", p, pdf.string(), "-"});
        INFO("page " << i << ":\n" << text);
        CHECK(contains(text, "Pagina " + p + " van " + n));
    }
}

TEST_CASE("check on the example exits 0 and writes nothing", "[e2e][check]") {
    TempDir dir;
    RunResult r = drukwerk(
        {"check", example_data().string(), "--layout", example_layout().string()}, {}, dir.path());
    INFO("command: " << r.command << "\nstderr:\n" << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(list_dir(dir.path()).empty());  // nothing in the working directory either
}

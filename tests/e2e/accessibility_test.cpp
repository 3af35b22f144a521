// End-to-end: the PDF/UA-1 parts of the example minutes that the finishing pass adds to what
// Cairo writes (src/output/pdf_accessibility.h), read back with qpdf: the XMP metadata, /Alt on
// figures, link annotations with /Contents and pages with /Tabs /S, and no page content
// outside marked content. The layout's alt texts come from layouts/minutes.xml (two images of
// the logo, alt="Wij zijn de Wijk").
#include <catch2/catch.hpp>
#include <algorithm>
#include <cctype>
#include <functional>
#include <string>
#include <vector>

#include "e2e/e2e_support.h"
#include "e2e/qpdf_json.h"

namespace {

using namespace e2e;

const char* const kTitle = "Verslag consortium bijeenkomst 12 november 2024";

RunResult render(const fs::path& layout, const fs::path& out,
                 const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"render", example_data().string(), "--layout", layout.string(),
                                  "-o",     out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return drukwerk(args);
}

fs::path render_minutes(const TempDir& dir) {
    const fs::path out = dir / "v.pdf";
    RunResult r = render(example_layout(), out);
    INFO("stderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return out;
}

// The minutes layout with its logo images pointing at the original file, and `from` replaced
// by `to` (once).
fs::path edited_layout(const TempDir& dir, const std::string& from, const std::string& to) {
    std::string xml = read_file(example_layout());
    const std::string logo = (example_layout().parent_path() / "wijk-mark.svg").string();
    for (size_t at = xml.find("src=\"wijk-mark.svg\""); at != std::string::npos;
         at = xml.find("src=\"wijk-mark.svg\"", at + 1))
        xml.replace(at, 19, "src=\"" + logo + "\"");
    const size_t at = xml.find(from);
    REQUIRE(at != std::string::npos);
    xml.replace(at, from.size(), to);
    const fs::path path = dir / "minutes.xml";
    write_file(path, xml);
    return path;
}

// Every structure element below `node`, depth first in structure order.
void walk_structure(const std::map<std::string, const Json*>& objects, const Json* node,
                    const std::function<void(const Json&)>& visit) {
    node = resolve(objects, node);
    if (!node) return;
    if (node->is_array()) {
        for (const Json& kid : node->array) walk_structure(objects, &kid, visit);
        return;
    }
    if (!node->is_object()) return;
    const Json* type = node->find("/Type");
    if (type && type->string != "/StructElem") return;
    visit(*node);
    walk_structure(objects, node->find("/K"), visit);
}

// The content stream of each page of `pdf`, decoded, in page order (at least five pages).
std::vector<std::string> page_contents(const fs::path& pdf) {
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    std::vector<std::string> contents;
    for (const Json* page : pdf_pages(objects)) {
        const Json* stream = page->find("/Contents");
        REQUIRE((stream && stream->is_string()));
        contents.push_back(stream_data(pdf, stream->string));
    }
    REQUIRE(contents.size() >= 5);
    return contents;
}

// The structure tree root of a PDF read with qpdf_objects.
const Json* structure_root(const std::map<std::string, const Json*>& objects) {
    const Json* catalog = resolve(objects, objects.at("trailer")->find("/Root"));
    const Json* root = catalog ? resolve(objects, catalog->find("/StructTreeRoot")) : nullptr;
    REQUIRE(root);
    return root;
}

std::vector<std::string> figure_alts(const fs::path& pdf) {
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    std::vector<std::string> alts;
    walk_structure(objects, structure_root(objects)->find("/K"), [&](const Json& e) {
        const Json* s = e.find("/S");
        if (s && s->string == "/Figure") alts.push_back(pdf_text(e.find("/Alt")));
    });
    return alts;
}

// The operators of a content stream that paint or set text, outside any marked content.
std::vector<std::string> unmarked_operators(const std::string& content) {
    std::vector<std::string> found;
    int depth = 0;
    size_t i = 0;
    while (i < content.size()) {
        const char c = content[i];
        if (c == '(' || c == '<' || c == '[') {  // skip strings, hex strings, dictionaries, arrays
            const char close = c == '(' ? ')' : c == '<' ? '>' : ']';
            int nest = 0;
            for (; i < content.size(); ++i) {
                if (content[i] == '\\' && c == '(') { ++i; continue; }
                if (content[i] == c) ++nest;
                if (content[i] == close && --nest == 0) break;
            }
            ++i;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '.' ||
            std::isdigit(static_cast<unsigned char>(c))) {
            size_t end = content.find_first_of(" \n\r\t", i);
            i = end == std::string::npos ? content.size() : end + 1;
            continue;
        }
        size_t end = content.find_first_of(" \n\r\t[(</", i);
        if (end == std::string::npos) end = content.size();
        const std::string op = content.substr(i, end - i);
        i = end;
        if (op == "BDC" || op == "BMC") ++depth;
        else if (op == "EMC") --depth;
        else if (depth == 0 && (op == "Tj" || op == "TJ" || op == "f" || op == "S" ||
                                op == "Do" || op == "B" || op == "f*" || op == "sh"))
            found.push_back(op);
    }
    return found;
}

// The example deck rendered in `mode` ("cards", "sheets") to `pdf`.
void render_deck(const fs::path& pdf, const std::string& mode) {
    RunResult r = drukwerk({"render", (source_root() / "inputs" / "bouwstenen.csv").string(),
                            "--layout", (source_root() / "layouts" / "cards.xml").string(),
                            "--mode", mode, "-o", pdf.string()});
    INFO("stderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
}

// The Sect elements of a PDF read with qpdf_objects, and how many of them hold an H1.
struct Sections {
    size_t count = 0, headed = 0;
};
Sections sections(const std::map<std::string, const Json*>& objects) {
    Sections found;
    walk_structure(objects, structure_root(objects)->find("/K"), [&](const Json& e) {
        const Json* s = e.find("/S");
        if (!s || s->string != "/Sect") return;
        ++found.count;
        bool heading = false;
        walk_structure(objects, e.find("/K"), [&](const Json& kid) {
            const Json* ks = kid.find("/S");
            heading = heading || (ks && ks->string == "/H1");
        });
        if (heading) ++found.headed;
    });
    return found;
}

// What the PDF/UA finishing adds to any PDF: the XMP identification, every page's decoration an
// artifact and nothing drawn outside marked content, and a sound file.
void check_finished(const fs::path& pdf, const std::map<std::string, const Json*>& objects) {
    const Json* catalog = resolve(objects, objects.at("trailer")->find("/Root"));
    REQUIRE(catalog);
    const Json* metadata = catalog->find("/Metadata");
    REQUIRE(metadata);
    CHECK(contains(stream_data(pdf, metadata->string), "<pdfuaid:part>1</pdfuaid:part>"));
    for (const std::string& content : page_contents(pdf)) {
        CHECK(contains(content, "/Artifact BMC"));  // the theme band, the card's background
        CHECK(unmarked_operators(content).empty());
    }
    CHECK(run({"qpdf", "--check", pdf.string()}).exit_code == 0);
}

}  // namespace

TEST_CASE("the minutes carry XMP metadata with title, language and pdfuaid:part 1",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    const Json* catalog = resolve(objects, objects.at("trailer")->find("/Root"));
    REQUIRE(catalog);
    const Json* metadata = catalog->find("/Metadata");
    REQUIRE(metadata);
    const std::string xmp = stream_data(pdf, metadata->string);
    INFO(xmp);
    CHECK(contains(xmp, "<pdfuaid:part>1</pdfuaid:part>"));
    CHECK(contains(xmp, std::string("<rdf:li xml:lang=\"x-default\">") + kTitle + "</rdf:li>"));
    CHECK(contains(xmp, "<dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li></rdf:Bag></dc:language>"));
    const Json* mark = resolve(objects, catalog->find("/MarkInfo"));
    REQUIRE(mark);
    CHECK(mark->find("/Marked"));
}

TEST_CASE("the logos of the minutes are figures with the layout's alt text", "[e2e][pdf][ua]") {
    TempDir dir;
    const std::vector<std::string> alts = figure_alts(render_minutes(dir));
    REQUIRE(alts.size() == 2);
    for (const std::string& alt : alts) CHECK(alt == "Wij zijn de Wijk");
}

TEST_CASE("link annotations have /Contents, their pages /Tabs /S", "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    int links = 0;
    for (const Json* page : pdf_pages(objects)) {
        const Json* annots = resolve(objects, page->find("/Annots"));
        if (!annots || annots->array.empty()) continue;
        const Json* tabs = page->find("/Tabs");
        CHECK((tabs && tabs->string == "/S"));
        for (const Json& a : annots->array) {
            const Json* annot = resolve(objects, &a);
            REQUIRE(annot);
            ++links;
            INFO("annotation " << a.string);
            CHECK(!pdf_text(annot->find("/Contents")).empty());
            CHECK(annot->find("/StructParent"));  // reached from its Link element's OBJR
        }
    }
    CHECK(links >= 4);
}

TEST_CASE("no page content of the minutes is outside marked content", "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    const std::vector<std::string> pages = page_contents(pdf);
    for (size_t p = 0; p < pages.size(); ++p) {
        const std::string& content = pages[p];
        INFO("page " << p + 1);
        CHECK(contains(content, "/Artifact BMC"));  // the title band, rules, the footer's rule
        CHECK(unmarked_operators(content).empty());
        // Poppler and pdf.js stop reading a structure element at an ActualText span.
        CHECK(!contains(content, "/ActualText"));
    }
}

TEST_CASE("an image without alt is a warning, an error for PDF/UA-1, and alt=\"\" is decorative",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const std::string with_alt = "width=\"24mm\" alt=\"Wij zijn de Wijk\"";
    SECTION("missing alt") {
        const fs::path layout = edited_layout(dir, with_alt, "width=\"24mm\"");
        RunResult r = render(layout, dir / "v.pdf");
        INFO("stderr:\n" << r.err);
        CHECK(r.exit_code == 0);
        CHECK(diagnostic_lines(r.err, "warning").size() == 1);
        CHECK(contains(r.err, "minutes.xml:"));
        CHECK(contains(r.err, "alt"));

        r = render(layout, dir / "w.pdf", {"--pdf-standard", "ua-1"});
        CHECK(r.exit_code == 1);
        CHECK(diagnostic_lines(r.err, "error").size() == 1);
        CHECK(!fs::exists(dir / "w.pdf"));
    }
    SECTION("alt=\"\"") {
        const fs::path layout = edited_layout(dir, with_alt, "width=\"24mm\" alt=\"\"");
        RunResult r = render(layout, dir / "v.pdf", {"--pdf-standard", "ua-1"});
        INFO("stderr:\n" << r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(figure_alts(dir / "v.pdf") == std::vector<std::string>{"Wij zijn de Wijk"});
    }
}

TEST_CASE("PDF/UA-1 with the libharu writer is a usage error", "[e2e][pdf][ua]") {
    TempDir dir;
    RunResult r = render(example_layout(), dir / "v.pdf",
                         {"--pdf-standard", "ua-1", "--backend", "haru"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "ua-1"));
    CHECK(!fs::exists(dir / "v.pdf"));
}

TEST_CASE("poppler reads the structure of the minutes: whole sentences, words apart, no page "
          "furniture",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    RunResult r = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(r.exit_code == 0);
    const std::string& text = r.out;
    INFO(text);
    // Two lines of one heading, and of one paragraph, are two words, not one.
    CHECK(contains(text, "\"CONSORTIUM BIJEENKOMST\""));
    CHECK(contains(text, "doen en kunnen"));
    CHECK(contains(text, "\"Bart Lichtenberg gemeente Arnhem\""));  // a forced line break
    // A hyphen at a line end and a ligature do not cut the paragraph short.
    CHECK(contains(text, "ons pro-ject. Dit was de vierde"));
    CHECK(contains(text, "Het was fijn om bij te praten, met een aantal nieuwe mensen"));
    // A list item's bullet is its label, before its body, not a word inside its text.
    CHECK(contains(text, "Lbl (block)\n        \"\xE2\x80\xA2\"\n      LBody (block)\n"
                         "        P (block)\n          \"Nuderijk is de eerste wijkendeal"));
    CHECK(!contains(text, "Leef-\xE2\x80\xA2"));
    // The running header and footer are artifacts.
    CHECK(!contains(text, "Pagina 1 van"));
    // The header's wordmark: only the contact box's own, once.
    CHECK(count_of(text, "\"WIJ ZIJN DE WIJK\"") <= 1);
}

namespace {

// The structure types ("/L", "/LI") of an element's element children, in order.
std::vector<std::string> child_types(const std::map<std::string, const Json*>& objects,
                                     const Json& element) {
    std::vector<std::string> types;
    std::function<void(const Json*)> collect = [&](const Json* kid) {
        kid = resolve(objects, kid);
        if (!kid) return;
        if (kid->is_array()) {
            for (const Json& k : kid->array) collect(&k);
            return;
        }
        const Json* s = kid->is_object() ? kid->find("/S") : nullptr;
        if (s) types.push_back(s->string);
    };
    collect(element.find("/K"));
    return types;
}

}  // namespace

TEST_CASE("lists are L with LI items of Lbl and LBody, a sub-list inside its item's body",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    size_t lists = 0, items = 0, nested = 0;
    std::vector<std::string> stray;  // list parts outside their place
    std::function<void(const Json&, const std::string&)> visit;
    // The element children of `kids` (a /K value), visited with `parent` as their parent.
    std::function<void(const Json*, const std::string&)> descend = [&](const Json* kid,
                                                                       const std::string& parent) {
        kid = resolve(objects, kid);
        if (!kid) return;
        if (kid->is_array()) {
            for (const Json& k : kid->array) descend(&k, parent);
            return;
        }
        const Json* t = kid->is_object() ? kid->find("/Type") : nullptr;
        if (kid->is_object() && kid->find("/S") && (!t || t->string == "/StructElem"))
            visit(*kid, parent);
    };
    visit = [&](const Json& e, const std::string& parent) {
        const Json* s = e.find("/S");
        const std::string type = s ? s->string : "";
        const std::vector<std::string> kids = child_types(objects, e);
        if (type == "/L") {
            ++lists;
            nested += parent == "/LBody";
            for (const std::string& kid : kids)
                if (kid != "/LI") stray.push_back("L holds " + kid);
        } else if (type == "/LI") {
            // Also an item that a page break splits: its parts are joined into one.
            ++items;
            if (parent != "/L") stray.push_back("LI in " + parent);
            if (kids != std::vector<std::string>{"/Lbl", "/LBody"})
                stray.push_back("LI holds " + std::to_string(kids.size()) + " parts");
        } else if ((type == "/Lbl" || type == "/LBody") && parent != "/LI") {
            stray.push_back(type + " in " + parent);
        }
        descend(e.find("/K"), type);
    };
    descend(structure_root(objects)->find("/K"), "");
    INFO(lists << " lists, " << items << " items");
    CHECK(stray == std::vector<std::string>{});
    CHECK(lists >= 5);
    CHECK(items >= 20);
    CHECK(nested >= 1);  // "De belangrijkste inzichten:" and its sub-list
}

TEST_CASE("a paragraph, a list item and a table that a page break splits are one element each",
          "[e2e][pdf][ua]") {
    TempDir dir;
    // The front matter of an example meeting, then a paragraph and a table of several pages.
    const std::string example = read_file(source_root() / "inputs" / "verslag-consortium-2025-01-21.md");
    std::string data = example.substr(0, example.find("\n---\n", 4) + 5) + "\n# Lang\n\n";
    for (int i = 1; i <= 60; ++i)
        data += "Zin " + std::to_string(i) + " van de alinea die over de paginagrens loopt. ";
    data += "\n\n# Tabel\n\n| Onderdeel | Bedrag |\n|---|---:|\n";
    for (int i = 1; i <= 70; ++i)
        data += "| Onderdeel " + std::to_string(i) + " | " + std::to_string(i * 10) + ",- |\n";
    write_file(dir / "lang.md", data);
    const fs::path pdf = dir / "lang.pdf";
    RunResult r = drukwerk({"render", (dir / "lang.md").string(), "--layout",
                            example_layout().string(), "-o", pdf.string()});
    INFO("stderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    // On paper: the paragraph runs over a page, the table over two, its header on each page.
    RunResult text = run({"pdftotext", pdf.string(), "-"});
    REQUIRE(count_of(text.out, "\f") >= 3);
    REQUIRE(count_of(text.out, "ONDERDEEL") >= 3);
    RunResult structure = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(structure.exit_code == 0);
    const std::vector<std::string> lines = split_lines(structure.out);
    // The element that holds a text, and whether `other` is in the same element.
    auto element_of = [&](const std::string& needle) {
        for (size_t i = 0; i < lines.size(); ++i)
            if (contains(lines[i], needle)) {
                size_t element = i;
                while (element > 0 && lines[element].find('"') != std::string::npos) --element;
                return element;
            }
        return lines.size();
    };
    INFO(structure.out.substr(0, 4000));
    CHECK(element_of("Zin 1 van") < lines.size());
    CHECK(element_of("Zin 1 van") == element_of("Zin 60 van"));
    // One table, its header row read once.
    CHECK(count_of(structure.out, "ONDERDEEL") == 1);
    CHECK(count_of(structure.out, "Onderdeel 70") == 1);
    size_t tables_before_decisions = 0;
    for (const std::string& line : lines) {
        if (contains(line, "BESLUITENLIJST")) break;
        tables_before_decisions += contains(line, "Table");
    }
    CHECK(tables_before_decisions == 1);
    CHECK(run({"qpdf", "--check", pdf.string()}).exit_code == 0);
}

namespace {

// The text of `pdfinfo -struct-text`'s output: its quoted strings in order, blanks collapsed.
std::string structure_text(const std::string& struct_text) {
    std::string text;
    for (const std::string& line : split_lines(struct_text)) {
        const size_t open = line.find('"'), close = line.rfind('"');
        if (open != std::string::npos && close > open) text += line.substr(open + 1, close - open - 1) + " ";
    }
    return collapse_spaces(text);
}

}  // namespace

TEST_CASE("no-break spaces and hyphens do not cut a paragraph or a footnote short",
          "[e2e][pdf][ua]") {
    TempDir dir;
    // An example meeting (its footnotes begin with the number and a no-break space), and a
    // paragraph with the spaces a word processor writes.
    const std::string example = read_file(source_root() / "inputs" / "verslag-consortium-2025-01-21.md");
    const size_t body = example.find("\n---\n", 4) + 5;
    const std::string data = example.substr(0, body) +
                             "\n# Spaties\n\nDe begroting is\u00A0\u20AC\u00A0300, de 12\u202Fnov.-"
                             "vergadering en de\u2011regel; daarna komt nog meer tekst.\n" +
                             example.substr(body);
    write_file(dir / "spaties.md", data);
    fs::copy_file(source_root() / "inputs" / "postit-muur-2025-01-21.png",
                  dir / "postit-muur-2025-01-21.png");  // the meeting's picture
    const fs::path pdf = dir / "spaties.pdf";
    RunResult r = drukwerk({"render", (dir / "spaties.md").string(), "--layout",
                            example_layout().string(), "-o", pdf.string()});
    INFO("stderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    RunResult structure = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(structure.exit_code == 0);
    const std::string text = structure_text(structure.out);
    INFO(text);
    // (The font has glyphs of their own for some of them, which stay as they are.)
    CHECK(contains(text, "De begroting is \u20AC 300, de 12"));
    CHECK(contains(text, "nov.-vergadering en de"));
    CHECK(contains(text, "regel; daarna komt nog meer tekst."));
    CHECK(contains(text, "1 Ede draagt de helft van het wijkbudget"));
    CHECK(contains(text, "2 Het plafond geldt tot de zomer"));
}

TEST_CASE("letter-spaced text carries its words as /ActualText, other text none",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    std::vector<std::string> actual;
    walk_structure(objects, structure_root(objects)->find("/K"), [&](const Json& e) {
        if (const Json* t = e.find("/ActualText")) actual.push_back(pdf_text(t));
    });
    INFO(actual.size() << " elements with /ActualText");
    // The title block's kicker (letter-spacing 1.5pt) and the upper-case headings.
    CHECK(std::find(actual.begin(), actual.end(), "VERSLAG \u00B7 WIJ ZIJN DE WIJK") != actual.end());
    CHECK(std::find(actual.begin(), actual.end(), "AANWEZIGEN") != actual.end());
    // Body text is not letter-spaced: it is read from its content.
    for (const std::string& text : actual) CHECK(text.find("Nuderijk") == std::string::npos);
}

TEST_CASE("ligatures extract as their letters", "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    RunResult text = run({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
    REQUIRE(text.exit_code == 0);
    RunResult structure = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(structure.exit_code == 0);
    for (const std::string* out : {&text.out, &structure.out}) {
        // U+FB00..U+FB04 (ﬀ ﬁ ﬂ ﬃ ﬄ) are EF AC 80..84 in UTF-8.
        for (const char* form : {"\xEF\xAC\x80", "\xEF\xAC\x81", "\xEF\xAC\x82", "\xEF\xAC\x83",
                                 "\xEF\xAC\x84"})
            CHECK(!contains(*out, form));
    }
    CHECK(contains(structure.out, "Het was fijn om bij te praten"));
    CHECK(contains(text.out, "fijn"));
}

TEST_CASE("a link's text is inside its Link element, the paragraph's own text around it",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    int links = 0;
    walk_structure(objects, structure_root(objects)->find("/K"), [&](const Json& e) {
        const Json* s = e.find("/S");
        if (!s || s->string != "/Link") return;
        ++links;
        int annotations = 0, content = 0;
        const Json* k = resolve(objects, e.find("/K"));
        REQUIRE(k);
        for (const Json& kid : k->is_array() ? k->array : std::vector<Json>{*k}) {
            const Json* v = resolve(objects, &kid);
            const Json* type = v ? v->find("/Type") : nullptr;
            if (type && type->string == "/OBJR") ++annotations;
            else if (v && (v->is_number() || (type && type->string == "/MCR"))) ++content;
        }
        CHECK(annotations >= 1);
        CHECK(content >= 1);  // not an empty Link element
    });
    CHECK(links >= 4);

    RunResult r = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(r.exit_code == 0);
    INFO(r.out);
    CHECK(contains(r.out, "Voor de prezi-presentatie van de bijeenkomst, zie deze link:"));
    CHECK(contains(r.out, "https://prezi.com/view/PKyeXoEmlnr5Jai58dry/"));
    CHECK(contains(r.out, "Voor meer informatie over de wijken- en dorpendeal:"));
}

TEST_CASE("a link broken over lines and over a page is one Link element with an annotation a line",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const std::string example =
        read_file(source_root() / "inputs" / "verslag-consortium-2025-01-21.md");
    std::string data = example.substr(0, example.find("\n---\n", 4) + 5) + "\n# Links\n\n";
    const std::string link_text =
        "de uitgebreide presentatie van het project Wij zijn de Wijk op de website van de "
        "universiteit";
    data += "Voor de presentatie zie [" + link_text +
            "](https://wijzijndewijk.nl/presentatie) en "
            "[de agenda](https://wijzijndewijk.nl/agenda)"
            "[ van maart](https://wijzijndewijk.nl/maart).\n\n";
    // Filler up to the last lines of the page, then a link of several lines: it breaks over the
    // page (checked below).
    for (int i = 1; i <= 44; ++i)
        data += "Zin " + std::to_string(i) + " van de alinea die de pagina vult tot onderaan. ";
    std::string long_text = link_text;
    for (int i = 0; i < 5; ++i) long_text += " en " + link_text;
    data += "Zie ook [" + long_text + "](https://wijzijndewijk.nl/lang) tot slot.\n";
    write_file(dir / "links.md", data);
    const fs::path pdf = dir / "links.pdf";
    RunResult r = drukwerk({"render", (dir / "links.md").string(), "--layout",
                            example_layout().string(), "-o", pdf.string()});
    INFO("stderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(run({"qpdf", "--check", pdf.string()}).exit_code == 0);
    RunResult structure = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(structure.exit_code == 0);
    INFO(structure.out);
    // Each Link element's text and number of annotations, in order.
    std::vector<std::pair<std::string, int>> links;
    const std::vector<std::string> lines = split_lines(structure.out);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (!contains(lines[i], "Link (inline)")) continue;
        const size_t depth = lines[i].find_first_not_of(' ');
        std::string text;
        int annotations = 0;
        for (size_t j = i + 1; j < lines.size() && lines[j].find_first_not_of(' ') > depth; ++j) {
            annotations += contains(lines[j], "Object ");
            const size_t open = lines[j].find('"'), close = lines[j].rfind('"');
            if (open != std::string::npos && close > open)
                text += lines[j].substr(open + 1, close - open - 1);
        }
        links.emplace_back(collapse_spaces(text), annotations);
    }
    auto link_reading = [&](const std::string& start) {
        for (const auto& link : links)
            if (link.first.rfind(start, 0) == 0) return link;
        return std::pair<std::string, int>{};
    };
    // The long link over two lines: one element, its whole text, both annotations.
    const auto first = link_reading("de uitgebreide presentatie");
    CHECK(first.first == link_text);
    CHECK(first.second == 2);
    // Two links side by side to other addresses stay two.
    CHECK(link_reading("de agenda").first == "de agenda");
    CHECK(link_reading("van maart").first == "van maart");
    // The long link, broken over the page: one element, an annotation for each of its lines.
    RunResult text = run({"pdftotext", pdf.string(), "-"});
    const size_t page_end = text.out.find('\f', text.out.find("Zie ook"));
    REQUIRE(page_end != std::string::npos);
    REQUIRE(text.out.find("tot slot") > page_end);
    size_t long_links = 0;
    for (const auto& link : links)
        if (link.first.rfind(link_text, 0) == 0 && link.first != link_text) {
            ++long_links;
            CHECK(link.first == long_text);
            CHECK(link.second >= 4);
        }
    CHECK(long_links == 1);
}

TEST_CASE("the running header and footer are pagination artifacts", "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    const std::vector<std::string> pages = page_contents(pdf);
    for (size_t p = 0; p < pages.size(); ++p) {
        const std::string& content = pages[p];
        INFO("page " << p + 1);
        CHECK(contains(content, "/Artifact <</Type /Pagination /Subtype /Header>> BDC"));
        CHECK(contains(content, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"));
        CHECK(!contains(content, "/Private"));
        CHECK(!contains(content, "/NonStruct"));
    }
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    walk_structure(objects, structure_root(objects)->find("/K"), [&](const Json& e) {
        const Json* s = e.find("/S");
        CHECK((s && s->string != "/Private" && s->string != "/NonStruct"));
    });
    RunResult check = run({"qpdf", "--check", pdf.string()});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
}

TEST_CASE("a section heading repeated on the next page and the continuation note are artifacts",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = render_minutes(dir);
    // On the page: three sections run over a page break, each repeating its heading at the top
    // of the next page and saying so at the foot of the first.
    RunResult text = run({"pdftotext", pdf.string(), "-"});
    REQUIRE(text.exit_code == 0);
    REQUIRE(contains(text.out, "Zie vervolg"));
    // In the structure: every heading once, and no continuation note.
    RunResult structure = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(structure.exit_code == 0);
    CHECK(!contains(structure.out, "Zie vervolg"));
    const std::vector<std::string> lines = split_lines(structure.out);
    std::map<std::string, int> heading_texts;
    size_t headings = 0;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::string tag = lines[i].substr(lines[i].find_first_not_of(' '));
        if (tag.size() >= 2 && tag[0] == 'H' && std::isdigit(static_cast<unsigned char>(tag[1])))
            ++heading_texts[lines[i + 1]], ++headings;
    }
    CHECK(headings >= 5);
    CHECK(heading_texts.size() == headings);  // the minutes' headings differ from each other
    for (const auto& [heading, count] : heading_texts) {
        INFO(heading);
        CHECK(count == 1);
    }
}

TEST_CASE("each card face is its own section headed by its title", "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = dir / "deck.pdf";
    render_deck(pdf, "cards");
    const Json json = qpdf_json(pdf, "qpdf");
    const auto objects = qpdf_objects(json);
    const size_t faces = pdf_pages(objects).size();
    REQUIRE(faces >= 2);
    const Sections found = sections(objects);
    CHECK(found.count == faces);
    CHECK(found.headed == faces);

    RunResult text = run({"pdfinfo", "-struct-text", pdf.string()});
    REQUIRE(text.exit_code == 0);
    CHECK(contains(text.out, "H1 (block)\n      \"De aanjager is onmisbaar\""));
}

TEST_CASE("a card deck painted face by face is finished for PDF/UA as the minutes are",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path pdf = dir / "deck.pdf";
    render_deck(pdf, "cards");
    const Json json = qpdf_json(pdf, "qpdf");
    check_finished(pdf, qpdf_objects(json));
}

TEST_CASE("imposed sheets: a section per face, fronts then backs, crop marks and note artifacts",
          "[e2e][pdf][ua]") {
    TempDir dir;
    const fs::path sheets = dir / "sheets.pdf", faces = dir / "faces.pdf";
    render_deck(sheets, "sheets");
    render_deck(faces, "cards");
    const Json json = qpdf_json(sheets, "qpdf");
    const auto objects = qpdf_objects(json);
    const Json faces_json = qpdf_json(faces, "qpdf");
    const size_t face_count = pdf_pages(qpdf_objects(faces_json)).size();
    // Each face a Sect of its own with its heading, the backs' theme names included (they
    // are not hidden in the back's repeated drawing).
    const Sections found = sections(objects);
    CHECK(found.count == face_count);
    CHECK(found.headed == face_count);

    // Reading order: the first sheet's nine fronts, then their nine backs.
    RunResult text = run({"pdfinfo", "-struct-text", sheets.string()});
    REQUIRE(text.exit_code == 0);
    const size_t first_front = text.out.find("\"De aanjager is onmisbaar\"");
    const size_t ninth_front = text.out.find("\"Vertrouwen komt eerst\"");
    const size_t first_back = text.out.find("\"Bouwstenen voor een gezonde wijkaanpak\"");
    REQUIRE(first_front != std::string::npos);
    REQUIRE(first_back != std::string::npos);
    CHECK(first_front < first_back);
    REQUIRE(ninth_front != std::string::npos);
    CHECK(ninth_front < first_back);
    // The printing note is not part of the deck's text.
    CHECK(!contains(text.out, "100 %"));

    // Crop marks, the note and the backs' drawing are artifacts: nothing is unmarked.
    check_finished(sheets, objects);
}

// End-to-end: everyone's text. Names in Arabic, Turkish, Polish, Vietnamese, Greek, Cyrillic
// and Hebrew and a paragraph with emoji render through the declared fallback fonts (pdftotext
// gives them back, pdffonts lists only embedded subsets); files as Windows saves them
// (Windows-1252 CSV from Excel, UTF-16 Markdown) are read; --encoding forces one; an HTML entity
// in a layout is an error with its fix; fonts a layout or --font-dir adds are used.
#include <catch2/catch.hpp>
#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "e2e/e2e_support.h"

namespace {

using namespace e2e;

const std::vector<std::string> kNames = {"محمد بن علي", "נועה כהן", "Ayşe Yılmaz", "Çağrı Öztürk", "Małgorzata Szczęsna",
                                         "Nguyễn Thị Hương", "Γιώργος Παπαδόπουλος", "Олена Шевченко"};
const std::string kEmojiLine = "vier elk succes 🎉";

// The example minutes with the names above added to the attendees and a paragraph with emoji.
std::string world_minutes() {
    std::string text = read_file(example_data());
    std::string extra;
    for (const auto& name : kNames) extra += "  - name: " + name + "\n    organisation: bewoner\n";
    const std::string key = "attendees:\n";
    text.insert(text.find(key) + key.size(), extra);
    return text + "\nWe gaan door, " + kEmojiLine + " en tot ziens 👍\n";
}

RunResult render(const fs::path& data, const fs::path& layout, const fs::path& out,
                 std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"render", data.string(), "--layout", layout.string(), "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return drukwerk(args);
}

std::string show(const RunResult& r) { return r.command + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err; }

// Every line of pdffonts after the header: "name type encoding emb sub uni object ID".
void check_fonts_embedded_subsets(const fs::path& pdf) {
    RunResult fonts = run({"pdffonts", pdf.string()});
    REQUIRE(fonts.exit_code == 0);
    std::vector<std::string> lines = split_lines(fonts.out);
    REQUIRE(lines.size() > 2);
    for (size_t i = 2; i < lines.size(); ++i) {
        INFO(lines[i]);
        std::vector<std::string> words = split_words(lines[i]);
        REQUIRE(words.size() >= 7);
        CHECK(std::regex_search(words[0], std::regex("^[A-Z]{6}\\+")));  // a subset
        CHECK(words[words.size() - 5] == "yes");                        // embedded
        CHECK(words[words.size() - 4] == "yes");                        // subset
    }
}

}  // namespace

TEST_CASE("names in every script and emoji render through the fallback fonts", "[e2e][world]") {
    TempDir dir;
    write_file(dir / "wereld.md", world_minutes());
    RunResult r = render(dir / "wereld.md", example_layout(), dir / "wereld.pdf");
    INFO(show(r));
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    RunResult text = run({"pdftotext", (dir / "wereld.pdf").string(), "-"});
    REQUIRE(text.exit_code == 0);
    for (const auto& name : kNames) {
        INFO(name);
        CHECK(contains(text.out, name));
    }
    CHECK(contains(text.out, kEmojiLine));
    RunResult fonts = run({"pdffonts", (dir / "wereld.pdf").string()});
    for (const char* family : {"NotoSansArabic", "NotoSansHebrew", "Symbola"}) {
        INFO(fonts.out);
        CHECK(contains(fonts.out, family));
    }
    check_fonts_embedded_subsets(dir / "wereld.pdf");
}

TEST_CASE("characters no font has: one error per run, naming the script", "[e2e][world]") {
    TempDir dir;
    std::string text = read_file(example_data()) + "\nIn het Chinees: 文字 en in het Thai: ก.\n";
    write_file(dir / "cjk.md", text);
    RunResult r = render(dir / "cjk.md", example_layout(), dir / "cjk.pdf");
    INFO(show(r));
    CHECK(r.exit_code == 1);
    std::vector<std::string> errors = diagnostic_lines(r.err, "error");
    REQUIRE(errors.size() == 2);
    CHECK(contains(errors[0], "no font has the Chinese (Han) characters '文字' (U+6587 U+5B57)"));
    CHECK(contains(errors[1], "no font has the Thai character 'ก' (U+0E01)"));
    CHECK_FALSE(fs::exists(dir / "cjk.pdf"));
}

TEST_CASE("tabs, vertical tabs and form feeds from a word processor are spaces between words",
          "[e2e][world]") {
    TempDir dir;
    std::string text = read_file(example_data()) +
                       "\nVan Word geplakt:\tmet tabs,\x0B een regeleinde en\x0C een pagina-einde.\n";
    write_file(dir / "tabs.md", text);
    RunResult r = render(dir / "tabs.md", example_layout(), dir / "tabs.pdf");
    INFO(show(r));
    REQUIRE(r.exit_code == 0);
    CHECK(diagnostic_lines(r.err, "error").empty());
    RunResult words = run({"pdftotext", (dir / "tabs.pdf").string(), "-"});
    CHECK(contains(collapse_spaces(words.out),
                   "Van Word geplakt: met tabs, een regeleinde en een pagina-einde."));
}

TEST_CASE("a card deck saved by Dutch Excel (Windows-1252, CRLF, semicolons) is read, with a note",
          "[e2e][world][encoding]") {
    TempDir dir;
    // "thema;les;titel;tekst;voorbeeld;plaats;aantal" in Windows-1252: ë=EB é=E9 ï=EF €=80.
    write_file(dir / "excel.csv",
               "thema;les;titel;tekst;voorbeeld;plaats;aantal\r\n"
               "1;1;Idee\xEBn van na\xEF" "eve caf\xE9gangers;Het kost \x80 5 per keer.;;;\r\n");
    RunResult r = render(dir / "excel.csv", source_root() / "layouts/cards.xml", dir / "k.pdf",
                         {"--mode", "cards"});
    INFO(show(r));
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> notes = diagnostic_lines(r.err, "note");
    REQUIRE(notes.size() == 1);
    CHECK(contains(notes[0], "excel.csv"));
    CHECK(contains(notes[0], "read as Windows-1252"));
    const std::string text = collapse_spaces(run({"pdftotext", (dir / "k.pdf").string(), "-"}).out);
    CHECK(contains(text, "Ideeën van naïeve cafégangers"));  // the title may wrap
    CHECK(contains(text, "€ 5"));
}

TEST_CASE("a forced encoding with a byte that does not fit is an error at line:col",
          "[e2e][world][encoding]") {
    TempDir dir;
    write_file(dir / "excel.csv",
               "thema;les;titel;tekst;voorbeeld;plaats;aantal\r\n1;1;Caf\xE9;Tekst;;;\r\n");
    RunResult r = render(dir / "excel.csv", source_root() / "layouts/cards.xml", dir / "k.pdf",
                         {"--encoding", "utf-8"});
    INFO(show(r));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "excel.csv:2:8: error: invalid UTF-8 byte 0xE9"));
    CHECK_FALSE(fs::exists(dir / "k.pdf"));

    write_file(dir / "undefined.csv", "thema;les;titel\r\n1;1;A\x81\r\n");
    RunResult w = render(dir / "undefined.csv", source_root() / "layouts/cards.xml", dir / "k.pdf",
                         {"--encoding", "windows-1252"});
    INFO(show(w));
    CHECK(w.exit_code == 1);
    CHECK(contains(w.err, "undefined.csv:2:6: error: byte 0x81 is not a Windows-1252 character"));
}

TEST_CASE("a Markdown file saved as UTF-16 is read as such", "[e2e][world][encoding]") {
    TempDir dir;
    const std::string utf8 = read_file(example_data());
    for (bool big_endian : {false, true}) {
        std::string utf16 = big_endian ? "\xFE\xFF" : "\xFF\xFE";
        for (size_t i = 0; i < utf8.size();) {  // the example's characters are all in the BMP
            const unsigned char c = static_cast<unsigned char>(utf8[i]);
            char32_t code = c;
            int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
            if (length == 2) code = (c & 0x1F) << 6 | (utf8[i + 1] & 0x3F);
            if (length == 3) code = (c & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F);
            const char high = char(code >> 8), low = char(code & 0xFF);
            utf16 += big_endian ? std::string{high, low} : std::string{low, high};
            i += size_t(length);
        }
        write_file(dir / "word.md", utf16);
        RunResult r = render(dir / "word.md", example_layout(), dir / "w.pdf");
        INFO(show(r));
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        RunResult text = run({"pdftotext", (dir / "w.pdf").string(), "-"});
        CHECK(contains(text.out, "Bart Lichtenberg"));
    }
}

TEST_CASE("an HTML entity in a layout is an error with its fix, never printed", "[e2e][world][layout]") {
    TempDir dir;
    std::string layout = read_file(example_layout());
    const std::string at = "<layout name=\"minutes\" version=\"1\">";
    REQUIRE(contains(layout, at));
    layout.replace(layout.find(at), at.size(), "<layout name=\"minutes&nbsp;caf&eacute;\" version=\"1\">");
    write_file(dir / "entity.xml", layout);
    RunResult r = render(example_data(), dir / "entity.xml", dir / "e.pdf");
    INFO(show(r));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "entity.xml:5:22: error: XML does not define the entity '&nbsp;'"));
    CHECK(contains(r.err, "note: write &#160; instead"));
    CHECK(contains(r.err, "entity.xml:5:31: error: XML does not define the entity '&eacute;'"));
    CHECK(contains(r.err, "write &#233; or the character 'é' itself"));
    CHECK_FALSE(fs::exists(dir / "e.pdf"));
}

TEST_CASE("a DOCTYPE never loads anything", "[e2e][world][layout]") {
    TempDir dir;
    std::string layout = read_file(example_layout());
    layout.insert(layout.find("<layout "),
                  "<!DOCTYPE layout [ <!ENTITY XXE SYSTEM \"file:///etc/passwd\"> ]>\n");
    write_file(dir / "xxe.xml", layout);
    RunResult r = render(example_data(), dir / "xxe.xml", dir / "x.pdf");
    INFO(show(r));
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "xxe.xml:5:1: error: a layout cannot declare entities in a DOCTYPE"));
    CHECK_FALSE(contains(r.err, "root:"));
}

TEST_CASE("a layout's font folder and --font-dir add fonts to the bundled ones",
          "[e2e][world][fonts]") {
    const fs::path serif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";  // fonts-noto-core
    REQUIRE(fs::exists(serif));
    TempDir dir;
    fs::copy(source_root() / "layouts", dir.path(), fs::copy_options::recursive);  // its images
    fs::create_directories(dir / "huisfont");
    fs::copy_file(serif, dir / "huisfont/NotoSerif-Regular.ttf");
    std::string layout = read_file(example_layout());
    const std::string body = "<style name=\"body\" family=\"Lato\"";
    REQUIRE(contains(layout, body));
    layout.replace(layout.find(body), body.size(), "<style name=\"body\" family=\"Noto Serif\"");

    write_file(dir / "without.xml", layout);
    RunResult missing = render(example_data(), dir / "without.xml", dir / "a.pdf");
    INFO(show(missing));
    CHECK(missing.exit_code == 1);
    CHECK(contains(missing.err, "font family 'Noto Serif' is not in fonts/"));

    RunResult by_option = render(example_data(), dir / "without.xml", dir / "b.pdf",
                                 {"--font-dir", (dir / "huisfont").string()});
    INFO(show(by_option));
    CHECK(by_option.exit_code == 0);
    CHECK(contains(run({"pdffonts", (dir / "b.pdf").string()}).out, "NotoSerif-Regular"));

    std::string with = layout;
    with.replace(with.find("version=\"1\""), 11, "version=\"1\" fonts=\"huisfont\"");
    write_file(dir / "with.xml", with);
    RunResult by_layout = render(example_data(), dir / "with.xml", dir / "c.pdf");
    INFO(show(by_layout));
    CHECK(by_layout.exit_code == 0);
    CHECK(contains(run({"pdffonts", (dir / "c.pdf").string()}).out, "NotoSerif-Regular"));
    check_fonts_embedded_subsets(dir / "c.pdf");

    std::string wrong = layout;
    wrong.replace(wrong.find("version=\"1\""), 11, "version=\"1\" fonts=\"geen-map\"");
    write_file(dir / "wrong.xml", wrong);
    RunResult bad = render(example_data(), dir / "wrong.xml", dir / "d.pdf");
    INFO(show(bad));
    CHECK(bad.exit_code == 1);
    CHECK(contains(bad.err, "wrong.xml:5:"));
    CHECK(contains(bad.err, "font folder"));
}

TEST_CASE("a layout's fallback-fonts choose the font of another script before the default chain",
          "[e2e][world][fonts]") {
    const fs::path naskh = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";  // fonts-noto-core
    REQUIRE(fs::exists(naskh));
    TempDir dir;
    fs::copy(source_root() / "layouts", dir.path(), fs::copy_options::recursive);  // its images
    fs::create_directories(dir / "huisfont");
    fs::copy_file(naskh, dir / "huisfont/NotoNaskhArabic-Regular.ttf");
    write_file(dir / "arabisch.md", world_minutes());
    const std::string layout = read_file(example_layout());
    REQUIRE(contains(layout, "version=\"1\""));
    auto layout_with = [&](const std::string& attributes) {
        std::string text = layout;
        text.replace(text.find("version=\"1\""), 11, "version=\"1\" " + attributes);
        return text;
    };

    write_file(dir / "default.xml", layout_with("fonts=\"huisfont\""));
    RunResult by_default = render(dir / "arabisch.md", dir / "default.xml", dir / "a.pdf");
    INFO(show(by_default));
    REQUIRE(by_default.exit_code == 0);
    const std::string default_fonts = run({"pdffonts", (dir / "a.pdf").string()}).out;
    CHECK(contains(default_fonts, "NotoSansArabic"));
    CHECK_FALSE(contains(default_fonts, "NotoNaskhArabic"));

    write_file(dir / "naskh.xml", layout_with("fonts=\"huisfont\" fallback-fonts=\"Noto Naskh Arabic\""));
    RunResult preferred = render(dir / "arabisch.md", dir / "naskh.xml", dir / "b.pdf");
    INFO(show(preferred));
    REQUIRE(preferred.exit_code == 0);
    const std::string preferred_fonts = run({"pdffonts", (dir / "b.pdf").string()}).out;
    CHECK(contains(preferred_fonts, "NotoNaskhArabic"));
    CHECK_FALSE(contains(preferred_fonts, "NotoSansArabic"));
    CHECK(contains(preferred_fonts, "NotoSansHebrew"));  // other scripts keep the default chain
    check_fonts_embedded_subsets(dir / "b.pdf");
    CHECK(contains(run({"pdftotext", (dir / "b.pdf").string(), "-"}).out, kNames[0]));

    write_file(dir / "typo.xml", layout_with("fallback-fonts=\"Noto Naskh Arabik\""));
    RunResult typo = render(dir / "arabisch.md", dir / "typo.xml", dir / "c.pdf");
    INFO(show(typo));
    CHECK(typo.exit_code == 1);
    CHECK(contains(typo.err, "typo.xml:5:"));
    CHECK(contains(typo.err, "font family 'Noto Naskh Arabik' is not in"));
    CHECK_FALSE(fs::exists(dir / "c.pdf"));
}

TEST_CASE("an unclosed bidi control is closed at the end of its text, with a warning at its place",
          "[e2e][world][bidi]") {
    TempDir dir;
    std::string text = read_file(example_data());
    const std::string key = "attendees:\n";
    const size_t attendees = text.find(key);
    REQUIRE(attendees != std::string::npos);
    const int line = 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(attendees), '\n')) + 1;
    text.insert(attendees + key.size(), "  - name: Sara \u202EAmrani\n    organisation: Buurtteam Presikhaaf\n");
    text += "\nWelkom \u2067Noa en de rest van de groep.\n";
    const int body_line = int(std::count(text.begin(), text.end(), '\n'));
    write_file(dir / "bidi.md", text);

    RunResult r = render(dir / "bidi.md", example_layout(), dir / "bidi.pdf");
    INFO(show(r));
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "bidi.md:" + std::to_string(line) +
                              ":16: warning: the right-to-left override (U+202E) is never closed"));
    CHECK(contains(r.err, "bidi.md:" + std::to_string(body_line) +
                              ":8: warning: the right-to-left isolate (U+2067) is never closed"));
    const std::string extracted = run({"pdftotext", (dir / "bidi.pdf").string(), "-"}).out;
    CHECK(contains(extracted, "Buurtteam Presikhaaf"));
    CHECK(contains(extracted, "de rest van de groep"));
}

TEST_CASE("right-to-left names read back whole from the structure, lam-alef included",
          "[e2e][world][bidi][ua]") {
    // Lam-alef is one glyph for two letters. Written with its letters as the glyph's text, Cairo
    // wrapped it in an ActualText span, and poppler's structure text stopped there: the rest of
    // the paragraph was lost to a screen reader. Right-to-left runs are in logical order with
    // their spaces, as tagged PDF asks, so the structure reads the names word by word.
    TempDir dir;
    const std::vector<std::string> names = {"محمد بن علي", "عبد السلام", "نورة حسن"};
    write_file(dir / "namen.md", read_file(example_data()) + "\nWe spraken met " + names[0] +
                                     " en met " + names[1] + " over de tuin; ook " + names[2] +
                                     " was er.\n");
    RunResult r = render(dir / "namen.md", example_layout(), dir / "namen.pdf");
    INFO(show(r));
    REQUIRE(r.exit_code == 0);
    const std::string structure = run({"pdfinfo", "-struct-text", (dir / "namen.pdf").string()}).out;
    for (const auto& name : names) {
        INFO("pdfinfo -struct-text: " << name);
        CHECK(contains(structure, name));
    }
    CHECK(contains(structure, "was er."));  // the paragraph read to its end
    const std::string poppler = run({"pdftotext", (dir / "namen.pdf").string(), "-"}).out;
    CHECK(contains(poppler, names[0]));
    CHECK(contains(poppler, names[2]));
}

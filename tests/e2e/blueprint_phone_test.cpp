// End-to-end: the phone version of the blueprint (the <variant page-master="phone"> of
// layouts/blueprint.xml): the 1170 px PNG for the e-mail body and the PDF for phones. Every word
// must be at least 14 px high on a 390 px wide screen, measured by pdftotext -bbox.
#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "e2e/e2e_support.h"
#include "e2e/png_compare.h"
#include "e2e/reference_check.h"

namespace {

using namespace e2e;

fs::path data_file() { return source_root() / "inputs" / "blueprint" / "wij-zijn-de-wijk.yaml"; }
fs::path layout_file() { return source_root() / "layouts" / "blueprint.xml"; }

fs::path render_phone(const TempDir& dir, const std::string& name,
                      const std::vector<std::string>& extra = {}) {
    const fs::path out = dir / name;
    std::vector<std::string> args{"render",          data_file().string(), "--layout",
                                  layout_file().string(), "-o",        out.string(),
                                  "--page-master", "phone"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = drukwerk(args);
    INFO(r.command << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    return out;
}

struct Word {
    std::string text;
    double height;
};

// Every word of page 1 with its box height, from pdftotext -bbox; and the page width.
std::vector<Word> words(const fs::path& pdf, double& page_width) {
    REQUIRE(have_program("pdftotext"));
    RunResult r = run({"pdftotext", "-bbox", "-f", "1", "-l", "1", pdf.string(), "-"});
    REQUIRE(r.exit_code == 0);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("<page width=\"([0-9.]+)\"")));
    page_width = std::stod(m[1]);
    std::vector<Word> out;
    std::regex word("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                    "yMax=\"([0-9.]+)\">([^<]*)</word>");
    for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), word);
         it != std::sregex_iterator(); ++it)
        out.push_back({(*it)[5], std::stod((*it)[4]) - std::stod((*it)[2])});
    return out;
}

}  // namespace

TEST_CASE("on a 390 px phone screen every word of the phone blueprint is at least 14 px high",
          "[e2e][blueprint][phone]") {
    TempDir dir("drukwerk-phone");
    fs::path pdf = render_phone(dir, "phone.pdf");
    double page_width = 0;
    std::vector<Word> all = words(pdf, page_width);
    REQUIRE(all.size() > 100);
    const double px_per_pt = 390.0 / page_width;
    const Word* smallest = &all.front();
    for (const Word& w : all)
        if (w.height < smallest->height) smallest = &w;
    INFO("smallest: '" << smallest->text << "', " << smallest->height * px_per_pt << " px");
    CHECK(smallest->height * px_per_pt >= 14.0);

    // The key facts are there: project, state of affairs, next steps, contact, the three
    // municipalities, the timeline.
    std::string text;
    for (const Word& w : all) text += w.text + " ";
    for (const char* fact : {"WIJ ZIJN DE WIJK", "STAND VAN ZAKEN", "12 november 2024", "VOLGENDE STAPPEN",
                             "Afronden van het wetenschappelijk artikel.", "Mellany van Bommel",
                             "mellany.vanbommel@wur.nl", "ARNHEM", "EDE", "WAGENINGEN",
                             "Presikhaaf", "Slotbijeenkomst", "Afgerond", "Gepland"}) {
        INFO(fact);
        CHECK(contains(text, fact));
    }
    RunResult info = run({"pdfinfo", pdf.string()});
    CHECK(contains(info.out, "Pages:           1\n"));
}

TEST_CASE("the phone picture is 1170 px wide, three pixels a point", "[e2e][blueprint][phone]") {
    TempDir dir("drukwerk-phone");
    fs::path png = render_phone(dir, "phone.png", {"--width-px", "1170"});
    PngHeader header = read_png_header(read_file(png));
    REQUIRE(header.valid);
    CHECK(header.width == 1170);
    CHECK(header.height > 2 * header.width);  // a portrait page, scrolled on the phone
}

// Tier 3: the phone page at 40 dpi against tests/reference/blueprint-phone.png.
TEST_CASE("the phone blueprint looks as it did", "[e2e][blueprint][phone][reference]") {
    TempDir dir("drukwerk-phone");
    fs::path actual = render_phone(dir, "phone-actual.png", {"--dpi", "40"});
    check_reference_image(actual, "blueprint-phone");
}

TEST_CASE("the e-mail bundle (--email-bundle) holds the mail's picture, both PDFs and a well-formed body",
          "[e2e][blueprint][phone][email]") {
    TempDir dir("drukwerk-email");
    const fs::path bundle = dir / "mail";
    RunResult r = drukwerk({"render", data_file().string(), "--layout", layout_file().string(),
                            "--email-bundle", bundle.string()});
    INFO(r.command << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(list_dir(bundle) == std::vector<std::string>{"index.html", "wij-zijn-de-wijk-telefoon.pdf",
                                                       "wij-zijn-de-wijk-telefoon.png",
                                                       "wij-zijn-de-wijk.pdf"});
    const fs::path png = bundle / "wij-zijn-de-wijk-telefoon.png";
    PngHeader header = read_png_header(read_file(png));
    REQUIRE(header.valid);
    CHECK(header.width == 1170);
    CHECK(fs::file_size(png) < 250 * 1024);
    RunResult poster = run({"pdfinfo", (bundle / "wij-zijn-de-wijk.pdf").string()});
    CHECK(contains(poster.out, "(A3)"));

    // Well-formed: xmllint (Debian libxml2-utils) parses it as XML.
    const fs::path html = bundle / "index.html";
    INFO("this test needs xmllint (Debian: libxml2-utils)");
    REQUIRE(have_program("xmllint"));
    RunResult lint = run({"xmllint", "--noout", html.string()});
    INFO(lint.err);
    CHECK(lint.exit_code == 0);
    std::string body = read_file(html);
    // The blueprint's links, the picture with its alt text, the contact, a 600 px table.
    for (const char* part :
         {"href=\"mailto:mellany.vanbommel@wur.nl\"", "href=\"https://prezi.com/view/PKyeXoEmlnr5Jai58dry/\"",
          "href=\"https://www.lsabewoners.nl/buurtbewoners-verbinden/ontwikkel-de-buurt-met-asset-based-"
          "community-development/\"",
          "<img src=\"wij-zijn-de-wijk-telefoon.png\" width=\"600\" alt=\"Overzicht van Wij zijn de Wijk",
          "Mellany van Bommel", "06 - 36 45 43 00", "<table role=\"presentation\" width=\"600\"",
          "<strong>Bijlagen</strong><br /><a href=\"wij-zijn-de-wijk.pdf\"",
          ">Het overzicht als poster (PDF)</a>", "href=\"wij-zijn-de-wijk-telefoon.pdf\""}) {
        INFO(part);
        CHECK(contains(body, part));
    }
    CHECK_FALSE(contains(body, "<style"));  // inline styles only: mail clients drop style sheets
}

namespace {

// The blueprint layout with its <email> replaced by `email` (empty: none), in `dir` beside the
// picture it draws.
fs::path blueprint_with_email(const TempDir& dir, const std::string& email) {
    std::string xml = read_file(layout_file());
    const size_t start = xml.find("  <email"), end = xml.find("</email>");
    REQUIRE(start != std::string::npos);
    REQUIRE(end != std::string::npos);
    xml.replace(start, end + std::string("</email>").size() - start, email);
    fs::copy_file(layout_file().parent_path() / "wijk-mark.svg", dir / "wijk-mark.svg");
    write_file(dir / "blueprint.xml", xml);
    return dir / "blueprint.xml";
}

}  // namespace

TEST_CASE("the e-mail body's texts and colours are the layout's <email>", "[e2e][blueprint][email]") {
    TempDir dir("drukwerk-email");
    const fs::path layout = blueprint_with_email(dir, R"(<email background="#101010" color="white" phone-suffix="-mobile">
    <picture alt="Where {{project}} stands"/>
    <section heading="Get in touch with {{contact.name}}">
      <line href="mailto:{{contact.email}}">Write to <b>{{contact.email}}</b></line>
    </section>
    <section heading="Attached">
      <attachment pdf="phone">For your phone</attachment>
    </section>
  </email>)");
    const fs::path bundle = dir / "mail";
    RunResult r = drukwerk({"render", data_file().string(), "--layout", layout.string(),
                            "--email-bundle", bundle.string()});
    INFO(r.command << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string html = read_file(bundle / "index.html");
    INFO(html);
    for (const char* part :
         {"alt=\"Where Wij zijn de Wijk stands\"", "background-color:#101010;", "color:#ffffff;",
          "<strong>Get in touch with Mellany van Bommel</strong>",
          "<a href=\"mailto:mellany.vanbommel@wur.nl\" style=\"color:#ffffff;text-decoration:underline;\">"
          "Write to <strong>mellany.vanbommel@wur.nl</strong></a>",
          "<strong>Attached</strong><br /><a href=\"wij-zijn-de-wijk-mobile.pdf\"", ">For your phone</a>",
          "src=\"wij-zijn-de-wijk-mobile.png\""}) {
        INFO(part);
        CHECK(contains(html, part));
    }
    CHECK(fs::exists(bundle / "wij-zijn-de-wijk-mobile.pdf"));
    CHECK(fs::exists(bundle / "wij-zijn-de-wijk-mobile.png"));
    for (const char* absent : {"Bijlagen", "Contact", "Links", "06 - 36 45 43 00", "#f4efe4", "telefoon"}) {
        INFO(absent);
        CHECK_FALSE(contains(html, absent));
    }
    REQUIRE(have_program("xmllint"));
    CHECK(run({"xmllint", "--noout", (bundle / "index.html").string()}).exit_code == 0);
}

TEST_CASE("a layout without <email> is an error at its file for the e-mail bundle",
          "[e2e][blueprint][email]") {
    TempDir dir("drukwerk-email");
    const fs::path layout = blueprint_with_email(dir, "");
    const fs::path bundle = dir / "mail";
    RunResult r = drukwerk({"render", data_file().string(), "--layout", layout.string(),
                            "--email-bundle", bundle.string()});
    INFO(r.command << "\n" << r.err);
    CHECK(r.exit_code != 0);
    CHECK(contains(r.err, layout.string() + ":7:1: error: the layout has no <email> element"));
    CHECK_FALSE(fs::exists(bundle / "index.html"));
}

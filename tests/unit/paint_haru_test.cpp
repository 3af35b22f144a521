// The libharu painter: its plain-data parts (text segments, the backdrop for flattening, PDF
// metadata text, WinAnsi) and whole small documents read back with qpdf and poppler.
#include <catch2/catch.hpp>

#include "fixtures/paint/sample_document.h"
#include "paint/flatten_backdrop.h"
#include "paint/haru_painter.h"
#include "paint/pdf_metadata_text.h"
#include "paint/text_segments.h"
#include "paint/win_ansi.h"

using namespace dw;
using namespace dw::paint;
using namespace dw::typeset;

namespace {

// A font whose every character advances 5 pt at size 10 (0.5 em).
SegmentFont half_em_font() {
    SegmentFont f;
    f.advance = [](std::string_view text, double size) { return text.size() * size / 2; };
    f.shown_text = [](std::string_view text, const std::vector<uint32_t>&) {
        return std::string(text);
    };
    return f;
}

GlyphRun run_at(const std::string& text, std::vector<double> xs) {
    GlyphRun run;
    run.size = 10;
    run.text = text;
    for (size_t i = 0; i < xs.size(); ++i) {
        run.glyphs.push_back({uint32_t(i + 1), xs[i], 50});
        run.clusters.emplace_back(1, 1);
    }
    return run;
}

struct Pdf {
    std::string bytes;
    std::string path;
    std::string diagnostics;
};

Pdf render(const Document& doc, const HaruOptions& options, const test::TempDir& dir,
           const std::string& name = "out.pdf") {
    Diagnostics diag;
    std::optional<std::string> pdf = render_with_haru(doc, options, diag);
    Pdf out;
    std::ostringstream messages;
    diag.print(messages);
    out.diagnostics = messages.str();
    if (pdf) {
        out.bytes = *pdf;
        out.path = dir / name;
        test::write_file(out.path, out.bytes);
    }
    return out;
}

std::string uncompressed(const std::string& path) {
    return test::run_command("qpdf --qdf --object-streams=disable '" + path + "' -").output;
}

// A one-page document: a box of `under` with `item` drawn over it.
Document box_with(Item item, Color under = {0.2, 0.4, 0.3, 1}) {
    Document doc;
    doc.fonts.push_back({test::lato_file(), 0, "Lato"});
    doc.metadata = test::sample_metadata();
    Page page{200, 200, "1", {}, {}, {}};
    page.items.push_back(Shape{{10, 10, 180, 180}, 0, true, under, 0, {}});
    page.items.push_back(std::move(item));
    doc.pages.push_back(page);
    return doc;
}

// A 10x10 PNG, half transparent red.
void make_translucent_png(const std::string& path) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgba(cr, 1, 0, 0, 0.5);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_write_to_png(s, path.c_str());
    cairo_surface_destroy(s);
}

}  // namespace

TEST_CASE("text segments: one per run of clusters the font's advances place right",
          "[paint][haru]") {
    // "abc d": c is kerned 0.5 pt closer, the space is justified 2 pt wider.
    const GlyphRun run = run_at("abc d", {0, 5, 9.5, 14.5, 21.5});
    const std::vector<TextSegment> s = text_segments(run, half_em_font());
    REQUIRE(s.size() == 3);
    CHECK(s[0].text == "ab");
    CHECK(s[1].text == "c ");
    CHECK(s[1].x == Approx(9.5));
    CHECK(s[2].text == "d");
    CHECK(s[2].x == Approx(21.5));
    CHECK(s[2].y == Approx(50));
}

TEST_CASE("text segments: a cluster without glyphs is not shown and splits the segment",
          "[paint][haru]") {
    GlyphRun run = run_at("ab", {0, 5});
    run.text =
        "a\xC2\xAD"
        "b";  // a, soft hyphen (no glyph inside a line), b
    run.clusters = {{1, 1}, {2, 0}, {1, 1}};
    const std::vector<TextSegment> s = text_segments(run, half_em_font());
    REQUIRE(s.size() == 2);
    CHECK(s[0].text == "a");
    CHECK(s[1].text == "b");
    CHECK(s[1].x == Approx(5));
}

TEST_CASE("text segments: clusters that do not cover the run give one segment", "[paint][haru]") {
    GlyphRun run = run_at("abc", {0, 5, 10});
    run.clusters = {{1, 1}};
    const std::vector<TextSegment> s = text_segments(run, half_em_font());
    REQUIRE(s.size() == 1);
    CHECK(s[0].text == "abc");
}

TEST_CASE("stand-in text: one segment per word, scaled to the drawn glyphs", "[paint][haru]") {
    // Drawn glyphs advance 8 pt each; the stand-in font advances 5 pt per character.
    const GlyphRun run = run_at("ab cd", {0, 8, 16, 24, 32});
    const std::vector<TextSegment> s =
        stand_in_segments(run, half_em_font(), [](uint32_t) { return 8.0; });
    REQUIRE(s.size() == 2);
    CHECK(s[0].text == "ab");
    CHECK(s[0].scale == Approx(16.0 / 10));
    CHECK(s[1].text == "cd");
    CHECK(s[1].x == Approx(24));
    CHECK(s[1].scale == Approx(16.0 / 10));
}

TEST_CASE("backdrop: the colour under an area, or none when it is not one colour",
          "[paint][haru]") {
    Backdrop b;
    const Affine none;
    CHECK(b.colour_under(Quad::of({10, 10, 5, 5}, none)) == Color{1, 1, 1, 1});  // the paper
    b.cover(Quad::of({0, 0, 100, 100}, none), Color{0, 0.5, 0, 1});
    CHECK(b.colour_under(Quad::of({10, 10, 5, 5}, none)) == Color{0, 0.5, 0, 1});
    CHECK_FALSE(b.colour_under(Quad::of({90, 10, 20, 5}, none)));  // half off the box
    b.cover(Quad::of({20, 20, 10, 10}, none), std::nullopt);       // an image
    CHECK_FALSE(b.colour_under(Quad::of({22, 22, 2, 2}, none)));
    CHECK_FALSE(b.colour_under(Quad::of({15, 15, 10, 10}, none)));
    CHECK(b.colour_under(Quad::of({50, 50, 10, 10}, none)) == Color{0, 0.5, 0, 1});
    b.clear();
    CHECK(b.colour_under(Quad::of({50, 50, 10, 10}, none)) == Color{1, 1, 1, 1});
}

TEST_CASE("backdrop: rotation is taken into account", "[paint][haru]") {
    Backdrop b;
    // A 100x10 bar turned 90 degrees about its centre stands upright: 10 wide, 100 high.
    b.cover(Quad::of({0, 45, 100, 10}, Affine::rotation_about(90, 50, 50)), Color{1, 0, 0, 1});
    CHECK(b.colour_under(Quad::of({47, 10, 6, 80}, Affine{})) == Color{1, 0, 0, 1});
    CHECK_FALSE(b.colour_under(Quad::of({10, 47, 80, 6}, Affine{})));
}

TEST_CASE("flatten: source over an opaque colour", "[paint][haru]") {
    const Color c = flatten({1, 0, 0, 0.25}, {0, 0, 1, 1});
    CHECK(c.r == Approx(0.25));
    CHECK(c.g == Approx(0));
    CHECK(c.b == Approx(0.75));
    CHECK(c.a == 1);
}

TEST_CASE("PDF dates: Info and XMP forms of the same instant", "[paint][haru]") {
    auto utc = pdf_dates("2024-11-12T00:00:00Z");
    REQUIRE(utc);
    CHECK(utc->info == "D:20241112000000+00'00'");
    CHECK(utc->xmp == "2024-11-12T00:00:00+00:00");
    auto cet = pdf_dates("2024-11-12T09:30:00+01:00");
    REQUIRE(cet);
    CHECK(cet->info == "D:20241112093000+01'00'");
    CHECK(cet->xmp == "2024-11-12T09:30:00+01:00");
    CHECK_FALSE(pdf_dates("12-11-2024"));
    CHECK_FALSE(pdf_dates("2024-11-12T00:00:00+1"));
}

TEST_CASE("XMP: values are escaped, and the packet identifies PDF/A-1b", "[paint][haru]") {
    CHECK(xml_escaped("Health & Society <\"x\"> 'y'") ==
          "Health &amp; Society &lt;&quot;x&quot;&gt; 'y'");
    CHECK(xml_escaped(std::string("a\x01"
                                  "b")) == "ab");  // not allowed in XML 1.0
    typeset::Metadata m = test::sample_metadata();
    m.author = "Smit & Zonen";
    const std::string x = pdfa1b_xmp_packet(m, "drukwerk", *pdf_dates(m.date));
    CHECK(x.find("<pdfaid:part>1</pdfaid:part>") != std::string::npos);
    CHECK(x.find("<pdfaid:conformance>B</pdfaid:conformance>") != std::string::npos);
    CHECK(x.find("<rdf:li>Smit &amp; Zonen</rdf:li>") != std::string::npos);
    CHECK(x.find("<xmp:CreateDate>2024-11-12T00:00:00+00:00</xmp:CreateDate>") !=
          std::string::npos);
    CHECK(x.find("<pdf:Producer>drukwerk</pdf:Producer>") != std::string::npos);
}

TEST_CASE("PDF text strings: PDFDocEncoding where possible, else UTF-16BE", "[paint][haru]") {
    CHECK(pdf_doc_encoded("co\xC3\xB6rdinatie") == std::string("co\xF6rdinatie"));
    CHECK_FALSE(pdf_doc_encoded("\xE2\x9C\x89"));  // ✉
    CHECK(pdf_utf16_text("A\xC3\xA9") == std::string("\xFE\xFF\x00"
                                                     "A"
                                                     "\x00\xE9",
                                                     6));
    CHECK(to_win_ansi("\xE2\x80\x9CQ\xE2\x80\x9D \xE2\x82\xAC \xE2\x9C\x89") == "\x93Q\x94 \x80 ?");
    CHECK_FALSE(win_ansi_byte(0x81));
}

TEST_CASE("libharu PDF of the sample document passes qpdf and keeps its text", "[paint][haru]") {
    test::TempDir dir;
    const Document doc = test::sample_document(dir.path());
    const Pdf pdf = render(doc, {}, dir);
    INFO(pdf.diagnostics);
    REQUIRE_FALSE(pdf.bytes.empty());
    CHECK(pdf.bytes.rfind("%PDF-", 0) == 0);
    const auto check = test::run_command("qpdf --check '" + pdf.path + "'");
    CHECK(check.status == 0);
    CHECK(check.output.find("No syntax or stream encoding errors") != std::string::npos);
    const std::string text = test::run_command("pdftotext '" + pdf.path + "' -").output;
    CHECK(text.find("Hallo wereld") != std::string::npos);
    CHECK(text.find("Tweede pagina") != std::string::npos);
    CHECK(text.find("Warning") == std::string::npos);
    const std::string qdf = uncompressed(pdf.path);
    CHECK(qdf.find("/URI (https://example.org/notulen?id=1&naam=o'brien)") != std::string::npos);
    CHECK(qdf.find("/XYZ") != std::string::npos);    // the internal link and the outline
    CHECK(qdf.find("/SMask") != std::string::npos);  // the SVG's transparent background
    CHECK(pdf.diagnostics.empty());
    const std::string info = test::run_command("pdfinfo '" + pdf.path + "'").output;
    const size_t pages = info.find("Pages:");
    REQUIRE(pages != std::string::npos);
    CHECK(std::stoi(info.substr(pages + 6)) == 2);
    CHECK(qdf.find("/S /r") != std::string::npos);  // labels i, ii: one lower-roman range
}

TEST_CASE("libharu PDF/A-1b: XMP, output intent, /ID, and the same bytes twice",
          "[paint][haru][pdfa]") {
    test::TempDir dir;
    const Document doc = test::sample_document(dir.path());
    HaruOptions options;
    options.pdfa = true;
    const Pdf first = render(doc, options, dir, "a.pdf");
    const Pdf second = render(doc, options, dir, "b.pdf");
    INFO(first.diagnostics);
    REQUIRE_FALSE(first.bytes.empty());
    CHECK(first.bytes == second.bytes);
    CHECK(first.bytes.rfind("%PDF-1.4", 0) == 0);
    const std::string qdf = uncompressed(first.path);
    CHECK(qdf.find("/Subtype /XML") != std::string::npos);
    CHECK(qdf.find("/SubType") == std::string::npos);
    CHECK(qdf.find("<pdfaid:part>1</pdfaid:part>") != std::string::npos);
    CHECK(qdf.find("/S /GTS_PDFA1") != std::string::npos);
    CHECK(qdf.find("/DestOutputProfile ") != std::string::npos);
    CHECK(first.bytes.find("/ID [") != std::string::npos);
    CHECK(qdf.find("/Transparency") == std::string::npos);
    CHECK(qdf.find("/SMask") == std::string::npos);

    Document other = doc;
    other.metadata.title = "Another title";
    CHECK(render(other, options, dir, "c.pdf").bytes.substr(first.bytes.size() - 200) !=
          first.bytes.substr(first.bytes.size() - 200));  // a different /ID
}

TEST_CASE("libharu PDF/A-1b flattens translucency over one colour", "[paint][haru][pdfa]") {
    test::TempDir dir;
    make_translucent_png(dir / "half.png");
    Document doc =
        box_with(Image{Image::Kind::Png, dir / "half.png", {50, 50, 40, 40}}, {0, 0, 1, 1});
    doc.pages[0].items.push_back(test::lato_run("Doorschijnend", 20, 150, 12, {1, 0, 0, 0.5}));
    HaruOptions options;
    options.pdfa = true;
    const Pdf pdf = render(doc, options, dir);
    INFO(pdf.diagnostics);
    REQUIRE_FALSE(pdf.bytes.empty());
    const std::string qdf = uncompressed(pdf.path);
    CHECK(qdf.find("/SMask") == std::string::npos);
    CHECK(qdf.find("/ca ") == std::string::npos);
    CHECK(qdf.find("0.5 0 0.5 rg") != std::string::npos);  // half red over blue

    const Pdf plain = render(doc, {}, dir, "plain.pdf");  // a plain PDF keeps the alpha
    CHECK(uncompressed(plain.path).find("/SMask") != std::string::npos);
}

TEST_CASE("libharu PDF/A-1b refuses translucency it cannot flatten, naming the element",
          "[paint][haru][pdfa][bad]") {
    test::TempDir dir;
    make_translucent_png(dir / "half.png");
    // Half over the box, half over the paper: no one colour to flatten against.
    Document doc = box_with(Image{Image::Kind::Png, dir / "half.png", {170, 50, 40, 40}});
    doc.pages[0].items.push_back(test::lato_run("Schaduw", 5, 100, 12, {0, 0, 0, 0.3}));
    HaruOptions options;
    options.pdfa = true;
    Diagnostics diag;
    CHECK_FALSE(render_with_haru(doc, options, diag));
    std::ostringstream messages;
    diag.print(messages);
    CHECK(messages.str().find("page 1: image \"half.png\" has transparent pixels") !=
          std::string::npos);
    CHECK(messages.str().find("page 1: text \"Schaduw\" has the translucent colour #0000004d") !=
          std::string::npos);
    CHECK(messages.str().find("PDF/A-1 forbids transparency") != std::string::npos);
}

TEST_CASE("libharu: bad items are reported, never a crash", "[paint][haru][bad]") {
    test::TempDir dir;
    Document doc =
        box_with(Image{Image::Kind::Png, test::fixture("corrupt.png"), {50, 50, 40, 40}});
    GlyphRun run = test::lato_run("Weg", 20, 150);
    run.font = 7;  // no such font
    doc.pages[0].items.push_back(run);
    doc.pages[0].items.push_back(Shape{{1, 1, -5, 3}, 0, true, {}, 0, {}});
    doc.pages[0].items.push_back(GroupEnd{});
    Diagnostics diag;
    CHECK_FALSE(render_with_haru(doc, {}, diag));
    std::ostringstream messages;
    diag.print(messages);
    CHECK(messages.str().find("cannot read image") != std::string::npos);
    CHECK(messages.str().find("refers to font 7") != std::string::npos);
    CHECK(messages.str().find("box with an empty or invalid rectangle") != std::string::npos);
    CHECK(messages.str().find("end of a group that was not begun") != std::string::npos);
}

TEST_CASE("libharu: permissions give an RC4 encrypted PDF that opens without a password",
          "[paint][haru][permissions]") {
    test::TempDir dir;
    const Document doc = test::sample_document(dir.path());
    HaruOptions options;
    options.permissions = Permissions{false, false, true, true};
    options.owner_password = "geheim";
    const Pdf pdf = render(doc, options, dir);
    INFO(pdf.diagnostics);
    REQUIRE_FALSE(pdf.bytes.empty());
    const std::string enc = test::run_command("qpdf --show-encryption '" + pdf.path + "'").output;
    CHECK(enc.find("R = 3") != std::string::npos);
    CHECK(enc.find("print high resolution: not allowed") != std::string::npos);
    CHECK(enc.find("extract for any purpose: not allowed") != std::string::npos);
    CHECK(enc.find("modify other: allowed") != std::string::npos);
    CHECK(enc.find("modify annotations: allowed") != std::string::npos);
    const auto owner =
        test::run_command("qpdf --password=geheim --show-encryption '" + pdf.path + "'");
    CHECK(owner.output.find("Supplied password is owner password") != std::string::npos);
    CHECK(test::run_command("pdftotext '" + pdf.path + "' -").output.find("Hallo wereld") !=
          std::string::npos);
}

TEST_CASE("libharu: trim and bleed boxes are written in PDF coordinates", "[paint][haru]") {
    test::TempDir dir;
    Document doc = box_with(Line{0, 0, 10, 10, 1, {}, {}});
    doc.pages[0].trim_box = Rect{10, 10, 180, 170};
    doc.pages[0].bleed_box = Rect{7, 7, 186, 176};
    const Pdf pdf = render(doc, {}, dir);
    REQUIRE_FALSE(pdf.bytes.empty());
    const std::string qdf = uncompressed(pdf.path);
    CHECK(qdf.find("/TrimBox [\n    10\n    20\n    190\n    190\n  ]") != std::string::npos);
    CHECK(qdf.find("/BleedBox [\n    7\n    17\n    193\n    193\n  ]") != std::string::npos);
}

namespace {

// The colour of pixel (x, y) of page 1 of `pdf` rendered at 72 dpi (one pixel per point).
uint32_t pixel_at(const std::string& pdf, const test::TempDir& dir, int x, int y) {
    test::run_command("pdftoppm -r 72 -f 1 -l 1 -singlefile -png '" + pdf + "' '" + (dir / "page") +
                      "'");
    cairo_surface_t* s = cairo_image_surface_create_from_png((dir / "page.png").c_str());
    uint32_t px = 0;
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(s);
        const unsigned char* row =
            cairo_image_surface_get_data(s) + size_t(y) * cairo_image_surface_get_stride(s);
        px = reinterpret_cast<const uint32_t*>(row)[x] & 0xFFFFFF;
    }
    cairo_surface_destroy(s);
    return px;
}

}  // namespace

TEST_CASE("libharu: a group clips to its rectangle and rotates about its point", "[paint][haru]") {
    test::TempDir dir;
    Document doc = box_with(GroupBegin{0, 0, 0, Rect{50, 50, 50, 50}}, {1, 1, 1, 1});
    doc.pages[0].items.push_back(Shape{{0, 0, 200, 200}, 0, true, {1, 0, 0, 1}, 0, {}});
    doc.pages[0].items.push_back(GroupEnd{});
    // A 100x10 bar turned 90 degrees about its centre (150, 150): upright at x 145..155.
    doc.pages[0].items.push_back(GroupBegin{90, 150, 150, {}});
    doc.pages[0].items.push_back(Shape{{100, 145, 100, 10}, 0, true, {0, 0, 1, 1}, 0, {}});
    doc.pages[0].items.push_back(GroupEnd{});
    const Pdf pdf = render(doc, {}, dir);
    INFO(pdf.diagnostics);
    REQUIRE_FALSE(pdf.bytes.empty());
    CHECK(pixel_at(pdf.path, dir, 75, 75) == 0xFF0000);    // inside the clip
    CHECK(pixel_at(pdf.path, dir, 30, 30) == 0xFFFFFF);    // outside it
    CHECK(pixel_at(pdf.path, dir, 150, 110) == 0x0000FF);  // the upright bar
    CHECK(pixel_at(pdf.path, dir, 110, 150) == 0xFFFFFF);  // where the bar lay unrotated
}

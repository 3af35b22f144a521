// Reference images (tier 3 of ../shared/DESIGN.md): pages of the example minutes rendered by the
// real binary to small PNGs (40 dpi) with the bundled fonts, compared with the PNGs stored in
// tests/reference/ with a tolerance (see tests/e2e/png_compare.h and tests/reference/README.md):
//   page 1     title, meeting facts, attendees        tests/reference/minutes-page-1.png
//   page 3     the post-it wall                       tests/reference/minutes-page-3.png
//   last page  contact block and wordmark             tests/reference/minutes-page-last.png
// The last page is found with pdfinfo on a PDF render, so a change in the page count does not
// silently compare some middle page.
//
// With DRUKWERK_UPDATE_REFERENCES=1 in the environment the page tests write their renders into
// tests/reference/ instead of comparing; a person looks at them before committing.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <iomanip>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "e2e/e2e_support.h"
#include "e2e/png_compare.h"

namespace {

using namespace e2e;

constexpr int kDpi = 40;
// A page fails when more than this fraction of its pixels differ (0.5%: about 770 pixels of a
// 331 x 468 page, a few words' worth; see tests/reference/README.md).
constexpr double kMaxDifferingFraction = 0.005;

bool updating_references() {
    const char* v = std::getenv("DRUKWERK_UPDATE_REFERENCES");
    return v && std::string(v) == "1";
}

fs::path reference_dir() { return source_root() / "tests" / "reference"; }

// The command that regenerates the references, with this test program's real path.
std::string regenerate_command() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    std::string program = ec ? std::string("build/tests/test_e2e") : self.string();
    return "cd " + source_root().string() + " && DRUKWERK_UPDATE_REFERENCES=1 " + program +
           " \"[reference]\"";
}

std::string percent(double fraction) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << fraction * 100 << "%";
    return s.str();
}

std::string describe(const ImageDiff& d) {
    std::ostringstream s;
    s << d.differing << " of " << d.pixels << " pixels differ (" << percent(d.fraction())
      << ", limit " << percent(kMaxDifferingFraction) << "), largest channel difference "
      << d.max_channel_delta << "/255";
    if (!d.box.empty())
        s << ", within x " << d.box.left << ".." << d.box.right - 1 << ", y " << d.box.top << ".."
          << d.box.bottom - 1;
    return s.str();
}

// Renders the example into `out` with extra arguments; REQUIREs a clean success.
void render_example(const fs::path& out, const std::vector<std::string>& extra,
                    const fs::path& data = example_data()) {
    std::vector<std::string> args{"render",   data.string(),
                                  "--layout", example_layout().string(),
                                  "-o",       out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = drukwerk(args);
    INFO("command: " << r.command);
    INFO("stderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(fs::exists(out));
}

// One page of the example as a PNG at kDpi.
void render_page_png(const fs::path& out, int page, const fs::path& data) {
    render_example(out, {"--dpi", std::to_string(kDpi), "--pages", std::to_string(page)}, data);
}

// The number of pages of the example, from pdfinfo on a PDF render.
int example_page_count() {
    INFO("this test needs 'pdfinfo' in PATH (Debian: poppler-utils)");
    REQUIRE(have_program("pdfinfo"));
    TempDir dir("drukwerk-reference");
    const fs::path pdf = dir / "minutes.pdf";
    render_example(pdf, {});
    RunResult r = run({"pdfinfo", pdf.string()});
    INFO("command: " << r.command << "\nstderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    for (const std::string& line : split_lines(r.out)) {
        if (!starts_with(line, "Pages:")) continue;
        int pages = std::stoi(trim(line.substr(6)));
        REQUIRE(pages >= 1);
        return pages;
    }
    FAIL("no 'Pages:' line in pdfinfo output:\n" << r.out);
    return 0;
}

// Copies a fresh render over the stored reference and says what changed.
void update_reference(const fs::path& actual, const fs::path& reference) {
    std::string before = "new";
    if (fs::exists(reference)) {
        PngComparison c = compare_png_files(reference, actual);
        before = c.compared() ? "before: " + describe(c.diff) : "before: " + c.error;
    }
    fs::create_directories(reference.parent_path());
    fs::copy_file(actual, reference, fs::copy_options::overwrite_existing);
    WARN("DRUKWERK_UPDATE_REFERENCES=1: wrote " << reference.string() << " ("
                                                << fs::file_size(reference) << " bytes; " << before
                                                << "). Look at it before committing.");
}

// Renders `page` and compares it with tests/reference/<name>.png; on failure keeps the render
// and a diff picture in a temporary directory and says where they are.
void check_page(int page, const std::string& name, const fs::path& data = example_data()) {
    TempDir dir("drukwerk-reference");
    const fs::path actual = dir / (name + "-actual.png");
    const fs::path reference = reference_dir() / (name + ".png");
    render_page_png(actual, page, data);
    if (updating_references()) {
        update_reference(actual, reference);
        return;
    }

    INFO("page " << page << " against " << reference.string());
    INFO("if the change is intended, regenerate the references and look at them:\n  "
         << regenerate_command());
    if (!fs::exists(reference)) FAIL("the reference image does not exist");
    const fs::path diff_png = dir / (name + "-diff.png");
    PngComparison c = compare_png_files(reference, actual, kDefaultChannelThreshold, diff_png);
    std::string kept;
    if (!c.compared() || c.diff.fraction() > kMaxDifferingFraction) {
        dir.keep();
        kept = "kept for inspection:\n  actual render: " + actual.string();
        if (c.diff_written) kept += "\n  diff image:    " + diff_png.string();
        if (!c.diff_error.empty()) kept += "\n  (no diff image: " + c.diff_error + ")";
    }
    // c.error says why nothing was compared: an unreadable file or another size.
    INFO(c.error + (c.error.empty() ? "" : "\n") + kept);
    REQUIRE(c.compared());
    INFO(describe(c.diff));
    CHECK(c.diff.fraction() <= kMaxDifferingFraction);
}

// ---- the comparer itself, on small synthetic images -------------------------------------------

// A w x h opaque white RGB24 image.
Surface white_image(int w, int h) {
    Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    cairo_surface_flush(s.get());
    unsigned char* data = cairo_image_surface_get_data(s.get());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            reinterpret_cast<std::uint32_t*>(
                data + y * cairo_image_surface_get_stride(s.get()))[x] = 0xFFFFFFFFu;
    cairo_surface_mark_dirty(s.get());
    return s;
}

void set_pixel(cairo_surface_t* s, int x, int y, std::uint32_t argb) {
    cairo_surface_flush(s);
    unsigned char* data = cairo_image_surface_get_data(s);
    reinterpret_cast<std::uint32_t*>(data + y * cairo_image_surface_get_stride(s))[x] = argb;
    cairo_surface_mark_dirty(s);
}

std::uint32_t get_pixel(cairo_surface_t* s, int x, int y) {
    cairo_surface_flush(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    return reinterpret_cast<const std::uint32_t*>(data + y * cairo_image_surface_get_stride(s))[x] |
           0xFF000000u;
}

void save(cairo_surface_t* s, const fs::path& path) {
    REQUIRE(cairo_surface_write_to_png(s, path.c_str()) == CAIRO_STATUS_SUCCESS);
}

}  // namespace

TEST_CASE("png_compare: the threshold, the count and the box of differing pixels",
          "[e2e][reference]") {
    Surface expected = white_image(40, 20);
    Surface actual = white_image(40, 20);
    set_pixel(actual.get(), 3, 4, 0xFFFFFFFFu - 0x00140000u);    // red channel 20 lower: noise
    set_pixel(actual.get(), 7, 2, 0xFF000000u);                  // black: differs
    set_pixel(actual.get(), 30, 15, 0xFFFFFFFFu - 0x00001900u);  // green 25 lower: differs

    ImageDiff d = diff_images(expected.get(), actual.get());
    CHECK(d.pixels == 800);
    CHECK(d.differing == 2);
    CHECK(d.fraction() == Approx(2.0 / 800));
    CHECK(d.max_channel_delta == 255);
    CHECK(d.box.left == 7);
    CHECK(d.box.top == 2);
    CHECK(d.box.right == 31);
    CHECK(d.box.bottom == 16);

    // A lower threshold counts the noisy pixel too; identical images have no box.
    CHECK(diff_images(expected.get(), actual.get(), 10).differing == 3);
    ImageDiff same = diff_images(expected.get(), expected.get());
    CHECK(same.differing == 0);
    CHECK(same.box.empty());

    // Through files: the diff picture marks the differing pixels red, the others light grey.
    TempDir dir("drukwerk-png-compare");
    save(expected.get(), dir / "expected.png");
    save(actual.get(), dir / "actual.png");
    PngComparison c = compare_png_files(dir / "expected.png", dir / "actual.png",
                                        kDefaultChannelThreshold, dir / "diff.png");
    INFO(c.error << c.diff_error);
    REQUIRE(c.compared());
    CHECK(c.diff.differing == 2);
    REQUIRE(c.diff_written);
    std::string error;
    Surface picture = load_png(dir / "diff.png", &error);
    INFO(error);
    REQUIRE(picture);
    CHECK(get_pixel(picture.get(), 7, 2) == 0xFFFF0000u);
    CHECK(get_pixel(picture.get(), 30, 15) == 0xFFFF0000u);
    CHECK(get_pixel(picture.get(), 3, 4) != 0xFFFF0000u);
}

TEST_CASE("png_compare: different sizes and unreadable files are errors, not differences",
          "[e2e][reference]") {
    TempDir dir("drukwerk-png-compare");
    save(white_image(40, 20).get(), dir / "a.png");
    save(white_image(20, 40).get(), dir / "b.png");
    PngComparison sizes = compare_png_files(dir / "a.png", dir / "b.png");
    CHECK_FALSE(sizes.compared());
    CHECK(contains(sizes.error, "40x20"));
    CHECK(contains(sizes.error, "20x40"));

    PngComparison missing = compare_png_files(dir / "a.png", dir / "nothing-here.png");
    CHECK_FALSE(missing.compared());
    CHECK(contains(missing.error, "nothing-here.png"));

    write_file(dir / "not-a.png", "this is not a PNG");
    CHECK_FALSE(compare_png_files(dir / "not-a.png", dir / "a.png").compared());
}

TEST_CASE("reference image: minutes page 1 (title, meeting facts, attendees)", "[e2e][reference]") {
    check_page(1, "minutes-page-1");
}

TEST_CASE("reference image: minutes page 3 (post-it wall)", "[e2e][reference]") {
    check_page(3, "minutes-page-3");
}

TEST_CASE("reference image: minutes last page (contact, wordmark)", "[e2e][reference]") {
    check_page(example_page_count(), "minutes-page-last");
}

// Proves the comparison has teeth: another page of the same document, with the same margins,
// header, footer and fonts, must not pass as page 1.
TEST_CASE("reference image: a minutes page with a table and footnotes", "[e2e][reference]") {
    check_page(1, "minutes-table-page", source_root() / "inputs" / "verslag-consortium-2025-01-21.md");
}

TEST_CASE("reference image: another page does not pass as page 1", "[e2e][reference]") {
    const fs::path reference = reference_dir() / "minutes-page-1.png";
    INFO("generate the references first: " << regenerate_command());
    REQUIRE(fs::exists(reference));
    TempDir dir("drukwerk-reference");
    const fs::path other = dir / "page-3.png";
    render_page_png(other, 3, example_data());
    PngComparison c = compare_png_files(reference, other);
    INFO(c.error);
    REQUIRE(c.compared());
    INFO(describe(c.diff));
    CHECK(c.diff.fraction() > kMaxDifferingFraction);
}

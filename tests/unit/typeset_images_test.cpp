// The image header readers: the intrinsic size of an SVG from its root element's width, height
// or viewBox, and the SVG check that refuses files loading other files.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "typeset/image_check.h"
#include "typeset/image_size.h"

namespace fs = std::filesystem;
using namespace dw::typeset;

namespace {

// Writes `text` to a file of its own and removes it again.
class TempSvg {
public:
    explicit TempSvg(const std::string& text) {
        static int count = 0;
        path_ = fs::temp_directory_path() / ("drukwerk-image-" + std::to_string(getpid()) + "-" +
                                             std::to_string(++count) + ".svg");
        std::ofstream(path_, std::ios::binary) << text;
    }
    ~TempSvg() { fs::remove(path_); }
    TempSvg(const TempSvg&) = delete;
    TempSvg& operator=(const TempSvg&) = delete;
    std::string path() const { return path_.string(); }

private:
    fs::path path_;
};

std::optional<ImageSize> svg_size(const std::string& text) {
    return read_image_size(TempSvg(text).path());
}

// The message of the SVG check, "" when the SVG is accepted.
std::string svg_problem(const std::string& text) {
    auto problem = find_image_problem(TempSvg(text).path());
    return problem ? problem->message : "";
}

}  // namespace

TEST_CASE("SVG size: width and height of the root element, in any unit", "[typeset][image]") {
    auto size = svg_size(R"svg(<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" )svg"
                         R"svg(width="20mm" height="10mm"><rect width="5" height="5"/></svg>)svg");
    REQUIRE(size);
    CHECK(size->width == Approx(20 * 72 / 25.4));
    CHECK(size->height == Approx(10 * 72 / 25.4));

    size = svg_size("<svg\nwidth=\"96px\"\theight=\"48\">");  // px: 96 per inch; bare: points
    REQUIRE(size);
    CHECK(size->width == Approx(72));
    CHECK(size->height == Approx(48));
}

TEST_CASE("SVG size: only whole attributes, the first non-empty value", "[typeset][image]") {
    // stroke-width is not width, and an empty value counts as absent
    auto size = svg_size(
        R"svg(<svg stroke-width="3" width="" width="30" height="40" viewBox="0 0 8 9">)svg");
    REQUIRE(size);
    CHECK(size->width == Approx(30));
    CHECK(size->height == Approx(40));
    // attributes of later elements do not count
    size = svg_size(R"svg(<svg viewBox="0 0 96 192"><rect width="10" height="10"/></svg>)svg");
    REQUIRE(size);
    CHECK(size->width == Approx(72));
    CHECK(size->height == Approx(144));
}

TEST_CASE("SVG size: viewBox when width or height is missing", "[typeset][image]") {
    auto size =
        svg_size(R"svg(<svg width="50%" viewBox="-10,-20 , 192 96.0">)svg");  // % is no size
    REQUIRE(size);
    CHECK(size->width == Approx(144));
    CHECK(size->height == Approx(72));

    size =
        svg_size(R"svg(<svg viewBox="0 0 -5 10" viewBox="0 0 48 24">)svg");  // the first valid one
    REQUIRE(size);
    CHECK(size->width == Approx(36));

    CHECK_FALSE(svg_size(R"svg(<svg viewBox="0 0 10">)svg"));
    CHECK_FALSE(svg_size(R"svg(<svg viewBox="0 0 10 20 ">)svg"));  // nothing may follow the height
    CHECK_FALSE(svg_size(R"svg(<svg viewBox="0 0 . 20">)svg"));    // a number without digits
    CHECK_FALSE(svg_size(R"svg(<svg width="10">)svg"));
    CHECK_FALSE(svg_size(R"svg(<svg width="10" height="10")svg"));  // the tag never ends
    CHECK_FALSE(svg_size("no svg here"));
}

TEST_CASE("SVG check: references to other files are refused", "[typeset][image][bad]") {
    CHECK(svg_problem(R"svg(<svg><image href="photo.jpg"/></svg>)svg") ==
          "the SVG image refers to another file: 'photo.jpg'");
    CHECK(svg_problem(R"svg(<svg><use xlink:href = ' /etc/passwd'/></svg>)svg") ==
          "the SVG image refers to another file: '/etc/passwd'");
    CHECK(svg_problem(R"svg(<svg><rect style="fill: url( 'other.svg#g' )"/></svg>)svg") ==
          "the SVG image refers to another file: 'other.svg#g'");
    CHECK(svg_problem("<svg><style>@import url(theme.css)</style></svg>") ==
          "the SVG image refers to another file: 'theme.css'");
    CHECK(svg_problem("<svg><rect fill=\"url(x.svg") ==  // cut off: still a reference
          "the SVG image refers to another file: 'x.svg'");
    // a long target is shortened in the message
    std::string long_name(100, 'a');
    CHECK(svg_problem("<svg><image href=\"" + long_name + "\"/></svg>") ==
          "the SVG image refers to another file: '" + long_name.substr(0, 77) + "...'");
}

TEST_CASE("SVG check: fragments and data: URIs are fine", "[typeset][image]") {
    CHECK(svg_problem(
              R"svg(<svg><use href="#a"/><rect fill="url(#g)" stroke="url( '#h')"/></svg>)svg") ==
          "");
    // a url( inside a data: URI belongs to the embedded file, which is checked no further
    CHECK(svg_problem(R"svg(<svg><image href="data:image/svg+xml,url(x.png)"/></svg>)svg") == "");
    CHECK(svg_problem(R"svg(<svg><image href="" href=" "/><a url()/></svg>)svg") == "");
    CHECK(svg_problem("<svg><a href=x.png/></svg>") == "");  // unquoted: not read as a reference
    // after a data: URI, the next reference is still found
    CHECK(svg_problem(R"svg(<svg><image href="data:," /><image href="b.png"/></svg>)svg") ==
          "the SVG image refers to another file: 'b.png'");
}

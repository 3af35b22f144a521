// --confine for the pages of a card deck: the painter's preview asks quietly, the page check
// reports each outside image once.
#include <catch2/catch.hpp>

#include "cli/pipelines/confinement.h"

namespace {

dw::typeset::Page page_with_image(const std::string& file) {
    dw::typeset::Page page;
    dw::typeset::Image image;
    image.kind = dw::typeset::Image::Kind::Svg;
    image.file = file;
    image.rect = {0, 0, 10, 10};
    page.items.push_back(image);
    return page;
}

}  // namespace

TEST_CASE("a page's images inside or outside the confinement", "[confine]") {
    const std::vector<std::string> dirs = {DRUKWERK_SOURCE_ROOT "/layouts"};
    const auto inside = page_with_image(DRUKWERK_SOURCE_ROOT "/layouts/icons/theme-1.svg");
    const auto outside = page_with_image("/etc/passwd");
    CHECK(dw::cli::images_confined(inside, dirs));
    CHECK_FALSE(dw::cli::images_confined(outside, dirs));
    CHECK(dw::cli::images_confined(dw::typeset::Page{}, dirs));

    dw::Diagnostics diags;
    std::set<std::string> reported;
    CHECK(dw::cli::check_confined_images(inside, dirs, diags, reported));
    CHECK_FALSE(dw::cli::check_confined_images(outside, dirs, diags, reported));
    CHECK_FALSE(dw::cli::check_confined_images(outside, dirs, diags, reported));
    CHECK(diags.error_count() == 1);  // once a file
}

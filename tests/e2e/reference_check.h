// A render compared with its reference image in tests/reference/ (tier 3), or, with
// DRUKWERK_UPDATE_REFERENCES=1, copied there to be looked at before committing.
#pragma once
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "e2e/e2e_support.h"
#include "e2e/png_compare.h"

namespace e2e {

inline void check_reference_image(const fs::path& actual, const std::string& name) {
    const fs::path reference = source_root() / "tests" / "reference" / (name + ".png");
    const char* update = std::getenv("DRUKWERK_UPDATE_REFERENCES");
    if (update && std::string(update) == "1") {
        fs::copy_file(actual, reference, fs::copy_options::overwrite_existing);
        WARN("wrote " << reference.string() << "; look at it before committing");
        return;
    }
    REQUIRE(fs::exists(reference));
    PngComparison c = compare_png_files(reference, actual, kDefaultChannelThreshold,
                                        actual.parent_path() / (name + "-diff.png"));
    INFO(name << ": " << c.error);
    REQUIRE(c.compared());
    INFO("differing pixels: " << c.diff.fraction() * 100 << "%");
    CHECK(c.diff.fraction() <= 0.005);
}

}  // namespace e2e

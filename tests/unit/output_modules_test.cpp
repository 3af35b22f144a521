// The module the output stage loads on demand (module_loader.h), the libharu writer, as the
// program uses it, and the diagnostics when a module is missing or broken.
#include <catch2/catch.hpp>
#include <filesystem>

#include "fixtures/paint/sample_document.h"
#include "output/module_loader.h"
#include "output/render_output.h"

using namespace dw;
using namespace dw::test;
using output::Format;
namespace fs = std::filesystem;

namespace {

std::string messages(const Diagnostics& diag) {
    std::string s;
    for (const Diagnostic& d : diag.all()) s += format_diagnostic(d) + "\n";
    return s;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the libharu writer is the module drukwerk-haru.so", "[output][modules]") {
    TempDir dir;
    const typeset::Document doc = sample_document(dir.path());
    const std::string path = dir.path() + "/haru.pdf";
    output::OutputOptions options;
    options.backend = output::PdfBackend::Haru;
    Diagnostics diag;
    REQUIRE(output::write_document(doc, Format::Pdf, path, options, diag));
    INFO(messages(diag));
    // The producer names the libharu of the module (parentheses escaped in the PDF string).
    CHECK(contains(read_file(path), "(drukwerk " DRUKWERK_VERSION " \\050libharu 2."));
}

TEST_CASE("a missing or broken module is a diagnostic with a hint", "[output][modules][bad]") {
    Diagnostics diag;
    CHECK_FALSE(output::Module::load("drukwerk-none.so", "a test", diag));
    CHECK(contains(messages(diag), "error: cannot find drukwerk-none.so, needed for a test, in "));
    CHECK(contains(messages(diag), "must stay in the same folder as the drukwerk program"));

    // Not a shared library: dlopen's own message is passed on.
    const fs::path broken = fs::read_symlink("/proc/self/exe").parent_path() / "drukwerk-broken.so";
    write_file(broken.string(), std::string(256, 'x'));
    Diagnostics diag2;
    CHECK_FALSE(output::Module::load("drukwerk-broken.so", "a test", diag2));
    fs::remove(broken);
    CHECK(contains(messages(diag2),
                   "error: cannot load " + broken.string() + ", needed for a test: "));
    CHECK(contains(messages(diag2), "invalid ELF header"));

    Diagnostics diag3;
    auto haru = output::Module::load("drukwerk-haru.so", "a test", diag3);
    REQUIRE(haru);
    CHECK(haru->function("drukwerk_haru_render", diag3));
    CHECK_FALSE(haru->function("no_such_function", diag3));
    CHECK(contains(messages(diag3), "has no function no_such_function"));
}

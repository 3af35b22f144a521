#include "data/text_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "diag/suggest.h"

namespace dw::data {

namespace fs = std::filesystem;

namespace {

// A typo in a file name is the usual reason a file is missing, so offer its nearest neighbour.
std::string missing_file_hint(const fs::path& path) {
    std::error_code ec;
    fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::vector<std::string> names;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    std::string best = closest_match(path.filename().string(), names);
    if (!best.empty()) return "did you mean '" + (dir / best).lexically_normal().string() + "'?";
    return "check the path; a relative path starts from the directory drukwerk runs in";
}

}  // namespace

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags) {
    SourceLoc at{path, 0, 0};
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        diags.error(at, "file not found", missing_file_hint(path));
        return std::nullopt;
    }
    if (fs::is_directory(path, ec)) {
        diags.error(at, "is a directory, not a file", "give the path of a data file");
        return std::nullopt;
    }
    // Minutes, lesson sets and project facts are kilobytes; a file of many megabytes is a
    // mistake or an attack, and would cost gigabytes once bound and typeset.
    constexpr std::uintmax_t kMaxDataBytes = 16 * 1024 * 1024;
    if (std::uintmax_t size = fs::file_size(path, ec); !ec && size > kMaxDataBytes) {
        diags.error(at, "the file is " + std::to_string(size / (1024 * 1024)) +
                            " MB; data files may be at most 16 MB",
                    "is this the right file? split large data into several jobs");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(at, "cannot read file", "check that the file is readable (permissions)");
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

std::optional<std::string> read_text_file(const std::string& path, TextEncoding encoding,
                                          Diagnostics& diags) {
    std::optional<std::string> bytes = read_text_file(path, diags);
    if (!bytes) return std::nullopt;
    return decode_text(std::move(*bytes), path, encoding, diags);
}

}  // namespace dw::data

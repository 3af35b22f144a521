// Helpers shared by the end-to-end tests: run a program (the real drukwerk binary, pdfinfo,
// qpdf...) capturing its exit code, stdout and stderr; temporary directories that are removed
// at the end; reading and writing files; a small JSON reader for `qpdf --json`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace e2e {

namespace fs = std::filesystem;

// ---- processes --------------------------------------------------------------------------------

struct RunResult {
    int exit_code = -1;      // the exit status; -1 when the process did not exit normally
    int signal = 0;          // the signal that ended it, if any
    bool timed_out = false;  // killed after the time limit
    std::string out;         // everything written to stdout
    std::string err;         // everything written to stderr
    std::string command;     // the command line, for messages
};

// Environment changes for a child: a name with a value sets it, a name without one unsets it.
using EnvChanges = std::vector<std::pair<std::string, std::optional<std::string>>>;

// Runs argv[0] (looked up in PATH) with the given arguments, no shell involved; stdin is
// /dev/null. Both output streams are captured in full. The child is killed after
// `timeout_seconds`.
RunResult run(const std::vector<std::string>& argv, const EnvChanges& env = {},
              const fs::path& working_dir = {}, double timeout_seconds = 60);

// Runs the drukwerk binary under test with SOURCE_DATE_EPOCH unset (unless `env` sets it), so a
// value in the caller's environment cannot change the dates the tests expect.
RunResult drukwerk(const std::vector<std::string>& args, const EnvChanges& env = {},
                   const fs::path& working_dir = {});

// Whether a program can be found in PATH.
bool have_program(const std::string& name);

// Where pdf.js is installed (.ci/deps: npm install --prefix /opt/drukwerk-pdfjs pdfjs-dist@4);
// DRUKWERK_PDFJS overrides. Empty when node or pdfjs-dist is missing: a test then warns "SKIP".
fs::path pdfjs_dir();

// ---- files ------------------------------------------------------------------------------------

// A fresh directory under the system temp directory; removed with everything in it when the
// object goes out of scope, unless keep() was called (to look at the files after a failure).
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "drukwerk-e2e");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }
    fs::path operator/(const fs::path& name) const { return path_ / name; }
    void keep() { keep_ = true; }

private:
    fs::path path_;
    bool keep_ = false;
};

std::string read_file(const fs::path& path);  // the whole file; "" when it cannot be read
void write_file(const fs::path& path, std::string_view bytes);

// The names (not paths) of the entries of a directory, hidden ones included, sorted.
std::vector<std::string> list_dir(const fs::path& dir);

fs::path source_root();                         // DRUKWERK_SOURCE_ROOT
fs::path fixture(const std::string& relative);  // tests/fixtures/<relative>
fs::path example_data();                        // inputs/verslag-consortium-2024-11-12.md
fs::path example_layout();                      // layouts/minutes.xml

// ---- text -------------------------------------------------------------------------------------

std::vector<std::string> split_lines(const std::string& text);  // on '\n'; drops a final ""
std::vector<std::string> split_words(const std::string& line);  // on runs of blanks
std::string trim(const std::string& s);
// Runs of blanks and line breaks as one space, none leading (text extracted from a PDF wraps).
std::string collapse_spaces(const std::string& text);
bool contains(std::string_view haystack, std::string_view needle);
size_t count_of(std::string_view haystack, std::string_view needle);  // not overlapping
bool starts_with(std::string_view s, std::string_view prefix);

// The lines of `text` that are diagnostics of the given severity ("error", "note",
// "warning"): lines of the form `file:line:col: severity: message`.
std::vector<std::string> diagnostic_lines(const std::string& text, const std::string& severity);

// ---- PNG --------------------------------------------------------------------------------------

struct PngHeader {
    bool valid = false;  // signature and IHDR chunk present
    std::uint32_t width = 0, height = 0;
};
PngHeader read_png_header(const std::string& bytes);

// ---- JSON (enough for qpdf --json) ------------------------------------------------------------

struct Json {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Json> array;
    std::vector<std::pair<std::string, Json>> object;  // in file order

    bool is_object() const { return kind == Kind::Object; }
    bool is_array() const { return kind == Kind::Array; }
    bool is_string() const { return kind == Kind::String; }
    bool is_number() const { return kind == Kind::Number; }
    // The member with this key, or nullptr (also when this is not an object).
    const Json* find(std::string_view key) const;
};

// Parses a JSON text; std::nullopt (and a message in `error`) when it is malformed.
std::optional<Json> parse_json(std::string_view text, std::string* error = nullptr);

}  // namespace e2e

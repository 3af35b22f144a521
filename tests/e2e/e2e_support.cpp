#include "e2e/e2e_support.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace e2e {

// ---- processes --------------------------------------------------------------------------------

namespace {

std::string command_line(const std::vector<std::string>& argv) {
    std::string out;
    for (const std::string& arg : argv) {
        if (!out.empty()) out += ' ';
        bool plain =
            !arg.empty() && arg.find_first_of(" \t\n'\"\\$`*?<>|&;()[]{}") == std::string::npos;
        if (plain) {
            out += arg;
            continue;
        }
        out += '\'';
        for (char c : arg) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

// The child's environment: ours with `changes` applied.
std::vector<std::string> child_environment(const EnvChanges& changes) {
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        std::string entry = *e;
        std::string name = entry.substr(0, entry.find('='));
        bool changed = std::any_of(changes.begin(), changes.end(),
                                   [&](const auto& c) { return c.first == name; });
        if (!changed) env.push_back(entry);
    }
    for (const auto& [name, value] : changes)
        if (value) env.push_back(name + "=" + *value);
    return env;
}

// Closes on scope exit.
struct Fd {
    int fd = -1;
    ~Fd() { reset(); }
    void reset() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

struct Pipe {
    Fd read, write;
    Pipe() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            throw std::system_error(errno, std::generic_category(), "pipe");
        read.fd = fds[0];
        write.fd = fds[1];
    }
};

}  // namespace

RunResult run(const std::vector<std::string>& argv, const EnvChanges& env_changes,
              const fs::path& working_dir, double timeout_seconds) {
    RunResult result;
    result.command = command_line(argv);
    if (argv.empty()) return result;

    // Everything the child needs is prepared before fork: only async-signal-safe calls after it.
    std::vector<std::string> env = child_environment(env_changes);
    std::vector<char*> env_ptrs;
    for (std::string& e : env) env_ptrs.push_back(e.data());
    env_ptrs.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> arg_ptrs;
    for (std::string& a : args) arg_ptrs.push_back(a.data());
    arg_ptrs.push_back(nullptr);
    // execvpe looks the program up in the PATH of the *parent*; fine for these tests.
    const std::string cwd = working_dir.string();

    Pipe out, err;
    pid_t pid = ::fork();
    if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
    if (pid == 0) {
        int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, 0);
        ::dup2(out.write.fd, 1);
        ::dup2(err.write.fd, 2);
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
        ::execvpe(arg_ptrs[0], arg_ptrs.data(), env_ptrs.data());
        const char msg[] = "e2e::run: cannot execute the program\n";
        ssize_t ignored = ::write(2, msg, sizeof msg - 1);
        (void)ignored;
        ::_exit(127);
    }
    out.write.reset();
    err.write.reset();

    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::duration_cast<clock::duration>(
                                             std::chrono::duration<double>(timeout_seconds));
    Fd* fds[2] = {&out.read, &err.read};
    std::string* sinks[2] = {&result.out, &result.err};
    char buffer[65536];
    while (out.read.fd >= 0 || err.read.fd >= 0) {
        pollfd pfds[2];
        int n = 0;
        int which[2];
        for (int i = 0; i < 2; ++i) {
            if (fds[i]->fd < 0) continue;
            pfds[n] = {fds[i]->fd, POLLIN, 0};
            which[n++] = i;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
        if (left.count() <= 0) {
            result.timed_out = true;
            ::kill(pid, SIGKILL);
            break;
        }
        int ready = ::poll(pfds, n, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0) break;
        for (int k = 0; k < n; ++k) {
            if (pfds[k].revents == 0) continue;
            ssize_t got = ::read(pfds[k].fd, buffer, sizeof buffer);
            if (got > 0)
                sinks[which[k]]->append(buffer, static_cast<size_t>(got));
            else if (got == 0 || errno != EINTR)
                fds[which[k]]->reset();
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    return result;
}

RunResult drukwerk(const std::vector<std::string>& args, const EnvChanges& env,
                   const fs::path& working_dir) {
    std::vector<std::string> argv{DRUKWERK_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    EnvChanges changes = env;
    bool sets_epoch = std::any_of(env.begin(), env.end(),
                                  [](const auto& c) { return c.first == "SOURCE_DATE_EPOCH"; });
    if (!sets_epoch) changes.emplace_back("SOURCE_DATE_EPOCH", std::nullopt);
    return run(argv, changes, working_dir);
}

bool have_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (dir.empty()) continue;
        fs::path candidate = fs::path(dir) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return true;
    }
    return false;
}

fs::path pdfjs_dir() {
    const char* env = std::getenv("DRUKWERK_PDFJS");
    const fs::path dir =
        env && *env ? fs::path(env) : fs::path("/opt/drukwerk-pdfjs/node_modules/pdfjs-dist");
    if (!have_program("node")) return {};
    return fs::exists(dir / "legacy" / "build" / "pdf.mjs") ? dir : fs::path();
}

// ---- files ------------------------------------------------------------------------------------

TempDir::TempDir(const std::string& prefix) {
    std::string tmpl = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (char* made = ::mkdtemp(tmpl.data())) path_ = made;
    if (path_.empty()) throw std::system_error(errno, std::generic_category(), "mkdtemp");
}

TempDir::~TempDir() {
    if (keep_ || path_.empty()) return;
    std::error_code ec;
    // A test may have taken the write permission away; give it back so everything can go.
    for (auto it = fs::recursive_directory_iterator(path_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory(ec))
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::string> list_dir(const fs::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
        names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

fs::path source_root() { return fs::path(DRUKWERK_SOURCE_ROOT); }
fs::path fixture(const std::string& relative) {
    return source_root() / "tests" / "fixtures" / relative;
}
fs::path example_data() { return source_root() / "inputs" / "verslag-consortium-2024-11-12.md"; }
fs::path example_layout() { return source_root() / "layouts" / "minutes.xml"; }

// ---- text -------------------------------------------------------------------------------------

size_t count_of(std::string_view haystack, std::string_view needle) {
    size_t count = 0;
    for (size_t at = haystack.find(needle); !needle.empty() && at != std::string_view::npos;
         at = haystack.find(needle, at + needle.size()))
        ++count;
    return count;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t from = 0;
    while (from < text.size()) {
        std::size_t at = text.find('\n', from);
        if (at == std::string::npos) at = text.size();
        lines.push_back(text.substr(from, at - from));
        from = at + 1;
    }
    return lines;
}

std::vector<std::string> split_words(const std::string& line) {
    std::vector<std::string> words;
    std::istringstream in(line);
    std::string word;
    while (in >> word) words.push_back(word);
    return words;
}

std::string trim(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t\r\n\f\v");
    if (b == std::string::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r\n\f\v");
    return s.substr(b, e - b + 1);
}

std::string collapse_spaces(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        if (blank && (out.empty() || out.back() == ' ')) continue;
        out += blank ? ' ' : c;
    }
    return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::vector<std::string> diagnostic_lines(const std::string& text, const std::string& severity) {
    std::vector<std::string> found;
    const std::string marker = ": " + severity + ": ";
    for (const std::string& line : split_lines(text))
        if (contains(line, marker)) found.push_back(line);
    return found;
}

// ---- PNG --------------------------------------------------------------------------------------

PngHeader read_png_header(const std::string& bytes) {
    static const char signature[] = "\x89PNG\r\n\x1a\n";
    PngHeader h;
    if (bytes.size() < 24 || bytes.compare(0, 8, signature, 8) != 0) return h;
    if (bytes.compare(12, 4, "IHDR") != 0) return h;
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i)
            v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
        return v;
    };
    if (be32(8) != 13) return h;
    h.width = be32(16);
    h.height = be32(20);
    h.valid = true;
    return h;
}

// ---- JSON -------------------------------------------------------------------------------------

const Json* Json::find(std::string_view key) const {
    if (kind != Kind::Object) return nullptr;
    for (const auto& [k, v] : object)
        if (k == key) return &v;
    return nullptr;
}

namespace {

class JsonParser {
public:
    explicit JsonParser(std::string_view text) : s_(text) {}

    std::optional<Json> parse(std::string* error) {
        try {
            Json value = parse_value(0);
            skip_space();
            if (pos_ != s_.size()) fail("trailing characters");
            return value;
        } catch (const std::runtime_error& e) {
            if (error) *error = e.what();
            return std::nullopt;
        }
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(pos_));
    }
    void skip_space() {
        while (pos_ < s_.size() &&
               (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t'))
            ++pos_;
    }
    char peek() {
        skip_space();
        if (pos_ >= s_.size()) fail("unexpected end");
        return s_[pos_];
    }
    void expect(char c) {
        if (peek() != c) fail(std::string("expected '") + c + "'");
        ++pos_;
    }
    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    Json parse_value(int depth) {
        if (depth > 200) fail("nested too deeply");
        Json v;
        char c = peek();
        if (c == '{') {
            v.kind = Json::Kind::Object;
            ++pos_;
            if (peek() == '}') return ++pos_, v;
            while (true) {
                if (peek() != '"') fail("expected a key");
                std::string key = parse_string();
                expect(':');
                v.object.emplace_back(std::move(key), parse_value(depth + 1));
                if (peek() == ',') {
                    ++pos_;
                    continue;
                }
                expect('}');
                return v;
            }
        }
        if (c == '[') {
            v.kind = Json::Kind::Array;
            ++pos_;
            if (peek() == ']') return ++pos_, v;
            while (true) {
                v.array.push_back(parse_value(depth + 1));
                if (peek() == ',') {
                    ++pos_;
                    continue;
                }
                expect(']');
                return v;
            }
        }
        if (c == '"') {
            v.kind = Json::Kind::String;
            v.string = parse_string();
            return v;
        }
        if (literal("true")) {
            v.kind = Json::Kind::Bool;
            v.boolean = true;
            return v;
        }
        if (literal("false")) {
            v.kind = Json::Kind::Bool;
            return v;
        }
        if (literal("null")) return v;
        std::size_t start = pos_;
        while (pos_ < s_.size() && std::strchr("+-0123456789.eE", s_[pos_])) ++pos_;
        if (start == pos_) fail("unexpected character");
        v.kind = Json::Kind::Number;
        v.number = std::strtod(std::string(s_.substr(start, pos_ - start)).c_str(), nullptr);
        return v;
    }

    unsigned hex4() {
        if (pos_ + 4 > s_.size()) fail("short \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            char h = s_[pos_++];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= unsigned(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= unsigned(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= unsigned(h - 'A' + 10);
            else
                fail("bad \\u escape");
        }
        return v;
    }

    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    std::string parse_string() {
        expect('"');
        std::string out;
        while (true) {
            if (pos_ >= s_.size()) fail("unterminated string");
            char c = s_[pos_++];
            if (c == '"') return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= s_.size()) fail("unterminated escape");
            char e = s_[pos_++];
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(pos_, 2) == "\\u") {
                        pos_ += 2;
                        unsigned low = hex4();
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    fail("bad escape");
            }
        }
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

}  // namespace

std::optional<Json> parse_json(std::string_view text, std::string* error) {
    return JsonParser(text).parse(error);
}

}  // namespace e2e

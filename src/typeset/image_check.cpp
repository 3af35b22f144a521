#include "typeset/image_check.h"

#include <fstream>
#include <iterator>
#include <string_view>

namespace dw::typeset {
namespace {

uint32_t big_endian(const std::string& b, size_t at, int bytes) {
    uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + size_t(i)]);
    return v;
}

std::optional<ImageProblem> check_pixels(long long width, long long height) {
    if (width <= kMaxImageSide && height <= kMaxImageSide && width * height <= kMaxImagePixels)
        return std::nullopt;
    return ImageProblem{"the image is " + std::to_string(width) + " x " + std::to_string(height) +
                            " pixels, more than drukwerk decodes",
                        "scale it down: at most 100 megapixels and 32767 pixels a side (300 dpi "
                        "on A3 is 4961 x 3508)"};
}

ImageProblem truncated(const char* kind) {
    return {std::string("the ") + kind + " image is damaged or cut off",
            "save or download it again"};
}

// Walks the chunks: each must be complete, and the file must end with IEND.
std::optional<ImageProblem> check_png(const std::string& b) {
    if (b.size() < 33 || b.compare(12, 4, "IHDR") != 0) return truncated("PNG");
    if (auto p = check_pixels(big_endian(b, 16, 4), big_endian(b, 20, 4))) return p;
    size_t at = 8;
    while (at + 12 <= b.size()) {
        uint32_t length = big_endian(b, at, 4);
        std::string type = b.substr(at + 4, 4);
        if (length > b.size() - at - 12) return truncated("PNG");
        if (type == "IEND") return std::nullopt;
        at += 12 + size_t(length);
    }
    return truncated("PNG");
}

// Walks the segments up to the scan data, checks the frame size, and wants the end marker.
std::optional<ImageProblem> check_jpeg(const std::string& b) {
    size_t at = 2;
    bool has_frame = false;
    while (at + 4 <= b.size() && static_cast<unsigned char>(b[at]) == 0xFF) {
        unsigned char marker = static_cast<unsigned char>(b[at + 1]);
        size_t length = big_endian(b, at + 2, 2);
        if (at + 2 + length > b.size()) return truncated("JPEG");
        bool frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && length >= 7) {
            has_frame = true;
            if (auto p = check_pixels(big_endian(b, at + 7, 2), big_endian(b, at + 5, 2))) return p;
        }
        if (marker == 0xDA) break;  // start of scan: entropy-coded data follows
        at += 2 + length;
    }
    bool ends = b.size() >= 2 && static_cast<unsigned char>(b[b.size() - 2]) == 0xFF &&
                static_cast<unsigned char>(b[b.size() - 1]) == 0xD9;
    if (!has_frame || !ends) return truncated("JPEG");
    return std::nullopt;
}

bool is_space(char c) {  // what \s matched: the C locale's isspace
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_quote(char c) { return c == '"' || c == '\''; }

void skip_spaces(std::string_view text, size_t& at) {
    while (at < text.size() && is_space(text[at])) ++at;
}

// The target of `href = "target"` (either quote, spaces allowed around '=' and inside the
// quotes before the target) when "href" starts at `at`; `end` is then just after the closing
// quote. A target starting with '#' (a fragment) is none.
std::optional<std::string_view> href_target(std::string_view text, size_t at, size_t& end) {
    size_t p = at + 4;
    skip_spaces(text, p);
    if (p >= text.size() || text[p] != '=') return std::nullopt;
    ++p;
    skip_spaces(text, p);
    if (p >= text.size() || !is_quote(text[p])) return std::nullopt;
    ++p;
    skip_spaces(text, p);
    if (p >= text.size() || is_quote(text[p]) || text[p] == '#') return std::nullopt;
    const size_t close = text.find_first_of("\"'", p);
    if (close == std::string_view::npos) return std::nullopt;
    end = close + 1;
    return text.substr(p, close - p);
}

// The target of `url(target)`, `url('target')` or `url("target")` when "url(" starts at `at`:
// up to a quote, ')' or the end of the text, where `end` is. A fragment is none.
std::optional<std::string_view> url_target(std::string_view text, size_t at, size_t& end) {
    size_t p = at + 4;
    skip_spaces(text, p);
    if (p < text.size() && is_quote(text[p])) ++p;
    skip_spaces(text, p);
    if (p >= text.size() || is_quote(text[p]) || text[p] == '#' || text[p] == ')')
        return std::nullopt;
    const size_t stop = text.find_first_of("\"')", p);
    end = stop == std::string_view::npos ? text.size() : stop;
    return text.substr(p, end - p);
}

// Any href or url() that is not a fragment (#id) or an embedded data: URI loads another file.
// A hand-written scanner, not std::regex: compiling that pattern cost more than the check.
// Like a regex search it resumes after a data: URI, so url( inside one is not looked at.
std::optional<ImageProblem> check_svg(std::string_view text) {
    constexpr auto npos = std::string_view::npos;
    size_t href = text.find("href"), url = text.find("url(");
    while (href != npos || url != npos) {
        const bool is_href = href < url;
        const size_t at = is_href ? href : url;
        size_t end = 0;
        const std::optional<std::string_view> target =
            is_href ? href_target(text, at, end) : url_target(text, at, end);
        if (target && !target->starts_with("data:")) {
            std::string shown(*target);
            if (shown.size() > 80) shown = shown.substr(0, 77) + "...";
            return ImageProblem{"the SVG image refers to another file: '" + shown + "'",
                                "embed it (a data: URI) or convert it to paths: an SVG may not "
                                "load other files"};
        }
        const size_t resume = target ? end : at + 1;
        if (href < resume) href = text.find("href", resume);
        if (url < resume) url = text.find("url(", resume);
    }
    return std::nullopt;
}

}  // namespace

std::optional<ImageProblem> find_image_problem(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return check_png(bytes);
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xFF\xD8\xFF") == 0) return check_jpeg(bytes);
    if (bytes.find("<svg") != std::string::npos) return check_svg(bytes);
    return ImageProblem{"the file is not a PNG, JPEG or SVG image", "check that it is an image"};
}

}  // namespace dw::typeset

#include "typeset/image_size.h"

#include <charconv>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

#include "layout/length.h"

namespace dw::typeset {
namespace {

constexpr double kPxToPt = 72.0 / 96.0;

uint32_t big_endian(const unsigned char* p, int bytes) {
    uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
    return v;
}

std::optional<ImageSize> png_size(const std::vector<unsigned char>& b) {
    if (b.size() < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R')
        return std::nullopt;
    return ImageSize{big_endian(&b[16], 4) * kPxToPt, big_endian(&b[20], 4) * kPxToPt};
}

std::optional<ImageSize> jpeg_size(const std::vector<unsigned char>& b) {
    size_t i = 2;
    while (i + 9 < b.size()) {
        if (b[i] != 0xFF) return std::nullopt;
        unsigned char marker = b[i + 1];
        size_t length = big_endian(&b[i + 2], 2);
        bool start_of_frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (start_of_frame)
            return ImageSize{big_endian(&b[i + 7], 2) * kPxToPt,
                             big_endian(&b[i + 5], 2) * kPxToPt};
        i += 2 + length;
    }
    return std::nullopt;
}

std::optional<double> svg_length(const std::string& text) {
    auto length = parse_length(text);
    if (length) return length->to_pt();
    if (text.size() > 2 && text.substr(text.size() - 2) == "px")
        if (auto px = parse_length(text.substr(0, text.size() - 2))) return px->value * kPxToPt;
    return std::nullopt;
}

// Hand-written scanners, not std::regex: compiling the patterns would cost every render with
// an SVG more than the rest of reading its size.

bool is_space(char c) {  // what \s matched: the C locale's isspace
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// The root element's start tag: from the first "<svg" to the next '>'.
std::optional<std::string_view> svg_start_tag(std::string_view text) {
    const size_t open = text.find("<svg");
    if (open == std::string_view::npos) return std::nullopt;
    const size_t close = text.find('>', open);
    if (close == std::string_view::npos) return std::nullopt;
    return text.substr(open, close + 1 - open);
}

// The first non-empty value of `name="..."` preceded by whitespace (so stroke-width is not
// width) in `tag`.
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
    const std::string key = std::string(name) + "=\"";
    for (size_t at = tag.find(key, 1); at != std::string_view::npos; at = tag.find(key, at + 1)) {
        if (!is_space(tag[at - 1])) continue;
        const size_t begin = at + key.size();
        const size_t end = tag.find('"', begin);
        if (end == std::string_view::npos) return std::nullopt;  // no later value can close
        if (end > begin) return tag.substr(begin, end - begin);
    }
    return std::nullopt;
}

// How many characters from `at` are in `chars`.
size_t span(std::string_view text, size_t at, std::string_view chars) {
    const size_t end = text.find_first_not_of(chars, at);
    return (end == std::string_view::npos ? text.size() : end) - at;
}

std::optional<double> number(std::string_view text) {
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc()) return std::nullopt;
    return value;
}

// The width and height of the first viewBox="min-x min-y width height" in `tag`: four numbers
// separated by spaces or commas, the last two without a sign, nothing else inside the quotes.
std::optional<ImageSize> view_box_size(std::string_view tag) {
    constexpr std::string_view key = "viewBox=\"";
    for (size_t at = tag.find(key); at != std::string_view::npos; at = tag.find(key, at + 1)) {
        size_t p = at + key.size();
        std::string_view numbers[4];
        bool ok = true;
        for (int i = 0; i < 4 && ok; ++i) {
            if (i > 0) {
                const size_t separator = span(tag, p, " ,");
                ok = separator > 0;
                p += separator;
            }
            const size_t digits = span(tag, p, i < 2 ? "-0123456789." : "0123456789.");
            ok = ok && digits > 0;
            numbers[i] = tag.substr(p, digits);
            p += digits;
        }
        if (!ok || p >= tag.size() || tag[p] != '"') continue;
        // "." or "1..": no number (std::stod threw here before)
        const auto width = number(numbers[2]), height = number(numbers[3]);
        if (width && height) return ImageSize{*width * kPxToPt, *height * kPxToPt};
    }
    return std::nullopt;
}

std::optional<ImageSize> svg_size(std::string_view text) {
    const std::optional<std::string_view> tag = svg_start_tag(text);
    if (!tag) return std::nullopt;
    std::optional<double> w, h;
    if (auto width = attribute(*tag, "width")) w = svg_length(std::string(*width));
    if (auto height = attribute(*tag, "height")) h = svg_length(std::string(*height));
    if (w && h) return ImageSize{*w, *h};
    return view_box_size(*tag);
}

}  // namespace

std::optional<ImageSize> read_image_size(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::vector<unsigned char> bytes(4096);
    in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(bytes.size()));
    bytes.resize(size_t(in.gcount()));
    if (bytes.size() >= 8 && bytes[0] == 0x89 && bytes[1] == 'P') return png_size(bytes);
    if (bytes.size() >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8) {
        in.clear();
        in.seekg(0);
        std::vector<unsigned char> all((std::istreambuf_iterator<char>(in)), {});
        return jpeg_size(all);
    }
    const std::string text(bytes.begin(), bytes.end());
    return svg_size(text);
}

}  // namespace dw::typeset

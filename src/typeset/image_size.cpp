#include "typeset/image_size.h"

#include <fstream>
#include <iterator>
#include <regex>
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
    if (b.size() < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') return std::nullopt;
    return ImageSize{big_endian(&b[16], 4) * kPxToPt, big_endian(&b[20], 4) * kPxToPt};
}

std::optional<ImageSize> jpeg_size(const std::vector<unsigned char>& b) {
    size_t i = 2;
    while (i + 9 < b.size()) {
        if (b[i] != 0xFF) return std::nullopt;
        unsigned char marker = b[i + 1];
        size_t length = big_endian(&b[i + 2], 2);
        bool start_of_frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                              marker != 0xCC;
        if (start_of_frame)
            return ImageSize{big_endian(&b[i + 7], 2) * kPxToPt, big_endian(&b[i + 5], 2) * kPxToPt};
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

std::optional<ImageSize> svg_size(const std::string& text) {
    std::smatch root;
    if (!std::regex_search(text, root, std::regex("<svg[^>]*>"))) return std::nullopt;
    std::string tag = root.str();
    std::smatch m;
    std::optional<double> w, h;
    if (std::regex_search(tag, m, std::regex("\\swidth=\"([^\"]+)\""))) w = svg_length(m[1]);
    if (std::regex_search(tag, m, std::regex("\\sheight=\"([^\"]+)\""))) h = svg_length(m[1]);
    if (w && h) return ImageSize{*w, *h};
    if (std::regex_search(tag, m, std::regex("viewBox=\"[-\\d.]+[ ,]+[-\\d.]+[ ,]+([\\d.]+)[ ,]+([\\d.]+)\"")))
        return ImageSize{std::stod(m[1]) * kPxToPt, std::stod(m[2]) * kPxToPt};
    return std::nullopt;
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
    return svg_size(std::string(bytes.begin(), bytes.end()));
}

}  // namespace dw::typeset

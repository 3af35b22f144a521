// A paragraph that holds only images (a photo of the post-it wall, a diagram) becomes one Image
// block per image: the file is found next to the data file and checked here, so a missing or
// unusable image is an error at its line in the Markdown. Images inside running text stay text.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "data/markdown_convert.h"

namespace dw::data {

namespace {

bool blank_text(cmark_node* node) {
    if (cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK) return true;
    if (cmark_node_get_type(node) != CMARK_NODE_TEXT) return false;
    std::string text = cmark_text(cmark_node_get_literal(node));
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

bool MarkdownConverter::image_paragraph(cmark_node* paragraph, int depth, std::vector<Block>& out) {
    bool any = false;
    for (cmark_node* n = cmark_node_first_child(paragraph); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_IMAGE) any = true;
        else if (!blank_text(n)) return false;
    }
    if (!any) return false;
    for (cmark_node* n = cmark_node_first_child(paragraph); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_IMAGE) {
            Block image = image_block(n, depth + 1);
            if (!image.text.empty()) out.push_back(std::move(image));
        }
    return true;
}

// The Image block; its text stays empty when the file cannot be used (reported).
Block MarkdownConverter::image_block(cmark_node* image, int depth) {
    namespace fs = std::filesystem;
    Block b;
    b.kind = Block::Kind::Image;
    b.loc = loc_of(image, {file_, first_line_, 1});
    b.info = cmark_text(cmark_node_get_title(image));
    b.inlines = inlines_of(image, depth + 1, b.loc);
    std::string src = cmark_text(cmark_node_get_url(image));
    if (src.empty() || src.find("://") != std::string::npos) {
        diags_.error(b.loc, "image '" + src + "' is not a file",
                     "put the image next to the Markdown file and write its name: ![text](foto.jpg)");
        return b;
    }
    fs::path path(src);
    if (path.is_relative()) path = fs::path(file_).parent_path() / path;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        diags_.error(b.loc, "image '" + src + "' not found",
                     "looked for " + path.string() + " (paths are relative to the Markdown file)");
        return b;
    }
    std::string ext = lower_extension(path);
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".svg") {
        diags_.error(b.loc, "image '" + src + "' is not PNG, JPEG or SVG",
                     "save the photo as JPEG or PNG");
        return b;
    }
    b.text = fs::absolute(path).lexically_normal().string();
    return b;
}

}  // namespace dw::data

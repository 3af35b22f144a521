#include "cli/pipelines/confinement.h"

#include <algorithm>
#include <set>

#include "data/path_guard.h"

namespace dw::cli {
namespace {

const char kHint[] = "jobs of a manifest may only read files under its root folder and its "
                     "<allow> folders";

void check_box(const bind::Box& box, const std::vector<std::string>& dirs, Diagnostics& diags,
               bool& ok) {
    if (box.kind == bind::Box::Kind::Image && !data::path_is_allowed(box.image_file, dirs)) {
        diags.error(box.loc, "the image '" + box.image_file + "' is outside the project", kHint);
        ok = false;
    }
    for (const auto& child : box.children) check_box(child, dirs, diags, ok);
}

}  // namespace

bool check_confined(const std::string& path, const char* what, const std::vector<std::string>& dirs,
                    Diagnostics& diags) {
    if (data::path_is_allowed(path, dirs)) return true;
    diags.error({path, 0, 0}, std::string("the ") + what + " file is outside the project", kHint);
    return false;
}

bool check_confined_images(const bind::BoxDocument& doc, const std::vector<std::string>& dirs,
                           Diagnostics& diags) {
    bool ok = true;
    check_box(doc.body, dirs, diags, ok);
    for (const auto* boxes : {&doc.page.header, &doc.page.footer, &doc.page.background}) {
        for (const auto& box : *boxes) check_box(box, dirs, diags, ok);
    }
    return ok;
}

bool check_confined_images(const typeset::Document& doc, const std::vector<std::string>& dirs,
                           Diagnostics& diags) {
    std::set<std::string> reported;
    for (const auto& page : doc.pages) check_confined_images(page, dirs, diags, reported);
    return reported.empty();
}

bool check_confined_images(const typeset::Page& page, const std::vector<std::string>& dirs,
                           Diagnostics& diags, std::set<std::string>& reported) {
    bool ok = true;
    for (const auto& item : page.items) {
        const auto* image = std::get_if<typeset::Image>(&item);
        if (!image || data::path_is_allowed(image->file, dirs)) continue;
        ok = false;
        if (reported.insert(image->file).second)
            diags.error({image->file, 0, 0}, "the image is outside the project", kHint);
    }
    return ok;
}

bool images_confined(const typeset::Page& page, const std::vector<std::string>& dirs) {
    return std::all_of(page.items.begin(), page.items.end(), [&](const typeset::Item& item) {
        const auto* image = std::get_if<typeset::Image>(&item);
        return !image || data::path_is_allowed(image->file, dirs);
    });
}

}  // namespace dw::cli

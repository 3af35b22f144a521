#pragma once
#include <set>
#include <string>
#include <vector>

#include "bind/box.h"
#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::cli {

// `--confine DIR` (given by `drukwerk build` from the manifest): the job may read only files
// inside these folders, so hand-edited or received data cannot make it read /etc/passwd or
// anything else outside the project. Each check reports an error and returns false.
bool check_confined(const std::string& path, const char* what, const std::vector<std::string>& dirs,
                    Diagnostics& diags);
// Every image the bound document will draw (body, header, footer, background).
bool check_confined_images(const bind::BoxDocument& doc, const std::vector<std::string>& dirs,
                           Diagnostics& diags);
// The same for a typeset document (card decks are bound card by card).
bool check_confined_images(const typeset::Document& doc, const std::vector<std::string>& dirs,
                           Diagnostics& diags);
// The same for one page of a document made page by page; `reported` holds the files reported
// so far (each is reported once) and grows.
bool check_confined_images(const typeset::Page& page, const std::vector<std::string>& dirs,
                           Diagnostics& diags, std::set<std::string>& reported);
// Whether every image of `page` is inside the folders; reports nothing.
bool images_confined(const typeset::Page& page, const std::vector<std::string>& dirs);

}  // namespace dw::cli

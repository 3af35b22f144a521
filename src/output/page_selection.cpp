#include "output/page_selection.h"

#include <algorithm>
#include <set>
#include <string>

namespace dw::output {

std::optional<std::vector<int>> resolve_page_numbers(const std::vector<int>& requested,
                                                     size_t page_count, Diagnostics& diag) {
    std::vector<int> numbers;
    if (requested.empty()) {
        for (size_t i = 1; i <= page_count; ++i) numbers.push_back(static_cast<int>(i));
        return numbers;
    }
    bool ok = true;
    for (int n : requested) {
        if (n < 1 || static_cast<size_t>(n) > page_count) {
            diag.error({}, "page " + std::to_string(n) + " does not exist; the document has " +
                               std::to_string(page_count) + " page(s)");
            ok = false;
        } else if (std::find(numbers.begin(), numbers.end(), n) == numbers.end()) {
            numbers.push_back(n);
        }
    }
    if (!ok) return std::nullopt;
    return numbers;
}

namespace {

std::set<std::string> dests_on(const std::vector<typeset::Page>& pages) {
    std::set<std::string> names;
    for (const typeset::Page& page : pages) {
        for (const typeset::Item& item : page.items) {
            if (const auto* d = std::get_if<typeset::Dest>(&item)) names.insert(d->name);
        }
    }
    return names;
}

}  // namespace

typeset::Document select_pages(const typeset::Document& doc, const std::vector<int>& numbers) {
    typeset::Document out;
    out.fonts = doc.fonts;
    out.metadata = doc.metadata;
    for (int n : numbers) out.pages.push_back(doc.pages.at(static_cast<size_t>(n - 1)));

    const std::set<std::string> kept = dests_on(out.pages);
    for (const typeset::OutlineEntry& e : doc.outline) {
        if (kept.count(e.dest)) out.outline.push_back(e);
    }
    for (typeset::Page& page : out.pages) {
        std::erase_if(page.items, [&kept](const typeset::Item& item) {
            const auto* link = std::get_if<typeset::Link>(&item);
            return link && link->uri.empty() && !kept.count(link->dest);
        });
    }
    return out;
}

}  // namespace dw::output

#pragma once
#include <map>
#include <string>
#include <vector>

#include "bind/box.h"
#include "typeset/fragment.h"

namespace dw::typeset {

// Shaped paragraphs by everything that decides their shape, for documents that repeat the same
// text many times (a card deck: "Thema 2", the theme's name and the wordmark on every card).
// Paragraphs with links, bookmarks or page fields are never reused: those carry unique names or
// change per page.
class ParagraphCache {
public:
    // The key of a paragraph laid out at (x, width); empty when it must not be reused.
    static std::string key(const bind::Box& paragraph, double x, double width);
    // Everything of a style that decides how its text is shaped and set.
    static std::string style_key(const layout::Style& style);

    // A copy of the stored lines with `paragraph_id` as their paragraph, or false.
    bool find(const std::string& key, int paragraph_id, std::vector<Fragment>& out) const;
    void store(const std::string& key, const std::vector<Fragment>& lines);

private:
    static constexpr size_t kCapacity = 256;
    std::map<std::string, std::vector<Fragment>> lines_;
};

}  // namespace dw::typeset

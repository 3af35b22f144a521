#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "bind/box.h"

// <text autolink="true">: URLs and e-mail addresses in text (typically from data fields) become
// links, as GFM autolinks do in Markdown.
namespace dw::bind {

struct FoundLink {
    size_t begin = 0, end = 0;  // byte range in the text
    std::string href;           // "https://...", "mailto:..."
};

// Every URL (http://, https://, www.) and e-mail address in `text`, in order; trailing
// punctuation (a full stop ending the sentence) is not part of the link.
std::vector<FoundLink> find_links(std::string_view text);

// The spans with each found link split out into its own span carrying `link`; spans that are
// already links, or page fields, stay as they are.
std::vector<Span> autolink_spans(const std::vector<Span>& spans);

}  // namespace dw::bind

#include "bind/autolink.h"

#include <algorithm>
#include <cctype>

namespace dw::bind {
namespace {

bool is_email_local(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-';
}
bool is_domain(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// A link may not end in sentence punctuation or an unbalanced closing bracket.
size_t trim_end(std::string_view text, size_t begin, size_t end) {
    while (end > begin && std::string_view(".,;:!?)'\"").find(text[end - 1]) != std::string_view::npos)
        --end;
    return end;
}

bool starts_url(std::string_view text, size_t at) {
    for (std::string_view prefix : {"https://", "http://", "www."})
        if (text.substr(at, prefix.size()) == prefix) return at == 0 || !is_domain(text[at - 1]);
    return false;
}

}  // namespace

std::vector<FoundLink> find_links(std::string_view text) {
    std::vector<FoundLink> links;
    size_t i = 0;
    while (i < text.size()) {
        if (starts_url(text, i)) {
            size_t end = i;
            while (end < text.size() && !is_space(text[end])) ++end;
            end = trim_end(text, i, end);
            std::string url(text.substr(i, end - i));
            if (url.rfind("www.", 0) == 0) url = "https://" + url;
            links.push_back({i, end, url});
            i = end;
            continue;
        }
        if (text[i] == '@' && i > 0) {
            size_t begin = i;
            while (begin > 0 && is_email_local(text[begin - 1])) --begin;
            if (!links.empty() && begin < links.back().end) begin = links.back().end;
            size_t end = i + 1;
            while (end < text.size() && is_domain(text[end])) ++end;
            end = trim_end(text, i + 1, end);
            std::string_view domain = text.substr(i + 1, end - i - 1);
            if (begin < i && domain.find('.') != std::string_view::npos && domain.front() != '.') {
                links.push_back({begin, end, "mailto:" + std::string(text.substr(begin, end - begin))});
                i = end;
                continue;
            }
        }
        ++i;
    }
    return links;
}

std::vector<Span> autolink_spans(const std::vector<Span>& spans) {
    std::vector<Span> out;
    for (const Span& span : spans) {
        if (!span.link.empty() || span.field != Span::Field::None) {
            out.push_back(span);
            continue;
        }
        size_t pos = 0;
        auto piece = [&](size_t begin, size_t end, const std::string& link) {
            if (end <= begin) return;
            Span s = span;
            s.text = span.text.substr(begin, end - begin);
            s.link = link;
            out.push_back(std::move(s));
        };
        for (const FoundLink& link : find_links(span.text)) {
            piece(pos, link.begin, "");
            piece(link.begin, link.end, link.href);
            pos = link.end;
        }
        piece(pos, span.text.size(), "");
    }
    return out;
}

}  // namespace dw::bind

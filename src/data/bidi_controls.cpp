#include "data/bidi_controls.h"

#include <algorithm>

#include "data/rich_text.h"
#include "data/value.h"

namespace dw::data {

namespace {

constexpr char32_t kPopFormatting = 0x202C, kPopIsolate = 0x2069;

bool is_embedding(char32_t c) { return c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E; }
bool is_isolate(char32_t c) { return c >= 0x2066 && c <= 0x2068; }

// Every control is three UTF-8 bytes: E2 80 AA..AE or E2 81 A6..A9.
char32_t control_at(std::string_view text, size_t i) {
    if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xE2) return 0;
    const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return 0x2000 + (b2 - 0x80);
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 0x2040 + (b2 - 0x80);
    return 0;
}

std::string utf8(char32_t c) {  // only the three-byte controls above
    return {char(0xE0 | (c >> 12)), char(0x80 | ((c >> 6) & 0x3F)), char(0x80 | (c & 0x3F))};
}

std::string control_name(char32_t c) {
    switch (c) {
        case 0x202A: return "left-to-right embedding (U+202A)";
        case 0x202B: return "right-to-left embedding (U+202B)";
        case 0x202C: return "pop directional formatting (U+202C)";
        case 0x202D: return "left-to-right override (U+202D)";
        case 0x202E: return "right-to-left override (U+202E)";
        case 0x2066: return "left-to-right isolate (U+2066)";
        case 0x2067: return "right-to-left isolate (U+2067)";
        case 0x2068: return "first-strong isolate (U+2068)";
        default: return "pop directional isolate (U+2069)";
    }
}

// How many times `control` occurs in `text` before `offset`.
int occurrences_before(std::string_view text, size_t offset, char32_t control) {
    int count = 0;
    for (size_t i = text.find('\xE2'); i < offset && i != std::string_view::npos; i = text.find('\xE2', i + 1))
        count += control_at(text, i) == control;
    return count;
}

// Where the `nth` (0-based) occurrence of `control` after `start` is written in `source`, whose
// every line starts at column origin.col of the file; `start` when it is not there.
SourceLoc locate(std::string_view source, const SourceLoc& origin, const SourceLoc& start,
                 char32_t control, int nth) {
    if (source.empty() || start.line < origin.line) return start;
    size_t pos = 0;
    for (int line = origin.line; line < start.line; ++line) {
        pos = source.find('\n', pos);
        if (pos == std::string_view::npos) return start;
        ++pos;
    }
    for (int col = origin.col; col < start.col && pos < source.size() && source[pos] != '\n'; ++col)
        do ++pos; while (pos < source.size() && (static_cast<unsigned char>(source[pos]) & 0xC0) == 0x80);
    const std::string needle = utf8(control);
    for (pos = source.find(needle, pos); pos != std::string_view::npos && nth > 0; --nth)
        pos = source.find(needle, pos + 1);
    if (pos == std::string_view::npos) return start;
    const size_t line_start = source.rfind('\n', pos) == std::string_view::npos ? 0 : source.rfind('\n', pos) + 1;
    const auto lines = std::count(source.begin(), source.begin() + std::ptrdiff_t(line_start), '\n');
    int col = origin.col;
    for (size_t i = line_start; i < pos; ++i) col += (static_cast<unsigned char>(source[i]) & 0xC0) != 0x80;
    return {start.file, origin.line + int(lines), col};
}

struct Reporter {
    std::string_view source;
    const SourceLoc& origin;
    Diagnostics& diags;

    // Warns for the problems of `text` (a value starting at `start`) and returns its closers.
    std::string report(std::string_view text, const SourceLoc& start) const {
        BidiBalance balance = balance_bidi_controls(text);
        auto where = [&](const BidiBalance::Control& c) {
            return locate(source, origin, start, c.code_point,
                          occurrences_before(text, c.offset, c.code_point));
        };
        for (const auto& c : balance.unclosed) {
            const bool isolate = is_isolate(c.code_point);
            diags.warning(where(c), "the " + control_name(c.code_point) + " is never closed",
                          "it ends with the text; close it where it should end with " +
                              control_name(isolate ? kPopIsolate : kPopFormatting) +
                              ", or remove it (text copied from a chat or a web page may carry one)");
        }
        for (const auto& c : balance.stray)
            diags.warning(where(c), "the " + control_name(c.code_point) + " closes nothing and has no effect",
                          "remove it");
        return balance.closers;
    }
};

void close_in_value(Value& value, const Reporter& reporter) {
    switch (value.kind) {
        case Value::Kind::String:
            if (has_bidi_controls(value.text)) value.text += reporter.report(value.text, value.loc);
            break;
        case Value::Kind::List:
            for (Value& item : value.items) close_in_value(item, reporter);
            break;
        case Value::Kind::Map:
            for (Field& field : value.fields) close_in_value(field.value, reporter);
            break;
        default:
            break;
    }
}

void collect_text(std::vector<Inline>& inlines, std::string& text) {
    for (Inline& in : inlines) {
        if (in.kind == Inline::Kind::Text || in.kind == Inline::Kind::Code) text += in.text;
        collect_text(in.children, text);
    }
}

void close_in_blocks(std::vector<Block>& blocks, const Reporter& reporter) {
    for (Block& block : blocks) {
        close_in_blocks(block.children, reporter);
        std::string text;
        collect_text(block.inlines, text);
        if (!has_bidi_controls(text)) continue;
        std::string closers = reporter.report(text, block.loc);
        if (closers.empty()) continue;
        Inline closing;
        closing.text = std::move(closers);
        block.inlines.push_back(std::move(closing));
    }
}

}  // namespace

bool has_bidi_controls(std::string_view text) {
    for (size_t i = text.find('\xE2'); i != std::string_view::npos; i = text.find('\xE2', i + 1))
        if (control_at(text, i)) return true;
    return false;
}

BidiBalance balance_bidi_controls(std::string_view text) {
    BidiBalance balance;
    std::vector<BidiBalance::Control>& open = balance.unclosed;
    for (size_t i = text.find('\xE2'); i != std::string_view::npos; i = text.find('\xE2', i + 1)) {
        const char32_t c = control_at(text, i);
        if (is_embedding(c) || is_isolate(c)) {
            open.push_back({i, c});
        } else if (c == kPopFormatting) {
            if (!open.empty() && is_embedding(open.back().code_point)) open.pop_back();
            else balance.stray.push_back({i, c});
        } else if (c == kPopIsolate) {
            auto isolate = std::find_if(open.rbegin(), open.rend(),
                                        [](const auto& o) { return is_isolate(o.code_point); });
            if (isolate == open.rend()) balance.stray.push_back({i, c});
            else open.erase(std::prev(isolate.base()), open.end());
        }
    }
    for (auto c = open.rbegin(); c != open.rend(); ++c)
        balance.closers += utf8(is_isolate(c->code_point) ? kPopIsolate : kPopFormatting);
    return balance;
}

void close_bidi_controls(Value& value, std::string_view source, const SourceLoc& origin,
                         Diagnostics& diags) {
    close_in_value(value, Reporter{source, origin, diags});
}

void close_bidi_controls(RichText& text, std::string_view source, const SourceLoc& origin,
                         Diagnostics& diags) {
    close_in_blocks(text.blocks, Reporter{source, origin, diags});
}

}  // namespace dw::data

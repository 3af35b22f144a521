#include "data/text_limits.h"

namespace dw::data {
namespace {

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string size_text(size_t bytes) {
    if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MB";
    return std::to_string(bytes / 1024) + " KB";
}

}  // namespace

bool check_body_limits(std::string_view body, const std::string& file, int first_line,
                       Diagnostics& diags) {
    size_t paragraph_bytes = 0;
    int paragraph_line = first_line;
    int line = first_line;
    for (size_t pos = 0; pos < body.size(); ++line) {
        size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        const std::string_view text = body.substr(pos, end - pos);
        if (is_blank(text)) {
            paragraph_bytes = 0;
        } else {
            if (paragraph_bytes == 0) paragraph_line = line;
            paragraph_bytes += text.size() + 1;
            if (paragraph_bytes > kMaxParagraphBytes) {
                diags.error({file, paragraph_line, 1},
                            "this paragraph is longer than " + size_text(kMaxParagraphBytes) +
                                "; a paragraph may hold at most " + size_text(kMaxParagraphBytes),
                            "split it with blank lines");
                return false;
            }
        }
        if (end + 1 > kMaxBodyBytes) {
            diags.error({file, line, 1},
                        "the text passes " + size_text(kMaxBodyBytes) +
                            " here; a document may hold at most " + size_text(kMaxBodyBytes),
                        "split the data into several documents");
            return false;
        }
        pos = end + 1;
    }
    return true;
}

bool check_data_size(std::string_view text, const SourceLoc& start, const char* what,
                     Diagnostics& diags) {
    if (text.size() <= kMaxBodyBytes) return true;
    int line = start.line;
    for (size_t i = 0; i < kMaxBodyBytes; ++i) line += text[i] == '\n';
    diags.error({start.file, line, 1},
                "the data passes " + size_text(kMaxBodyBytes) + " here; " + what +
                    " may hold at most " + size_text(kMaxBodyBytes),
                "split the data into several files or documents");
    return false;
}

bool check_text_values(const Value& value, Diagnostics& diags) {
    switch (value.kind) {
        case Value::Kind::String:
            if (value.text.size() <= kMaxParagraphBytes) return true;
            diags.error(value.loc,
                        "this text is longer than " + size_text(kMaxParagraphBytes) +
                            "; a value may hold at most " + size_text(kMaxParagraphBytes),
                        "shorten it, or write long text in the Markdown body");
            return false;
        case Value::Kind::List:
            for (const Value& item : value.items)
                if (!check_text_values(item, diags)) return false;
            return true;
        case Value::Kind::Map:
            for (const Field& field : value.fields)
                if (!check_text_values(field.value, diags)) return false;
            return true;
        default:
            return true;
    }
}

}  // namespace dw::data
